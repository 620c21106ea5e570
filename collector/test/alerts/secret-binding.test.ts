import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannel, loadChannel, sealStoredSecrets } from '../../src/alerts/channel-store';
import { createSecretBox } from '../../src/alerts/secret-box';
import type { Database } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { openTestDatabase } from '../harness';

const secretKey = 'a-secret-key-of-at-least-32-characters';
const token = 'line-channel-access-token-abcdefWXYZ';
const to = `U${'0123456789abcdef'.repeat(2)}`;

/** A value as collectors before this version sealed it: `hb1:`, no additional data. */
function sealedTheOldWay(value: string): string {
  const key = Buffer.from(hkdfSync('sha256', secretKey, 'hearback', 'alert channel secrets', 32));
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const sealed = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return `hb1:${[nonce, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url')).join('.')}`;
}

describe('channel secrets are bound to their channel and field', { timeout: 60_000 }, () => {
  let db: Database;
  const box = createSecretBox(secretKey);
  const storedToken = async (id: string) => (await db.query<{ token: string }>(`SELECT config->>'token' AS token FROM alert_channels WHERE id = $1`, [id])).rows[0].token;

  beforeAll(async () => {
    db = await openTestDatabase();
    await migrate(db);
  }, 60_000);
  afterAll(() => db?.close());

  it('a sealed token copied into another channel does not open there; the channel asks for it again', async () => {
    const shop = await createChannel(db, { name: 'Shop', kind: 'line', locale: 'th', config: { to, token }, quiet: null, digestHour: null }, box);
    const other = await createChannel(db, { name: 'Other', kind: 'line', locale: 'th', config: { to, token: 'another-long-lived-token-0000' }, quiet: null, digestHour: null }, box);
    expect(await storedToken(shop)).toMatch(/^hb2:/);
    expect((await loadChannel(db, shop, box))!.config.token).toBe(token);
    await db.query(`UPDATE alert_channels SET config = jsonb_set(config, '{token}', to_jsonb($2::text)) WHERE id = $1`, [other, await storedToken(shop)]);
    const copied = (await loadChannel(db, other, box))!;
    expect(copied.unreadableSecrets).toEqual(['token']);
    expect(copied.config.token).toBe('');
  });

  it('secrets sealed before (no additional data) still open, and are sealed again with it on start', async () => {
    const old = await createChannel(db, { name: 'Old', kind: 'line', locale: 'en', config: { to, token: 'placeholder-token-to-replace' }, quiet: null, digestHour: null });
    await db.query(`UPDATE alert_channels SET config = jsonb_set(config, '{token}', to_jsonb($2::text)) WHERE id = $1`, [old, sealedTheOldWay(token)]);
    expect((await loadChannel(db, old, box))!.config.token).toBe(token);
    expect(await sealStoredSecrets(db, box)).toBe(1);
    expect(await storedToken(old)).toMatch(/^hb2:/);
    expect((await loadChannel(db, old, box))!.config.token).toBe(token);
    expect(await sealStoredSecrets(db, box)).toBe(0);
  });
});
