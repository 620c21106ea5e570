-- Daily rollups: per-score answer counts for each of the shop's past days, so the dashboard's
-- year-long figures (summary, breakdown by a context key, trend) add up a few hundred rows a day
-- instead of reading every answer (bench/dashboard.bench.mjs). Counts per score keep every figure
-- exact: NPS, CSAT%, CES and their intervals come from the same per-score counts either way.
--
-- A day is rolled up once it has ended in the shop's zone (src/dashboard/rollups/build-rollups.ts,
-- on start and every few minutes). Any answer inserted, changed or deleted on a rolled-up day
-- (a kiosk that was offline for a week, an erasure, retention) drops that day's rollup in the
-- same transaction (the trigger below); the day is read from the answers again until it is
-- rebuilt. The dashboard reads rollups and answers in one snapshot, so no answer is counted twice
-- or missed.

CREATE TABLE rollup_days (
  day          date PRIMARY KEY,
  -- the HEARBACK_TIMEZONE the day was cut in; rollups of another zone are dropped and rebuilt
  time_zone    text NOT NULL,
  starts_at    timestamptz NOT NULL,
  ends_at      timestamptz NOT NULL,
  -- context keys with more distinct values that day than a rollup keeps (order ids): a
  -- breakdown or filter by one of them reads that day's answers instead
  skipped_keys text[] NOT NULL DEFAULT '{}',
  built_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rollup_days_starts_at ON rollup_days (starts_at);

-- key '' holds every answer of the day; key 'branch' value 'Siam' the answers whose context has
-- branch "Siam" (the text `context ->> key` gives). Locale is kept lower-cased.
CREATE TABLE rollup_scores (
  day    date NOT NULL REFERENCES rollup_days (day) ON DELETE CASCADE,
  key    text NOT NULL,
  value  text NOT NULL,
  survey text NOT NULL,
  type   text NOT NULL,
  locale text NOT NULL,
  score  integer NOT NULL,
  count  integer NOT NULL
);
CREATE INDEX rollup_scores_key_day ON rollup_scores (key, day) INCLUDE (value, survey, type, locale, score, count);
CREATE INDEX rollup_scores_day ON rollup_scores (day);

CREATE FUNCTION rollup_day_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM rollup_days WHERE starts_at <= OLD.answered_at AND OLD.answered_at < ends_at;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    DELETE FROM rollup_days WHERE starts_at <= NEW.answered_at AND NEW.answered_at < ends_at;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER responses_rollup_insert_delete AFTER INSERT OR DELETE ON responses
  FOR EACH ROW EXECUTE FUNCTION rollup_day_stale();
-- Only changes a rollup counts: a comment added to a held score leaves the day alone.
CREATE TRIGGER responses_rollup_update AFTER UPDATE ON responses
  FOR EACH ROW WHEN (OLD.answered_at IS DISTINCT FROM NEW.answered_at OR OLD.score IS DISTINCT FROM NEW.score
    OR OLD.type IS DISTINCT FROM NEW.type OR OLD.survey IS DISTINCT FROM NEW.survey
    OR OLD.locale IS DISTINCT FROM NEW.locale OR OLD.context IS DISTINCT FROM NEW.context)
  EXECUTE FUNCTION rollup_day_stale();
