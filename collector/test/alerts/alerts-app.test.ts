import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database';
import { answer, asBrowser, signIn, startTestCollector, type TestCollector } from '../harness';
import { startFakeLine } from './fakes/fake-line';
import { databaseKind } from './test-database';

const token = 'line-channel-access-token-abcdefWXYZ';
const groupId = `C${'0123456789abcdef'.repeat(2)}`;
const shop = 'https://shop.example';
const staff = { email: 'staff@shop.example', password: 'staff password 123' };

/** Alerts through the real app: settings forms, the public answer route, the worker, a restart. */
describe(`alerts in the collector app (${databaseKind.name})`, { timeout: 120_000 }, () => {
  let place: string;
  let db: Database;
  let collector: TestCollector;
  let line: Awaited<ReturnType<typeof startFakeLine>>;
  let clock = new Date('2026-11-30T05:00:00Z');
  let owner: string;
  let channelId: string;

  const start = async () => {
    db = await databaseKind.open(place);
    collector = await startTestCollector({
      db,
      now: () => clock,
      config: { lineApiUrl: line.url, allowedOrigins: [shop], timezone: 'Asia/Bangkok', allowPrivateDestinations: true },
    });
    owner = await signIn(collector);
  };
  const form = (cookie: string, fields: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) for (const item of ([] as string[]).concat(value)) body.append(key, item);
    return { method: 'POST', headers: asBrowser(collector, cookie, { 'content-type': 'application/x-www-form-urlencoded' }), body };
  };

  beforeAll(async () => {
    line = await startFakeLine(token);
    place = await databaseKind.newPlace();
    await start();
    await collector.accounts.users.add({ ...staff, role: 'staff' });
  }, 120_000);
  afterAll(async () => {
    await collector.close();
    await db.close();
    await line.close();
    await databaseKind.dispose(place);
  }, 60_000);

  it('the owner adds a LINE channel; the page shows only the token\'s last 4 characters', async () => {
    const response = await collector.request('/alerts/channels', form(owner, { kind: 'line', name: 'Owner group', to: groupId, token, locale: 'th', quietFrom: '', quietTo: '', digestHour: '' }));
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('Owner group');
    expect(page).toContain('•••• WXYZ');
    expect(page).not.toContain(token);
    channelId = (await db.query<{ id: string }>('SELECT id FROM alert_channels')).rows[0].id;
    const edit = await (await collector.request(`/alerts/channels/${channelId}`, { headers: asBrowser(collector, owner) })).text();
    expect(edit).not.toContain(token);
    expect(edit).toContain(groupId);
  });

  it('rejects a bad channel form with a 400 that names the field', async () => {
    const response = await collector.request('/alerts/channels', form(owner, { kind: 'line', name: 'Bad', to: 'not-an-id', token: 'short', locale: 'en' }));
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toMatch(/User or group id|User ID หรือ Group ID/);
    expect(page).toContain('aria-invalid="true"');
  });

  it('the owner adds a rule "any detractor" to that channel', async () => {
    const response = await collector.request('/alerts/rules', form(owner, { name: 'Unhappy customers', enabled: 'on', detractor: 'on', channels: [channelId] }));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Unhappy customers');
  });

  it('an answer with score 2 gives exactly one LINE push, though the first try fails and the collector restarts', async () => {
    const posted = await collector.request('/api/responses', {
      method: 'POST',
      headers: { origin: shop, 'content-type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify(answer({ type: 'csat', score: 2, scale: [1, 5], comment: 'พนักงานพูดไม่สุภาพ', context: { branch: 'Siam', orderId: 'A17' } })),
    });
    expect(posted.status).toBeLessThan(300);
    line.failNext(1, 503, '30');
    expect(await collector.alerts.worker.tick()).toBe(1);
    expect(line.pushes).toHaveLength(0);

    await collector.close();
    await db.close();
    await start();
    expect(await collector.alerts.worker.tick()).toBe(0); // Retry-After: 30 s not over yet
    clock = new Date(clock.getTime() + 31_000);
    expect(await collector.alerts.worker.tick()).toBe(1);
    clock = new Date(clock.getTime() + 3600_000);
    expect(await collector.alerts.worker.tick()).toBe(0);
    expect(line.pushes).toHaveLength(1);
    expect(line.pushes[0].to).toBe(groupId);
    expect(line.pushes[0].messages[0].text).toContain('CSAT 2/5 · ไม่พอใจ');
    expect(line.pushes[0].messages[0].text).toMatch(/http:\/\/127\.0\.0\.1:\d+\/inbox\?case=test-/);
  });

  it('"send a test alert" shows the result, sent or failed', async () => {
    const sent = await (await collector.request(`/alerts/channels/${channelId}/test`, form(owner, {}))).text();
    expect(sent).toContain('role="status"');
    expect(line.pushes.at(-1)!.messages[0].text).toContain('ทดสอบการแจ้งเตือนจาก hearback');
    line.failNext(1, 401);
    const failed = await (await collector.request(`/alerts/channels/${channelId}/test`, form(owner, {}))).text();
    expect(failed).toContain('role="alert"');
    expect(failed).toMatch(/answered 401/);
  });

  it('staff may look but not change; without sign-in the page sends you to sign in', async () => {
    const cookie = await signIn(collector, staff);
    const view = await collector.request('/alerts', { headers: asBrowser(collector, cookie) });
    expect(view.status).toBe(200);
    const page = await view.text();
    expect(page).toContain('Owner group');
    expect(page).not.toContain('/test"');
    expect((await collector.request('/alerts/channels', form(cookie, { kind: 'slack', name: 'x', webhookUrl: 'https://hooks.slack.com/x', locale: 'en' }))).status).toBe(403);
    expect((await collector.request(`/alerts/channels/${channelId}/delete`, form(cookie, {}))).status).toBe(403);
    const anonymous = await collector.request('/alerts');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/signin/);
  });

  it('refuses a state change from another site (CSRF)', async () => {
    const response = await collector.request(`/alerts/channels/${channelId}/delete`, {
      method: 'POST', headers: { cookie: owner, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, body: '',
    });
    expect(response.status).toBe(403);
    expect((await db.query('SELECT count(*)::int AS n FROM alert_channels')).rows[0].n).toBe(1);
  });

  it('deleting a channel removes its rule links and queued deliveries', async () => {
    const response = await collector.request(`/alerts/channels/${channelId}/delete`, form(owner, {}));
    expect(response.status).toBe(200);
    const counts = await db.query<{ channels: number; links: number; deliveries: number }>(
      'SELECT (SELECT count(*)::int FROM alert_channels) AS channels, (SELECT count(*)::int FROM alert_rule_channels) AS links, (SELECT count(*)::int FROM alert_deliveries) AS deliveries');
    expect(counts.rows[0]).toEqual({ channels: 0, links: 0, deliveries: 0 });
    // The rule stays, and the page says it now sends nowhere.
    expect(await response.text()).toContain('to no channel: its channels were deleted');
  });
});
