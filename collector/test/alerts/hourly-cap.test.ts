import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannel } from '../../src/alerts/channel-store';
import { createAlertHook } from '../../src/alerts/hook';
import { createRule } from '../../src/alerts/rule-store';
import { createAlertWorker } from '../../src/alerts/worker';
import type { Database } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { openTestDatabase } from '../harness';
import { makeAnswer, storeAnswer } from './answers';
import { startFakeLine } from './fakes/fake-line';

const token = 'line-channel-access-token-abcdefWXYZ';
const timeZone = 'Asia/Bangkok';

describe('a flood of unhappy answers cannot burn the LINE quota', { timeout: 120_000 }, () => {
  let db: Database;
  let line: Awaited<ReturnType<typeof startFakeLine>>;

  beforeAll(async () => {
    line = await startFakeLine(token);
    db = await openTestDatabase();
    await migrate(db);
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await line?.close();
  });

  it('sends the hourly cap, holds the rest, counts them in the digest, and sends again an hour later', async () => {
    // 12:00 in Bangkok; the channel's digest goes out at 08:00.
    let clock = new Date('2026-11-30T05:00:00Z');
    const channel = await createChannel(db, { name: 'Owner', kind: 'line', locale: 'th', config: { to: `U${'0123456789abcdef'.repeat(2)}`, token }, quiet: null, digestHour: 8 });
    await db.query(`UPDATE alert_channels SET created_at = '2026-11-30T02:00:00Z'`);
    await createRule(db, { name: 'Unhappy', enabled: true, conditions: [{ kind: 'detractor' }], channelIds: [channel] });
    const hook = createAlertHook({ timeZone, now: () => clock });
    for (let i = 0; i < 12; i++) await storeAnswer(db, makeAnswer({ answeredAt: new Date(clock.getTime() - 60_000) }), hook);
    const worker = createAlertWorker({
      db, send: { lineApiUrl: line.url, destinations: { allowPrivate: true } }, publicUrl: 'https://shop.example', timeZone, now: () => clock, log: () => {}, perHour: 5, batchSize: 4,
    });
    while ((await worker.tick()) > 0);
    expect(line.pushes).toHaveLength(5);
    const counts = async () => Object.fromEntries((await db.query<{ status: string; n: string | number }>('SELECT status, count(*) AS n FROM alert_deliveries GROUP BY status')).rows.map((r) => [r.status, Number(r.n)]));
    expect(await counts()).toEqual({ sent: 5, held: 7 });

    // An hour on, alerts go out again.
    clock = new Date(clock.getTime() + 61 * 60_000);
    await storeAnswer(db, makeAnswer({ answeredAt: clock }), hook);
    while ((await worker.tick()) > 0);
    expect(line.pushes).toHaveLength(6);

    // The next morning's digest says how many were held back.
    clock = new Date('2026-12-01T01:30:00Z');
    while ((await worker.tick()) > 0);
    expect(line.pushes).toHaveLength(7);
    const digest = line.pushes.at(-1)!.messages[0].text;
    expect(digest).toContain('การแจ้งเตือนที่ระงับไว้ (เกินจำนวนต่อชั่วโมง)');
    expect(digest).toMatch(/ระงับไว้ \(เกินจำนวนต่อชั่วโมง\)\D*7/);
  });

  it('two collectors on one database share the cap: what one is sending counts against the other', async () => {
    const clock = new Date('2026-12-02T05:00:00Z');
    const to = `U${'fedcba9876543210'.repeat(2)}`;
    const channel = await createChannel(db, { name: 'Shared', kind: 'line', locale: 'th', config: { to, token }, quiet: null, digestHour: null });
    await createRule(db, { name: 'Unhappy, shared', enabled: true, conditions: [{ kind: 'detractor' }], channelIds: [channel] });
    const hook = createAlertHook({ timeZone, now: () => clock });
    for (let i = 0; i < 12; i++) await storeAnswer(db, makeAnswer({ answeredAt: new Date(clock.getTime() - 60_000) }), hook);
    const worker = () => createAlertWorker({
      db, send: { lineApiUrl: line.url, destinations: { allowPrivate: true } }, publicUrl: 'https://shop.example', timeZone, now: () => clock, log: () => {}, perHour: 5, batchSize: 4,
    });
    const [a, b] = [worker(), worker()];
    // Both claim a batch before either has sent: before, each counted only what was sent, and 8 went out.
    for (let round = 0; round < 6; round++) {
      const [fromA, fromB] = await Promise.all([a.tick(), b.tick()]);
      if (fromA + fromB === 0) break;
    }
    const sentHere = line.pushes.filter((push) => push.to === to).length;
    expect(sentHere).toBeGreaterThan(0);
    expect(sentHere).toBeLessThanOrEqual(5);
    const { rows } = await db.query<{ status: string; n: string | number }>(`SELECT status, count(*) AS n FROM alert_deliveries WHERE channel_id = $1 GROUP BY status`, [channel]);
    const counts = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    expect(counts).toEqual({ sent: sentHere, held: 12 - sentHere });
  });
});
