-- The settings the owner sets on the settings page (Settings → Site): one row. A NULL column is
-- not set in the app: the environment's value (or its default) applies. A variable set in the
-- environment wins over the column anyway (src/site-settings/live-settings.ts).
-- The shop's name and colour move here from the links feature's link_look: one fact, one place.
CREATE TABLE site_settings (
  id               integer PRIMARY KEY CHECK (id = 1),
  allowed_origins  jsonb,
  shop_name        text NOT NULL DEFAULT '',
  colour           text NOT NULL DEFAULT '#2563eb' CHECK (colour ~ '^#[0-9a-fA-F]{6}$'),
  logo_type        text CHECK (logo_type IN ('image/png', 'image/jpeg', 'image/webp')),
  logo             text, -- base64
  time_zone        text,
  public_url       text,
  retention_days   integer CHECK (retention_days BETWEEN 1 AND 36500),
  inbox_due_hours  integer CHECK (inbox_due_hours BETWEEN 1 AND 8760),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  updated_by       text
);
INSERT INTO site_settings (id, shop_name, colour) SELECT 1, shop_name, colour FROM link_look WHERE id = 1;
INSERT INTO site_settings (id) VALUES (1) ON CONFLICT (id) DO NOTHING;
DROP TABLE link_look;

-- No settings_version trigger: nothing here is read inside an answer's transaction. Every instance
-- reads this one row again when its copy is a second old (src/site-settings/live-settings.ts).
