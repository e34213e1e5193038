create table appeal_models (
  version text primary key,
  artifact text not null,
  card jsonb not null,
  created_at timestamptz not null default now(),
  active boolean not null default false,
  activated_at timestamptz,
  activated_by uuid
);
create unique index appeal_models_one_active on appeal_models (active) where active;

create table appeals (
  id uuid primary key,
  external_id text not null unique,
  submitted_at timestamptz not null,
  received_at timestamptz not null default now(),
  channel text not null,
  region text not null,
  addressee text,
  subject text,
  text text not null,
  applicant jsonb,
  applicant_label text not null,
  attachments jsonb not null default '[]',
  language text not null,
  labels text[] not null,
  scores jsonb not null,
  risk_level text not null check (risk_level in ('critical', 'high', 'medium', 'low')),
  explanation jsonb not null,
  entities jsonb not null,
  topic text,
  route_agency text,
  model_version text not null,
  screened_at timestamptz not null,
  status text not null default 'new' check (status in ('new', 'confirmed', 'escalated', 'routed', 'closed')),
  analyst_labels text[],
  outcome text,
  sla_due_at timestamptz not null,
  closed_at timestamptz,
  alert_id uuid
);
create index appeals_queue on appeals (region, status, sla_due_at);
create index appeals_received on appeals (received_at desc, id desc);
create index appeals_risk on appeals (risk_level, received_at desc);

create table appeal_actions (
  id uuid primary key,
  appeal_id uuid not null references appeals (id) on delete cascade,
  at timestamptz not null default now(),
  actor_id text,
  actor_name text not null,
  action text not null,
  note text,
  labels text[]
);
create index appeal_actions_appeal on appeal_actions (appeal_id, at);
