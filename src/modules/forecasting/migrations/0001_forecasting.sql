-- Registered offences as the register's connectors send them. Kept for re-aggregation and audit of the counts;
-- no person is named in a record (the register's case files stay in the register).
create table offence_records (
  record_id text primary key,
  source text not null,
  registered_on date not null,
  region text not null,
  district text,
  chapter text not null,
  article text not null,
  severity text,
  lat double precision,
  lon double precision,
  received_at timestamptz not null default now()
);
create index offence_records_registered on offence_records (registered_on);

-- Counts at the finest grain a source gives: region × district ('' when not stated) × chapter × article ('' when only
-- the chapter is known), per period. Records add to the 'records' source; aggregate sources replace their own rows.
create table offence_counts (
  frequency text not null check (frequency in ('monthly', 'weekly')),
  period text not null,
  region text not null,
  district text not null default '',
  chapter text not null,
  article text not null default '',
  source text not null,
  count integer not null check (count >= 0),
  updated_at timestamptz not null default now(),
  primary key (frequency, region, chapter, period, district, article, source)
);
create index offence_counts_period on offence_counts (frequency, period);

-- What each tracked series was expected to do in a period (the one-step forecast made before it), with what came.
create table forecast_expectations (
  series_key text not null,
  frequency text not null,
  period text not null,
  region text not null,
  district text not null default '',
  chapter text not null default '',
  article text not null default '',
  observed double precision not null,
  expected double precision not null,
  lo80 double precision not null,
  hi80 double precision not null,
  lo95 double precision not null,
  hi95 double precision not null,
  score double precision not null,
  model text not null,
  complete boolean not null,
  computed_at timestamptz not null default now(),
  primary key (series_key, frequency, period)
);
create index forecast_expectations_period on forecast_expectations (frequency, period);

create table forecast_anomalies (
  id uuid primary key,
  series_key text not null,
  frequency text not null,
  period text not null,
  kind text not null check (kind in ('interval_breach', 'sustained_shift')),
  direction text not null check (direction in ('up', 'down')),
  region text not null,
  district text not null default '',
  chapter text not null default '',
  article text not null default '',
  observed double precision not null,
  expected double precision not null,
  lo95 double precision not null,
  hi95 double precision not null,
  score double precision not null,
  evidence jsonb not null,
  alert_id uuid,
  detected_at timestamptz not null default now(),
  unique (series_key, frequency, period, kind)
);
create index forecast_anomalies_detected on forecast_anomalies (detected_at desc);

-- The decision log: what was done about an anomaly, with the forecast at that moment, so that the effect can be
-- judged against what was expected without the action.
create table forecast_decisions (
  id uuid primary key,
  anomaly_id uuid not null references forecast_anomalies (id),
  action text not null,
  note text not null,
  decided_by uuid,
  decided_by_name text not null,
  decided_at timestamptz not null default now(),
  baseline jsonb not null
);
create index forecast_decisions_anomaly on forecast_decisions (anomaly_id);
