import { nps } from '../../../src/surveys/metrics';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createChannel } from '../../src/alerts/channel-store';
import { createAlertHook } from '../../src/alerts/hook';
import { createRule } from '../../src/alerts/rule-store';
import { createAlertWorker } from '../../src/alerts/worker';
import { createAnswerHooks } from '../../src/answer-hooks';
import { createResponsesStore } from '../../src/responses/responses-store';
import { makeAnswer, storeAnswer, toPayload } from './answers';
import { startFakeHttp, type FakeHttp } from './fakes/fake-http';
import type { DatabaseKind } from './test-database';

const timeZone = 'Asia/Bangkok';

export function describeSchedule(kind: DatabaseKind) {
  describe(`quiet hours, context rules and the daily digest, on an injected clock (${kind.name})`, { timeout: 30_000 }, () => {
  let place: string;
  let slack: FakeHttp;
  let db: Awaited<ReturnType<DatabaseKind['open']>>;
  let clock: Date;
  let worker: ReturnType<typeof createAlertWorker>;
  const hook = createAlertHook({ timeZone, now: () => clock });

  beforeAll(async () => {
    slack = await startFakeHttp();
    place = await kind.newPlace();
    db = await kind.open(place);
    worker = createAlertWorker({ db, send: { lineApiUrl: 'http://127.0.0.1:9', destinations: { allowPrivate: true } }, publicUrl: 'https://shop.example', timeZone, now: () => clock, log: () => {} });
  }, 90_000);
  afterAll(async () => {
    await Promise.all([slack.close(), db.close()]);
    await kind.dispose(place);
  }, 90_000);
  beforeEach(async () => {
    await db.query('DELETE FROM alert_channels');
    await db.query('DELETE FROM alert_rules');
    await db.query('DELETE FROM responses');
    slack.requests.length = 0;
  }, 90_000);

  async function slackChannel(options: { quiet?: { from: string; to: string }; digestHour?: number; locale?: 'th' | 'en' } = {}) {
    return createChannel(db, {
      name: 'Slack', kind: 'slack', locale: options.locale ?? 'en', config: { webhookUrl: `${slack.url}/hook` },
      quiet: options.quiet ?? null, digestHour: options.digestHour ?? null,
    });
  }
  const bodies = () => slack.requests.map((request) => JSON.parse(request.body));

  it('holds an alert during quiet hours (22:00–07:00 Bangkok) and sends it when they end', async () => {
    const channel = await slackChannel({ quiet: { from: '22:00', to: '07:00' } });
    await createRule(db, { name: 'Detractors', enabled: true, conditions: [{ kind: 'detractor' }], channelIds: [channel] });
    clock = new Date('2026-11-30T16:30:00Z'); // 23:30 in Bangkok
    await storeAnswer(db, makeAnswer({ score: 1 }), hook);
    expect(await worker.tick()).toBe(0);
    clock = new Date('2026-11-30T23:59:00Z'); // 06:59 next morning
    expect(await worker.tick()).toBe(0);
    expect(slack.requests).toHaveLength(0);
    clock = new Date('2026-12-01T00:00:00Z'); // 07:00
    expect(await worker.tick()).toBe(1);
    expect(slack.requests).toHaveLength(1);
    expect(bodies()[0].text).toContain('CSAT 1/5');
  });

  it('sends at once outside quiet hours', async () => {
    const channel = await slackChannel({ quiet: { from: '22:00', to: '07:00' } });
    await createRule(db, { name: 'Detractors', enabled: true, conditions: [{ kind: 'detractor' }], channelIds: [channel] });
    clock = new Date('2026-11-30T08:00:00Z'); // 15:00
    await storeAnswer(db, makeAnswer({ score: 2 }), hook);
    expect(await worker.tick()).toBe(1);
    expect(slack.requests).toHaveLength(1);
  });

  it('a rule "CSAT ≤ 2 at branch Siam" sends only for answers that match both', async () => {
    const channel = await slackChannel();
    await createRule(db, {
      name: 'Siam unhappy', enabled: true,
      conditions: [{ kind: 'score-at-most', type: 'csat', max: 2 }, { kind: 'context', key: 'branch', value: 'Siam' }],
      channelIds: [channel],
    });
    clock = new Date('2026-11-30T08:00:00Z');
    const siam = makeAnswer({ score: 2, context: { branch: 'Siam', orderId: 'S-1' } });
    await storeAnswer(db, siam, hook);
    await storeAnswer(db, makeAnswer({ score: 1, context: { branch: 'Thonglor', orderId: 'T-1' } }), hook);
    await storeAnswer(db, makeAnswer({ score: 3, context: { branch: 'Siam', orderId: 'S-2' } }), hook);
    await storeAnswer(db, makeAnswer({ type: 'nps', score: 2, context: { branch: 'Siam', orderId: 'S-3' } }), hook);
    await storeAnswer(db, makeAnswer({ score: 1, context: null }), hook);
    expect(await worker.tick()).toBe(1);
    expect(slack.requests).toHaveLength(1);
    expect(slack.requests[0].body).toContain('S-1');
    expect(slack.requests[0].body).toContain(siam.id);
  });

  it('a disabled rule sends nothing; two rules to one channel send once', async () => {
    const channel = await slackChannel();
    await createRule(db, { name: 'Off', enabled: false, conditions: [{ kind: 'comment-mentions', text: 'late' }], channelIds: [channel] });
    await createRule(db, { name: 'Detractors', enabled: true, conditions: [{ kind: 'detractor' }], channelIds: [channel] });
    await createRule(db, { name: 'Mentions รอ', enabled: true, conditions: [{ kind: 'comment-mentions', text: 'รอนาน' }], channelIds: [channel] });
    clock = new Date('2026-11-30T08:00:00Z');
    await storeAnswer(db, makeAnswer({ score: 1, comment: 'รอนานมาก' }), hook);
    await storeAnswer(db, makeAnswer({ score: 5, comment: 'Late, but fine' }), hook);
    expect(await worker.tick()).toBe(1);
  });

  it('a comment sent after the score can still match a "mentions" rule, and alerts once', async () => {
    const channel = await slackChannel();
    await createRule(db, { name: 'Refunds', enabled: true, conditions: [{ kind: 'comment-mentions', text: 'REFUND' }], channelIds: [channel] });
    await createRule(db, { name: 'Unhappy', enabled: true, conditions: [{ kind: 'detractor' }], channelIds: [channel] });
    clock = new Date('2026-11-30T08:00:00Z');
    const hooks = createAnswerHooks();
    hooks.onAnswerStored(hook);
    hooks.onAnswerCompleted(hook);
    const store = createResponsesStore({ db, hooks });
    const happy = makeAnswer({ score: 4, comment: null });
    await store.insert(toPayload(happy)); // the score, sent when the page was hidden
    expect(await worker.tick()).toBe(0);
    await store.insert(toPayload({ ...happy, comment: 'Great, but I want a refund for the late box' }));
    expect(await worker.tick()).toBe(1);
    expect(slack.requests[0].body).toContain('I want a refund');
    const unhappy = makeAnswer({ score: 1, comment: null });
    await store.insert(toPayload(unhappy));
    await store.insert(toPayload({ ...unhappy, comment: 'refund please' }));
    expect(await worker.tick()).toBe(1); // one alert for this answer, though both rules match it in the end
    expect(slack.requests).toHaveLength(2);
  });

  it('the digest lists the day\'s answers once, at the set local hour, for the whole previous day', async () => {
    clock = new Date('2026-11-29T00:00:00Z');
    const channel = await slackChannel({ digestHour: 8 });
    await db.query('UPDATE alert_channels SET created_at = $1 WHERE id = $2', [clock.toISOString(), channel]);
    const day = (hour: number) => new Date(Date.UTC(2026, 10, 29, hour - 7)); // local hour on 29 Nov in Bangkok
    const unhappy = makeAnswer({ type: 'nps', score: 2, comment: 'Rude staff at the counter', answeredAt: day(10), context: { branch: 'Siam' } });
    await storeAnswer(db, unhappy, hook);
    await storeAnswer(db, makeAnswer({ type: 'nps', score: 10, comment: 'Great', answeredAt: day(11) }), hook);
    await storeAnswer(db, makeAnswer({ type: 'nps', score: 9, comment: null, answeredAt: day(12) }), hook);
    await storeAnswer(db, makeAnswer({ type: 'csat', score: 5, comment: null, answeredAt: day(13) }), hook);
    await storeAnswer(db, makeAnswer({ type: 'csat', score: 1, comment: 'Wrong size', answeredAt: day(23) }), hook);
    await storeAnswer(db, makeAnswer({ type: 'csat', score: 1, comment: 'Not this day', answeredAt: day(24) }), hook); // 00:00 on the 30th
    await storeAnswer(db, makeAnswer({ type: 'csat', score: 1, comment: 'Nor this', answeredAt: day(0) }), hook); // 00:00 on the 29th UTC+7 is in

    clock = new Date('2026-11-30T00:59:00Z'); // 07:59 on the 30th: not yet
    expect(await worker.tick()).toBe(0);
    clock = new Date('2026-11-30T01:00:00Z'); // 08:00
    expect(await worker.tick()).toBe(1);
    expect(await worker.tick()).toBe(0);
    clock = new Date('2026-11-30T10:00:00Z');
    expect(await worker.tick()).toBe(0);

    expect(slack.requests).toHaveLength(1);
    const text = JSON.stringify(bodies()[0]);
    expect(bodies()[0].text).toContain('Daily digest · Sunday, 29 November 2026: 6 answers');
    // The same figure the SDK's metric gives for these NPS scores (2, 10, 9).
    expect(text).toContain(`*NPS (3)*\\n${nps([2, 10, 9].map((score) => ({ type: 'nps' as const, score }))).score}`);
    expect(text).toContain('*CSAT (3)*\\n33.3%');
    expect(text).toContain('*Unhappy customers*\\n3');
    expect(text).toContain('Rude staff at the counter');
    expect(text).toContain('Wrong size');
    expect(text).toContain('Nor this');
    expect(text).not.toContain('Not this day');
    const { rows } = await db.query(`SELECT digest_date::text AS date, status FROM alert_deliveries WHERE digest_date IS NOT NULL`);
    expect(rows).toEqual([{ date: '2026-11-29', status: 'sent' }]);

    clock = new Date('2026-12-01T01:00:00Z'); // the next day: the 30th's digest, one answer
    expect(await worker.tick()).toBe(1);
    expect(JSON.parse(slack.requests[1].body).text).toContain(': 1 answer');
  });
});
}
