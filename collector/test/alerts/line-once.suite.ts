import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChannel } from '../../src/alerts/channel-store';
import { createAlertHook } from '../../src/alerts/hook';
import { claimDue } from '../../src/alerts/queue';
import { createRule } from '../../src/alerts/rule-store';
import { createAlertWorker } from '../../src/alerts/worker';
import { makeAnswer, storeAnswer } from './answers';
import { startFakeLine } from './fakes/fake-line';
import type { DatabaseKind } from './test-database';

const token = 'line-channel-access-token-0123456789';
const userId = `U${'4af3'.repeat(8)}`;
const timeZone = 'Asia/Bangkok';

/** LINE push: one alert per answer, across failures and restarts (a new collector on the same data). */
export function describeLineOnce(kind: DatabaseKind) {
  describe(`LINE push: one alert per answer, across failures and restarts (${kind.name})`, { timeout: 90_000 }, () => {
  let place: string;
  let line: Awaited<ReturnType<typeof startFakeLine>>;
  let clock: Date;

  beforeEach(async () => {
    place = await kind.newPlace();
    line = await startFakeLine(token);
    clock = new Date('2026-11-30T05:00:00Z'); // 12:00 in Bangkok
  }, 90_000);
  afterEach(async () => {
    await line.close();
    await kind.dispose(place);
  }, 90_000);

  /** One collector "instance": its own database handle on the shared folder, and its worker. */
  async function startInstance() {
    const db = await kind.open(place);
    const worker = createAlertWorker({
      db,
      send: { lineApiUrl: line.url, destinations: { allowPrivate: true } },
      publicUrl: 'https://shop.example',
      timeZone,
      now: () => clock,
      random: () => 0.5,
      log: () => {},
    });
    return { db, worker, hook: createAlertHook({ timeZone, now: () => clock }) };
  }

  async function setUp() {
    const first = await startInstance();
    const channelId = await createChannel(first.db, {
      name: 'Owner on LINE', kind: 'line', locale: 'th', config: { to: userId, token }, quiet: null, digestHour: null,
    });
    await createRule(first.db, { name: 'Any unhappy customer', enabled: true, conditions: [{ kind: 'detractor' }], channelIds: [channelId] });
    return first;
  }

  it('pushes exactly once when the first try fails and the collector restarts before the retry', async () => {
    const first = await setUp();
    const answer = makeAnswer({ score: 2 });
    await storeAnswer(first.db, answer, first.hook);
    line.failNext(1, 500);

    expect(await first.worker.tick()).toBe(1);
    expect(line.requests).toHaveLength(1);
    expect(line.pushes).toHaveLength(0);
    const [pending] = (await first.db.query('SELECT status, attempts, last_error, due_at FROM alert_deliveries')).rows;
    expect(pending).toMatchObject({ status: 'pending', attempts: 1 });
    expect(JSON.parse(String(pending.last_error))).toMatchObject({ code: 'status', status: 500 });
    await first.worker.stop();
    await first.db.close();

    const second = await startInstance();
    expect(await second.worker.tick()).toBe(0); // not due yet: backoff
    clock = new Date(clock.getTime() + 60_000);
    expect(await second.worker.tick()).toBe(1);
    expect(line.pushes).toHaveLength(1);
    const [push] = line.pushes;
    expect(push.to).toBe(userId);
    expect(push.messages[0].type).toBe('text');
    expect(push.messages[0].text).toContain('CSAT 2/5 · ไม่พอใจ');
    expect(push.messages[0].text).toContain('สาขา: Siam');
    expect(push.messages[0].text).toContain('คำสั่งซื้อ: A17');
    expect(push.messages[0].text).toContain('รอนานมาก พนักงานไม่สนใจ');
    expect(push.messages[0].text).toContain(`https://shop.example/inbox?case=${answer.id}`);

    clock = new Date(clock.getTime() + 24 * 3600_000);
    expect(await second.worker.tick()).toBe(0);
    expect(line.pushes).toHaveLength(1);
    const [sent] = (await second.db.query('SELECT status, attempts, last_error FROM alert_deliveries')).rows;
    expect(sent).toEqual({ status: 'sent', attempts: 2, last_error: null });
    await second.db.close();
  });

  it('re-sends a claim left unfinished by a stopped collector once its lease passes, with the same retry key', async () => {
    const first = await setUp();
    await storeAnswer(first.db, makeAnswer({ score: 1 }), first.hook);
    // The collector claims the delivery and stops before it sends (killed mid-batch).
    const [claimed] = await claimDue(first.db, clock, 60_000, 10);
    expect(claimed).toBeDefined();
    await first.db.close();

    const second = await startInstance();
    expect(await second.worker.tick()).toBe(0); // still leased
    clock = new Date(clock.getTime() + 61_000);
    expect(await second.worker.tick()).toBe(1);
    expect(line.pushes).toHaveLength(1);
    expect(line.pushes[0].retryKey).toBe(claimed.id);
    await second.db.close();
  });

  it('counts a push LINE accepted before the collector stopped as sent (409 for the same retry key)', async () => {
    const first = await setUp();
    await storeAnswer(first.db, makeAnswer({ score: 0, type: 'nps' }), first.hook);
    const [claimed] = await claimDue(first.db, clock, 60_000, 10);
    // The push went out, but the collector stopped before recording it.
    const response = await fetch(`${line.url}/v2/bot/message/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'x-line-retry-key': claimed.id, 'content-type': 'application/json' },
      body: JSON.stringify({ to: userId, messages: [{ type: 'text', text: 'sent before the stop' }] }),
    });
    expect(response.status).toBe(200);
    await first.db.close();

    const second = await startInstance();
    clock = new Date(clock.getTime() + 61_000);
    expect(await second.worker.tick()).toBe(1);
    expect(line.pushes).toHaveLength(1);
    expect(line.requests.at(-1)!.headers['x-line-retry-key']).toBe(claimed.id);
    const [row] = (await second.db.query('SELECT status FROM alert_deliveries')).rows;
    expect(row.status).toBe('sent');
    await second.db.close();
  });
});
}
