-- The owner's names for context keys and values, in each interface language: `branch` → สาขา /
-- Branch, and (value <> '') `web` of `channel` → เว็บไซต์ / Website. A row with value '' names the
-- key itself. Shown wherever keys and values appear; the raw key stays beside its name.
CREATE TABLE context_labels (
  key        text NOT NULL,
  value      text NOT NULL DEFAULT '',
  en         text NOT NULL DEFAULT '',
  th         text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (key, value)
);
