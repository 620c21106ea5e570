-- What the dashboard reads most, so it stays quick at a million answers (bench/dashboard.bench.mjs):
-- the scores of a date range straight from the index (an index-only scan, no table rows read) …
CREATE INDEX responses_answered_at_scores ON responses (answered_at) INCLUDE (type, score, survey, locale);

-- … and comment search (ILIKE '%…%', any script) through trigrams, where the database has pg_trgm
-- (PostgreSQL's contrib; PGlite when the collector loads its pg_trgm extension). Without it the
-- search still works, scanning the date range's comments.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  EXECUTE 'CREATE INDEX responses_comment_trigrams ON responses USING gin (comment gin_trgm_ops) WHERE comment IS NOT NULL';
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pg_trgm is not available (%): comment search scans instead of using an index', SQLERRM;
END
$$;
