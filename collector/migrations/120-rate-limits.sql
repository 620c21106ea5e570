-- Rate-limit counters shared by every instance on one PostgreSQL server (sign-in attempts per
-- email and address, per address; answers per client). A row is one key's fixed window: `count`
-- hits until `ends_at` (milliseconds since 1970). `key_hash` is the SHA-256 of the key, so no
-- address or email is kept, and rows past their window are deleted as the limiters go.
-- (PGlite runs one instance and keeps its counters in memory; the table stays empty there.)
CREATE UNLOGGED TABLE IF NOT EXISTS rate_limits (
  scope text NOT NULL,
  key_hash text NOT NULL,
  count integer NOT NULL,
  ends_at bigint NOT NULL,
  PRIMARY KEY (scope, key_hash)
);
CREATE INDEX IF NOT EXISTS rate_limits_ends_at ON rate_limits (ends_at);
