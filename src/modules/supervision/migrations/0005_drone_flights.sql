-- Drone flights: when a drone is up, on whose order and why. A drone is expected to send only while it flies, so
-- its silence alarm counts only then; hits from a drone carry the flight (or its absence) as evidence.
create table drone_flights (
  id uuid primary key,
  drone_id text not null references supervision_sources (id),
  purpose text not null,
  operator text not null,
  zone_id text references restricted_zones (id),
  planned_start timestamptz not null,
  planned_end timestamptz not null,
  ended_at timestamptz,
  end_reason text check (end_reason in ('landed', 'cancelled', 'lost', 'planned_end')),
  -- Counted when the flight ends: what was taken in from the drone during it, and how much of it was a hit.
  observations integer,
  hits integer,
  registered_by text not null,
  created_at timestamptz not null default now(),
  check (planned_end > planned_start)
);
create index drone_flights_drone on drone_flights (drone_id, planned_start desc);
create index drone_flights_open on drone_flights (planned_end) where ended_at is null;

-- Drones were judged silent on the ground before flights existed: their silence starts afresh with their next flight.
update supervision_sources set silent_since = null where kind = 'drone';
