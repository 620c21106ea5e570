-- One row per answer, as payload version 1 describes it. `id` is the client's answer id: the
-- primary key is what makes delivery exactly-once (INSERT … ON CONFLICT (id) DO NOTHING).
CREATE TABLE responses (
  id          text PRIMARY KEY,
  survey      text NOT NULL,
  type        text NOT NULL CHECK (type IN ('nps', 'csat', 'ces')),
  score       integer NOT NULL,
  scale_min   integer NOT NULL,
  scale_max   integer NOT NULL,
  comment     text,
  reasons     jsonb,
  contact     boolean NOT NULL DEFAULT false,
  mode        text,
  locale      text NOT NULL,
  url         text NOT NULL,
  answered_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  user_id     text,
  user_data   jsonb,
  context     jsonb,
  sdk         text NOT NULL,
  payload     jsonb NOT NULL
);

CREATE INDEX responses_answered_at ON responses (answered_at);
CREATE INDEX responses_survey_answered_at ON responses (survey, answered_at);
