-- The key that signs single-use links (HMAC-SHA256 over the survey and the link's fields), made
-- once here from PostgreSQL's strong random source (two v4 UUIDs: 244 random bits) and shared by
-- every instance on the database. It never changes: printed links stay good for as long as the
-- database lives (a backup must carry this table, or the links printed before it stop working).
CREATE TABLE IF NOT EXISTS link_signing_key (
  id     integer PRIMARY KEY CHECK (id = 1),
  secret text NOT NULL
);
INSERT INTO link_signing_key (id, secret)
VALUES (1, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''))
ON CONFLICT (id) DO NOTHING;
