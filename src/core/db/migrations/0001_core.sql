-- Core schema: identity, audit, events, alerts, webhooks. Written for PostgreSQL 15 and later (PGlite is 18).

create table agencies (
  id text primary key,
  kind text not null,
  region text,
  name_kk text not null,
  name_ru text not null,
  name_en text not null
);

create table users (
  id uuid primary key,
  username text not null unique,
  display_name text not null,
  role text not null check (role in ('admin', 'prosecutor', 'analyst', 'duty_officer', 'agency_liaison', 'auditor')),
  regions text[] not null,
  locale text not null default 'ru' check (locale in ('kk', 'ru', 'en')),
  agency_id text references agencies (id),
  password_hash text not null,
  disabled boolean not null default false,
  created_at timestamptz not null default now(),
  password_changed_at timestamptz not null default now()
);

create table sessions (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now()
);
create index sessions_user on sessions (user_id);

create table api_keys (
  id uuid primary key,
  name text not null,
  client text not null,
  prefix text not null unique,
  secret_hash text not null,
  permissions text[] not null,
  regions text[] not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

-- Append-only and hash-chained: entry n carries sha256 of entry n-1, so an edit, deletion or reordering breaks the chain.
create table audit_log (
  seq bigint primary key,
  at timestamptz not null,
  actor_type text not null,
  actor_id text,
  actor_name text,
  action text not null,
  subject_type text,
  subject_id text,
  region text,
  request_id text,
  outcome text not null,
  purpose text,
  details jsonb not null default '{}',
  prev_hash text not null,
  hash text not null
);
create index audit_log_actor on audit_log (actor_id, seq desc);
create index audit_log_action on audit_log (action, seq desc);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_is_append_only();

create table outbox (
  seq bigserial primary key,
  id uuid not null unique,
  type text not null,
  payload jsonb not null,
  occurred_at timestamptz not null default now(),
  published_at timestamptz
);
create index outbox_unpublished on outbox (seq) where published_at is null;

-- A handler's effect and this row commit together, so a redelivered event is recognised and skipped.
create table processed_events (
  consumer text not null,
  event_id uuid not null,
  processed_at timestamptz not null default now(),
  primary key (consumer, event_id)
);

create table alerts (
  id uuid primary key,
  module text not null,
  kind text not null,
  severity text not null check (severity in ('critical', 'high', 'medium', 'low')),
  status text not null check (status in ('new', 'acknowledged', 'assigned', 'resolved', 'false_positive', 'escalated')),
  region text not null,
  subject_type text not null,
  subject_id text not null,
  subject_label text not null,
  subject_personal jsonb,
  title text not null,
  summary text not null,
  evidence jsonb not null default '{}',
  assignee_id uuid references users (id),
  outcome text,
  dedupe_key text,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index alerts_region_created on alerts (region, created_at desc);
create index alerts_status on alerts (status, created_at desc);
create index alerts_dedupe on alerts (dedupe_key, created_at desc) where dedupe_key is not null;

create table alert_history (
  id uuid primary key,
  alert_id uuid not null references alerts (id) on delete cascade,
  at timestamptz not null,
  actor_id text,
  actor_name text not null,
  action text not null,
  from_status text,
  to_status text,
  note text
);
create index alert_history_alert on alert_history (alert_id, at);

create table alert_comments (
  id uuid primary key,
  alert_id uuid not null references alerts (id) on delete cascade,
  at timestamptz not null,
  author_id uuid references users (id),
  author_name text not null,
  body text not null
);
create index alert_comments_alert on alert_comments (alert_id, at);

create table webhook_subscriptions (
  id uuid primary key,
  agency_id text not null references agencies (id),
  url text not null,
  secret text not null,
  regions text[] not null,
  modules text[] not null,
  min_severity text not null check (min_severity in ('critical', 'high', 'medium', 'low')),
  active boolean not null default true,
  created_by uuid references users (id),
  created_at timestamptz not null default now()
);

create table webhook_deliveries (
  id uuid primary key,
  subscription_id uuid not null references webhook_subscriptions (id) on delete cascade,
  alert_id uuid not null references alerts (id) on delete cascade,
  event_type text not null,
  payload jsonb not null,
  status text not null check (status in ('pending', 'delivered', 'dead')),
  attempts int not null default 0,
  next_attempt_at timestamptz not null,
  last_http_status int,
  last_error text,
  created_at timestamptz not null default now(),
  delivered_at timestamptz,
  unique (subscription_id, alert_id, event_type)
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending';

create table webhook_attempts (
  id uuid primary key,
  delivery_id uuid not null references webhook_deliveries (id) on delete cascade,
  attempt int not null,
  at timestamptz not null,
  http_status int,
  ok boolean not null,
  error text,
  duration_ms int not null
);
create index webhook_attempts_delivery on webhook_attempts (delivery_id, attempt);
