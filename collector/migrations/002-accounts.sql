-- Who may sign in to the owner's app. Secrets (session ids, API tokens, setup links) are stored
-- only as SHA-256 hashes: a copy of the database signs nobody in.
CREATE TABLE users (
  id            text PRIMARY KEY,
  email         text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  role          text NOT NULL CHECK (role IN ('owner', 'staff')),
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- Sessions live here, not in a process, so every instance on one database shares them.
CREATE TABLE sessions (
  id_hash    text PRIMARY KEY,
  user_id    text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_id ON sessions (user_id);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

CREATE TABLE api_tokens (
  id           text PRIMARY KEY,
  user_id      text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name         text NOT NULL,
  token_hash   text NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at   timestamptz
);
CREATE INDEX api_tokens_user_id ON api_tokens (user_id);

-- One-time links that create the first owner when no HEARBACK_ADMIN_EMAIL/PASSWORD was given.
CREATE TABLE setup_links (
  token_hash text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
