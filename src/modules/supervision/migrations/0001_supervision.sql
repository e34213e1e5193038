-- Connected sources: cameras, drones, bracelets, state database feeds, patrol apps.
create table supervision_sources (
  id text primary key,
  kind text not null check (kind in ('camera', 'drone', 'bracelet', 'state_db', 'patrol_app')),
  name text not null,
  agency_id text not null references agencies (id),
  region text not null,
  lat double precision,
  lon double precision,
  direction_deg double precision,
  -- A source that sends nothing for this long is reported silent.
  expected_every_seconds integer not null default 300,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  last_message_at timestamptz,
  messages_total bigint not null default 0,
  silent_since timestamptz
);

-- Observations as sources report them. Unmatched ones are deleted after the retention period (expires_at).
create table observations (
  id uuid primary key,
  source_id text not null references supervision_sources (id),
  external_id text not null,
  observed_at timestamptz not null,
  received_at timestamptz not null default now(),
  lat double precision,
  lon double precision,
  accuracy_m double precision,
  kind text not null check (kind in ('person', 'vehicle', 'activity', 'bracelet_ping')),
  identifiers jsonb not null default '{}',
  confidence double precision,
  attributes jsonb not null default '{}',
  media_ref text,
  state text not null default 'pending' check (state in ('pending', 'matched', 'unmatched')),
  expires_at timestamptz,
  unique (source_id, external_id)
);
create index observations_pending on observations (received_at) where state = 'pending';
create index observations_expiry on observations (expires_at) where expires_at is not null;

-- Messages that could not be taken in, with the reason. The payload is cut short and expires like unmatched data.
create table observation_dead_letters (
  id uuid primary key,
  channel text not null,
  source_id text,
  reason text not null,
  payload text not null,
  received_at timestamptz not null default now()
);
create index observation_dead_letters_received on observation_dead_letters (received_at desc);
