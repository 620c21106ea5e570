-- The SHA-256 (hex) of the answer's `key`, the secret the widget makes with each answer. A later
-- POST with the same `id` may add the follow-up (comment, reasons, contact) only when it carries
-- the same key; the key itself is never stored. NULL for answers that came without one (older
-- widgets, servers): those can never be amended.
ALTER TABLE responses ADD COLUMN key_hash text;
