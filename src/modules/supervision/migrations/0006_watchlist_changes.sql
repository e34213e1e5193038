-- Which list version each entry last changed in, so a matcher applies the few entries that changed instead of
-- re-indexing 100,000 of them (a second or two of work) after every warrant added or closed.
--
-- The version is bumped before each statement that writes entries, in a trigger, so no writer can forget it. The
-- bump locks the version row until commit, which serialises writers: rows stamped with version v are visible to
-- every reader that sees version v. A deletion cannot be shown by a stamp, so it asks readers for a full rebuild.
alter table watchlist_entries add column changed_version bigint not null default 0;
create index watchlist_entries_changed on watchlist_entries (changed_version);
alter table watchlist_version add column rebuild_from bigint not null default 0;

create function watchlist_bump_version() returns trigger language plpgsql as $$
begin
  if tg_op in ('DELETE', 'TRUNCATE') then
    update watchlist_version set version = version + 1, rebuild_from = version + 1;
  else
    update watchlist_version set version = version + 1;
  end if;
  return null;
end $$;

create function watchlist_stamp_entry() returns trigger language plpgsql as $$
begin
  new.changed_version := (select version from watchlist_version);
  return new;
end $$;

create trigger watchlist_entries_bump before insert or update or delete on watchlist_entries
  for each statement execute function watchlist_bump_version();
create trigger watchlist_entries_bump_truncate before truncate on watchlist_entries
  for each statement execute function watchlist_bump_version();
create trigger watchlist_entries_stamp before insert or update on watchlist_entries
  for each row execute function watchlist_stamp_entry();

update watchlist_version set version = version + 1, rebuild_from = version + 1;
