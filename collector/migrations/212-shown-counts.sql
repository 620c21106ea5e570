-- Prompts shown (POST /api/shown), counted per day of the shop's zone, survey, type and channel
-- (key '' value '': every prompt), and per context key and value the page sent (key 'branch'
-- value 'Siam'). A rollup, not a row per view: a day holds at most a bounded number of context
-- rows (src/shown/shown-store.ts); retention deletes days past the answers' retention.
CREATE TABLE shown_counts (
  day     date NOT NULL,
  survey  text NOT NULL,
  type    text NOT NULL,
  channel text NOT NULL,
  key     text NOT NULL,
  value   text NOT NULL,
  count   integer NOT NULL,
  PRIMARY KEY (day, survey, type, channel, key, value)
);
CREATE INDEX shown_counts_key_day ON shown_counts (key, day);
