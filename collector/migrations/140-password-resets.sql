-- One-time links to set a new password (`hearback-collector user reset-password EMAIL`). Only the
-- SHA-256 of the link's secret is kept; a link works once (used_at), until expires_at.
CREATE TABLE password_resets (
  token_hash text PRIMARY KEY,
  user_id    text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);
CREATE INDEX password_resets_user_id ON password_resets (user_id);
