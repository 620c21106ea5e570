-- One number that changes whenever the owner changes a setting the answer path reads (alert rules
-- and channels, single-use survey links). Storing an answer reads it in the same statement
-- (`INSERT … RETURNING`), so a collector keeps those settings in memory and reads them again only
-- when the number has moved, on any instance (src/settings-cache.ts). Features add the trigger to
-- their own tables in their own migrations.
CREATE TABLE settings_version (
  one     boolean PRIMARY KEY DEFAULT true CHECK (one),
  version bigint NOT NULL
);
INSERT INTO settings_version (one, version) VALUES (true, 1);

CREATE FUNCTION bump_settings_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE settings_version SET version = version + 1;
  RETURN NULL;
END
$$;
