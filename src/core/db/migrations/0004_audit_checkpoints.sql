-- The audit log refuses TRUNCATE as it refuses UPDATE and DELETE, and its head is signed at intervals, so that
-- deleting the newest entries, or re-hashing the chain from an edit onwards, no longer goes unnoticed.

create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_is_append_only();

create table audit_checkpoints (
  id bigserial primary key,
  head_seq bigint not null,
  head_hash text not null,
  at timestamptz not null,
  key_id text not null,
  signature text not null
);
create index audit_checkpoints_at on audit_checkpoints (at desc);

create function audit_checkpoints_are_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_checkpoints is append-only';
end $$;
create trigger audit_checkpoints_no_update before update or delete on audit_checkpoints
  for each row execute function audit_checkpoints_are_append_only();
create trigger audit_checkpoints_no_truncate before truncate on audit_checkpoints
  for each statement execute function audit_checkpoints_are_append_only();
