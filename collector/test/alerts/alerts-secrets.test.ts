import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database';
import { answer, asBrowser, signIn, startTestCollector, type TestCollector } from '../harness';
import { startFakeLine } from './fakes/fake-line';
import { databaseKind } from './test-database';

const token = 'line-channel-access-token-abcdefWXYZ';
const groupId = `C${'0123456789abcdef'.repeat(2)}`;
const shop = 'https://shop.example';
const firstKey = 'first-secret-key-for-tests-0123456789';
const otherKey = 'another-secret-key-for-tests-987654321';

/** HEARBACK_SECRET_KEY through the real app: secrets sealed at rest, sealed on start, a lost key. */
describe(`alert secrets at rest (${databaseKind.name})`, { timeout: 120_000 }, () => {
  let place: string;
  let db: Database;
  let collector: TestCollector;
  let line: Awaited<ReturnType<typeof startFakeLine>>;
  let owner: string;
  let channelId: string;
  const clock = new Date('2026-11-30T05:00:00Z');

  /** A collector starting with `secretKey` (or none), as `startServer` does: stored secrets sealed first. */
  const start = async (secretKey?: string) => {
    if (collector) {
      await collector.close();
      await db.close();
    }
    db = await databaseKind.open(place);
    collector = await startTestCollector({ db, now: () => clock, config: { lineApiUrl: line.url, allowedOrigins: [shop], timezone: 'Asia/Bangkok', secretKey, allowPrivateDestinations: true } });
    owner = await signIn(collector);
    return collector.alerts.sealStoredSecrets();
  };
  const form = (fields: Record<string, string>) => ({
    method: 'POST',
    headers: asBrowser(collector, owner, { 'content-type': 'application/x-www-form-urlencoded' }),
    body: new URLSearchParams(fields),
  });
  const storedToken = async () => (await db.query<{ token: string }>("SELECT config ->> 'token' AS token FROM alert_channels")).rows[0].token;
  const page = async () => (await collector.request('/alerts', { headers: asBrowser(collector, owner) })).text();
  const testAlert = async () => (await collector.request(`/alerts/channels/${channelId}/test`, form({}))).text();

  beforeAll(async () => {
    line = await startFakeLine(token);
    place = await databaseKind.newPlace();
  }, 60_000);
  afterAll(async () => {
    await collector?.close();
    await db?.close();
    await line.close();
    await databaseKind.dispose(place);
  }, 60_000);

  it('without a key: stored as typed, and the page says how to encrypt them', async () => {
    expect(await start()).toBe(0);
    const saved = await collector.request('/alerts/channels', form({ kind: 'line', name: 'Owner group', to: groupId, token, locale: 'en', quietFrom: '', quietTo: '', digestHour: '' }));
    expect(saved.status).toBe(200);
    channelId = (await db.query<{ id: string }>('SELECT id FROM alert_channels')).rows[0].id;
    expect(await storedToken()).toBe(token);
    expect(await page()).toContain('Set HEARBACK_SECRET_KEY');
  });

  it('with a key: secrets saved before are encrypted on start, and alerts still go out', async () => {
    expect(await start(firstKey)).toBe(1);
    const stored = await storedToken();
    expect(stored).toMatch(/^hb2:/);
    expect(stored).not.toContain('WXYZ');
    expect(await start(firstKey)).toBe(0); // once
    const overview = await page();
    expect(overview).not.toContain('Set HEARBACK_SECRET_KEY');
    expect(overview).toContain('Owner group');
    expect(await testAlert()).toContain('role="status"');
    expect(line.pushes.at(-1)!.to).toBe(groupId);
  });

  it('a channel saved with the key is stored encrypted; the edit form shows only the last 4 characters', async () => {
    await collector.request(`/alerts/channels/${channelId}`, form({ name: 'Owner group', to: groupId, token: '', locale: 'th', quietFrom: '', quietTo: '', digestHour: '' }));
    expect(await storedToken()).toMatch(/^hb2:/);
    const edit = await (await collector.request(`/alerts/channels/${channelId}`, { headers: asBrowser(collector, owner) })).text();
    expect(edit).toContain('•••• WXYZ');
    expect(edit).not.toContain(token);
  });

  it('with another key: the page says to type the secrets again, alerts fail saying why, and typing them again mends it', async () => {
    await start(otherKey);
    expect(await page()).toContain('cannot be read');
    expect(await testAlert()).toMatch(/cannot be decrypted.*HEARBACK_SECRET_KEY/);
    const rule = await collector.request('/alerts/rules', form({ name: 'Detractors', enabled: 'on', detractor: 'on', channels: channelId }));
    expect(rule.status).toBe(200);
    const posted = await collector.request('/api/responses', {
      method: 'POST', headers: { origin: shop, 'content-type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify(answer({ type: 'csat', score: 1, scale: [1, 5] })),
    });
    expect(posted.status).toBeLessThan(300);
    const pushes = line.pushes.length;
    await collector.alerts.worker.tick();
    expect(line.pushes).toHaveLength(pushes);
    const { rows } = await db.query<{ status: string; last_error: string }>('SELECT status, last_error FROM alert_deliveries');
    expect(rows).toEqual([{ status: 'failed', last_error: JSON.stringify({ code: 'unreadable', fields: ['token'] }) }]);

    // Saving without retyping would keep "nothing" and lose the secret for good: refused.
    const renamed = await collector.request(`/api/alerts/channels/${channelId}`, {
      method: 'PUT', headers: asBrowser(collector, owner, { 'content-type': 'application/json' }), body: JSON.stringify({ name: 'Renamed' }),
    });
    expect(renamed.status).toBe(400);
    expect((await renamed.json()).problems).toEqual(['token: was saved with a HEARBACK_SECRET_KEY this app does not have: type it again']);
    expect(await storedToken()).toMatch(/^hb2:/);

    const again = await collector.request(`/alerts/channels/${channelId}`, form({ name: 'Owner group', to: groupId, token, locale: 'th', quietFrom: '', quietTo: '', digestHour: '' }));
    expect(await again.text()).not.toContain('cannot be read');
    expect(await testAlert()).toContain('role="status"');
    expect(line.pushes).toHaveLength(pushes + 1);
  });
});
