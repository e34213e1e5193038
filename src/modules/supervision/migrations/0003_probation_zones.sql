-- People on probation with their court-ordered conditions.
create table probation_persons (
  id text primary key,
  full_name text not null,
  iin text,
  birth_date date,
  region text not null,
  bracelet_id text unique,
  home_lat double precision,
  home_lon double precision,
  home_radius_m integer not null default 150,
  -- Curfew at home between these local times (may wrap midnight); null = no curfew.
  curfew_from time,
  curfew_to time,
  allowed_regions text[] not null,
  checkin_every_days integer,
  last_checkin_at timestamptz,
  silence_minutes integer not null default 30,
  last_ping_at timestamptz,
  silent_alerted_at timestamptz,
  checkin_alerted_at timestamptz,
  status text not null default 'active' check (status in ('active', 'ended')),
  created_at timestamptz not null default now()
);

-- Places a person must keep away from: a victim's address, schools.
create table probation_exclusions (
  id uuid primary key,
  person_id text not null references probation_persons (id),
  kind text not null check (kind in ('victim_address', 'school', 'other')),
  label text not null,
  lat double precision not null,
  lon double precision not null,
  radius_m integer not null
);
create index probation_exclusions_person on probation_exclusions (person_id);

-- Areas where some activities are forbidden: illegal-mining areas, protected lands, border strips (GeoJSON polygons).
create table restricted_zones (
  id text primary key,
  name text not null,
  kind text not null check (kind in ('illegal_mining', 'protected_land', 'border_strip', 'other')),
  region text not null,
  geometry jsonb not null,
  forbidden_activities text[] not null,
  active boolean not null default true,
  created_at timestamptz not null default now()
);

-- Public order: fights or crowds at a place during set hours.
create table public_order_rules (
  id text primary key,
  name text not null,
  region text not null,
  lat double precision not null,
  lon double precision not null,
  radius_m integer not null,
  activities text[] not null,
  from_time time not null,
  to_time time not null,
  min_confidence double precision not null default 0.6,
  min_crowd integer not null default 50,
  active boolean not null default true
);
