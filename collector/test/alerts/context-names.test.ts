// The owner names context keys and values in Settings (สาขา for `branch`, สยาม for `siam`); an
// alert shows them by those names in the channel's language, like the dashboard and the inbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannel } from '../../src/alerts/channel-store';
import { createAlertHook } from '../../src/alerts/hook';
import { createRule } from '../../src/alerts/rule-store';
import { createAlertWorker } from '../../src/alerts/worker';
import { createContextLabelStore } from '../../src/context-labels/context-label-store';
import type { Database } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { openTestDatabase } from '../harness';
import { makeAnswer, storeAnswer } from './answers';
import { startFakeLine } from './fakes/fake-line';

const timeZone = 'Asia/Bangkok';
const lineToken = 'line-channel-access-token-abcdefWXYZ';
const group = (n: string) => `C${n.repeat(32)}`;

describe('alerts show context keys and values by the owner’s names', { timeout: 60_000 }, () => {
  let db: Database;
  let line: Awaited<ReturnType<typeof startFakeLine>>;
  const clock = new Date('2026-11-30T05:00:00Z');

  beforeAll(async () => {
    line = await startFakeLine(lineToken);
    db = await openTestDatabase();
    await migrate(db);
    const names = createContextLabelStore(db);
    await names.save({ key: 'branch', value: '', en: 'Shop', th: 'สาขา' });
    await names.save({ key: 'branch', value: 'siam', en: 'Siam Square', th: 'สยาม' });
    await names.save({ key: 'touchpoint', value: '', en: '', th: 'จุดสัมผัส' });
    const channels = await Promise.all(
      (['th', 'en'] as const).map((locale, i) => createChannel(db, { name: `LINE ${locale}`, kind: 'line', locale, config: { to: group(String(i)), token: lineToken }, quiet: null, digestHour: null })),
    );
    await createRule(db, { name: 'Detractors', enabled: true, conditions: [{ kind: 'detractor' }], channelIds: channels });
    const answer = makeAnswer({ type: 'csat', score: 1, locale: 'th', context: { branch: 'siam', touchpoint: 'after-checkout', table: '7' } });
    await storeAnswer(db, answer, createAlertHook({ timeZone, now: () => clock }));
    const worker = createAlertWorker({ db, send: { lineApiUrl: line.url, destinations: { allowPrivate: true } }, publicUrl: 'https://shop.example/', timeZone, now: () => clock, log: () => {} });
    expect(await worker.tick()).toBe(2);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([line?.close(), db?.close()]);
  });

  const pushTo = (to: string) => line.pushes.find((push) => push.to === to)!.messages[0].text as string;

  it('in Thai: สาขา: สยาม; a key named in Thai only shows its Thai name; an unnamed key and value as they are', () => {
    const text = pushTo(group('0'));
    expect(text).toContain('สาขา: สยาม');
    expect(text).toContain('จุดสัมผัส: after-checkout');
    expect(text).toContain('table: 7');
    expect(text).not.toContain('siam');
  });

  it('in English: Shop: Siam Square; a key named only in Thai falls back to that name', () => {
    const text = pushTo(group('1'));
    expect(text).toContain('Shop: Siam Square');
    expect(text).toContain('จุดสัมผัส: after-checkout');
  });
});
