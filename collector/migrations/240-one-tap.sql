-- One-tap score links for email and SMS. Each recipient the owner imports (a CSV row) gets a
-- random id: the `t` of their links. Their context (order and the survey's link fields) stays
-- here, so a link is short (an SMS) and cannot carry a changed context. `answer_id` is set by
-- the answer that used the links (one answer per recipient); deleting the answer (erase,
-- retention) frees them.
CREATE TABLE one_tap_recipients (
  id          text PRIMARY KEY,
  survey_id   text NOT NULL REFERENCES link_surveys (id) ON DELETE CASCADE,
  batch_id    text NOT NULL,
  row_number  integer NOT NULL,
  name        text NOT NULL DEFAULT '',
  email       text,
  phone       text,
  locale      text NOT NULL CHECK (locale IN ('th', 'en')),
  context     jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at  timestamptz NOT NULL DEFAULT now(),
  answer_id   text REFERENCES responses (id) ON DELETE SET NULL
);
CREATE INDEX one_tap_recipients_survey ON one_tap_recipients (survey_id, created_at);
CREATE INDEX one_tap_recipients_answer ON one_tap_recipients (answer_id);

-- Each recipient's links going out, once per channel: queued for this app's SMTP, sent, failed,
-- skipped (the address unsubscribed), or exported (the CSV for the shop's own mailer or SMS
-- service, counted as sent when it was exported).
CREATE TABLE one_tap_sends (
  recipient_id    text NOT NULL REFERENCES one_tap_recipients (id) ON DELETE CASCADE,
  channel         text NOT NULL CHECK (channel IN ('email', 'sms')),
  status          text NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'skipped', 'exported')),
  alert_channel   text,
  sender_name     text NOT NULL DEFAULT '',
  per_minute      integer NOT NULL DEFAULT 60,
  queued_at       timestamptz NOT NULL DEFAULT now(),
  sent_at         timestamptz,
  problem         text,
  PRIMARY KEY (recipient_id, channel)
);
CREATE INDEX one_tap_sends_queue ON one_tap_sends (status, queued_at);
CREATE INDEX one_tap_sends_sent ON one_tap_sends (sent_at);

-- Addresses that asked for no more survey emails (lower case): every later send skips them.
CREATE TABLE email_unsubscribes (
  email           text PRIMARY KEY,
  unsubscribed_at timestamptz NOT NULL DEFAULT now()
);
