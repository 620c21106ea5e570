-- Alerts beyond a channel's hourly cap (HEARBACK_ALERTS_PER_HOUR) are not sent one by one: they are
-- marked `held` and counted in the channel's next daily digest, so a flood cannot use up a LINE quota.
ALTER TABLE alert_deliveries DROP CONSTRAINT IF EXISTS alert_deliveries_status_check;
ALTER TABLE alert_deliveries ADD CONSTRAINT alert_deliveries_status_check CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'held'));
-- The cap counts a channel's alerts sent in the last hour.
CREATE INDEX alert_deliveries_channel_sent ON alert_deliveries (channel_id, sent_at) WHERE status = 'sent' AND answer_id IS NOT NULL;
