-- Website and kiosk surveys made in the app's survey editor. `draft` is what the editor saves and
-- `live` what `GET /api/surveys.json` serves (NULL: not published); both are widget survey
-- definitions exactly as the SDK's survey schema accepts them. `look` holds the preview's colour
-- and position (the widget takes those from the site's snippet, not from a survey).
CREATE TABLE surveys (
  id           text PRIMARY KEY,
  draft        jsonb NOT NULL,
  live         jsonb,
  look         jsonb NOT NULL DEFAULT '{}'::jsonb,
  published_at timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Who changed what and when: one row per save, publish, unpublish or delete. `fields` names the
-- parts of the definition a save changed. Kept when the survey is deleted (the row says so).
CREATE TABLE survey_history (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  survey_id text NOT NULL,
  action    text NOT NULL CHECK (action IN ('created', 'changed', 'published', 'unpublished', 'deleted')),
  fields    jsonb NOT NULL DEFAULT '[]'::jsonb,
  by_email  text NOT NULL,
  at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX survey_history_survey_at ON survey_history (survey_id, at DESC);
