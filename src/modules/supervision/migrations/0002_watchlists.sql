-- Wanted persons and vehicles. Entries are closed, never deleted, so the list's size over time can be shown.
create table watchlist_entries (
  id text primary key,
  kind text not null check (kind in ('person', 'vehicle')),
  iin text,
  full_name text,
  birth_date date,
  plate text,
  warrant_basis text not null,
  issuing_agency text not null,
  danger_level text not null default 'medium' check (danger_level in ('low', 'medium', 'high')),
  region text not null,
  status text not null default 'active' check (status in ('active', 'closed')),
  closed_reason text check (closed_reason in ('detained', 'cancelled', 'found_elsewhere')),
  closed_through_system boolean not null default false,
  created_at timestamptz not null default now(),
  closed_at timestamptz,
  check (kind = 'vehicle' or full_name is not null or iin is not null),
  check (kind = 'person' or plate is not null)
);
create index watchlist_entries_active on watchlist_entries (kind) where status = 'active';

-- Bumped in the transaction of every watchlist change, so matchers know when to rebuild their index.
create table watchlist_version (
  id boolean primary key default true check (id),
  version bigint not null
);
insert into watchlist_version (version) values (0);

-- What the pipeline found: one row per rule that an observation triggered, with the alert it raised and, later, what
-- the duty officer found (the outcome feeds each source's false-match rate).
create table supervision_hits (
  id uuid primary key,
  observation_id uuid references observations (id) on delete set null,
  source_id text not null,
  rule text not null,
  subject_type text not null,
  subject_id text not null,
  score double precision not null,
  reasons jsonb not null,
  region text not null,
  alert_id uuid,
  created_at timestamptz not null default now(),
  outcome text check (outcome in ('detained', 'not_found', 'false_match')),
  outcome_note text,
  outcome_at timestamptz,
  outcome_by text
);
create index supervision_hits_alert on supervision_hits (alert_id);
create index supervision_hits_source on supervision_hits (source_id, created_at desc);
