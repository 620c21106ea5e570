-- The shop's LINE Official Account (one row): its channel secret and access token as the owner
-- typed them in the app (sealed with HEARBACK_SECRET_KEY when it is set; the environment's
-- HEARBACK_LINE_CHANNEL_SECRET / _TOKEN win over these), what LINE said about the bot when it was
-- last checked, and how a chat survey starts (keywords per language, which survey).
CREATE TABLE line_account (
  id             integer PRIMARY KEY CHECK (id = 1),
  channel_secret text NOT NULL DEFAULT '',
  channel_token  text NOT NULL DEFAULT '',
  basic_id       text NOT NULL DEFAULT '',
  bot_name       text NOT NULL DEFAULT '',
  keyword_th     text NOT NULL DEFAULT 'ให้คะแนน',
  keyword_en     text NOT NULL DEFAULT 'rate us',
  survey_id      text NOT NULL DEFAULT '',
  updated_at     timestamptz NOT NULL DEFAULT now()
);

-- Webhook events already handled, by LINE's webhookEventId: a redelivered event is handled once.
CREATE TABLE line_webhook_events (
  event_id    text PRIMARY KEY,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX line_webhook_events_received_at ON line_webhook_events (received_at);

-- One survey question sent in a chat: to whom, in which language, with which context. The score
-- tap stores the answer `answer_id` (its key kept only until the comment arrives); the customer's
-- next text within ten minutes amends it. `push_key` makes a pushed survey's retries one message
-- (it becomes LINE's X-Line-Retry-Key). Erasing the answer (privacy, retention) erases its
-- question with it; questions never answered are forgotten after 7 days.
CREATE TABLE line_asks (
  id           text PRIMARY KEY,
  survey_id    text NOT NULL,
  user_id      text NOT NULL,
  locale       text NOT NULL,
  context      jsonb,
  push_key     text UNIQUE,
  asked_at     timestamptz NOT NULL,
  sent_at      timestamptz,
  answer_id    text REFERENCES responses (id) ON DELETE CASCADE,
  answer_key   text,
  score        integer,
  answered_at  timestamptz,
  commented_at timestamptz
);
CREATE INDEX line_asks_user_answered ON line_asks (user_id, answered_at);
CREATE INDEX line_asks_asked_at ON line_asks (asked_at);
CREATE INDEX line_asks_answer_id ON line_asks (answer_id);

-- LINE groups the bot was added to (a `join` event), named from LINE's group summary, so the owner
-- picks one as an alert destination instead of typing its id.
CREATE TABLE line_groups (
  group_id  text PRIMARY KEY,
  name      text NOT NULL DEFAULT '',
  joined_at timestamptz NOT NULL,
  left_at   timestamptz
);
