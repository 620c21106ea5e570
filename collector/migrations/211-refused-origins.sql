-- Answers (and shown reports) refused because their site is not allowed: per origin, how often
-- today (in the shop's zone) and in all, and when last. Bounded: at most 100 origins are kept,
-- the ones refused longest ago are dropped first, so a stranger cannot fill the database.
CREATE TABLE refused_origins (
  origin      text PRIMARY KEY CHECK (length(origin) <= 300),
  day         date NOT NULL,
  day_count   integer NOT NULL,
  total_count integer NOT NULL,
  first_at    timestamptz NOT NULL,
  last_at     timestamptz NOT NULL
);
CREATE INDEX refused_origins_last_at ON refused_origins (last_at);
