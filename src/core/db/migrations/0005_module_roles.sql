-- Modules may add roles (manifest `roles`), so the set of roles is the platform's registry, checked by the
-- application when a user is created or changed, not a fixed list in the schema.
alter table users drop constraint if exists users_role_check;
