-- Alerts: where to send (channels), when (rules), and the queue of deliveries.
-- A channel's `config` holds its settings and secrets as the owner typed them (see channel-config.ts).
CREATE TABLE alert_channels (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('line', 'slack', 'discord', 'email', 'webhook')),
  locale      text NOT NULL DEFAULT 'th' CHECK (locale IN ('th', 'en')),
  config      jsonb NOT NULL,
  quiet_from  text CHECK (quiet_from ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  quiet_to    text CHECK (quiet_to ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  digest_hour integer CHECK (digest_hour BETWEEN 0 AND 23),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((quiet_from IS NULL) = (quiet_to IS NULL))
);

-- `conditions` is a JSON array; every condition must hold (see conditions.ts).
CREATE TABLE alert_rules (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name       text NOT NULL,
  enabled    boolean NOT NULL DEFAULT true,
  conditions jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE alert_rule_channels (
  rule_id    uuid NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
  channel_id uuid NOT NULL REFERENCES alert_channels (id) ON DELETE CASCADE,
  PRIMARY KEY (rule_id, channel_id)
);
CREATE INDEX alert_rule_channels_channel ON alert_rule_channels (channel_id);

-- One row per message to send: an alert (answer_id) or a daily digest (digest_date). The unique
-- keys make each answer reach each channel once, and each channel get one digest a day, however
-- many rules match or collectors run. A claim sets `lease_until` and a fresh `lease_token`; a
-- collector that stops mid-send leaves the row to be claimed again once the lease has passed.
CREATE TABLE alert_deliveries (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  channel_id  uuid NOT NULL REFERENCES alert_channels (id) ON DELETE CASCADE,
  answer_id   text REFERENCES responses (id) ON DELETE CASCADE,
  rule_id     uuid REFERENCES alert_rules (id) ON DELETE SET NULL,
  digest_date date,
  status      text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts    integer NOT NULL DEFAULT 0,
  due_at      timestamptz NOT NULL,
  lease_until timestamptz,
  lease_token uuid,
  last_error  text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  sent_at     timestamptz,
  CHECK ((answer_id IS NULL) <> (digest_date IS NULL)),
  UNIQUE (answer_id, channel_id),
  UNIQUE (channel_id, digest_date)
);
CREATE INDEX alert_deliveries_due ON alert_deliveries (due_at) WHERE status IN ('pending', 'sending');
CREATE INDEX alert_deliveries_channel_created ON alert_deliveries (channel_id, created_at DESC);
