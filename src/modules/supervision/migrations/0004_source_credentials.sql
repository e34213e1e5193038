-- A source's own credential for the device broker: user name = the source id, password hashed as Mosquitto's
-- password_file holds it ($7$ PBKDF2-SHA512), so the registry can also be exported to an external Mosquitto.
alter table supervision_sources add column credential_hash text;
alter table supervision_sources add column credential_issued_at timestamptz;
