-- The shared entity index: identifiers (phones, cards, IINs, handles, wallets, plates, URLs) seen by any module,
-- so one module's finding can be linked to another's. Values are personal data: read through region-scoped queries.
create table entity_mentions (
  id bigserial primary key,
  kind text not null,
  value text not null,
  module text not null,
  source_type text not null,
  source_id text not null,
  region text,
  seen_at timestamptz not null default now(),
  unique (kind, value, module, source_type, source_id)
);
create index entity_mentions_value on entity_mentions (kind, value);
