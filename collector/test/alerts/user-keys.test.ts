// Context and user keys are the site's and the visitor's: `constructor`, `toString`, `__proto__` and
// `hasOwnProperty` are keys like any other. They once labelled LINE and email alerts with
// JavaScript's own functions and made Slack refuse the alert for good.
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannel } from '../../src/alerts/channel-store';
import { createAlertHook } from '../../src/alerts/hook';
import { createRule } from '../../src/alerts/rule-store';
import { createAlertWorker } from '../../src/alerts/worker';
import type { Database } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { openTestDatabase } from '../harness';
import { makeAnswer, storeAnswer } from './answers';
import { startFakeHttp, type FakeHttp } from './fakes/fake-http';
import { startFakeLine } from './fakes/fake-line';
import { startFakeSmtp } from './fakes/fake-smtp';

const timeZone = 'Asia/Bangkok';
const lineToken = 'line-channel-access-token-abcdefWXYZ';
const groupId = `C${'0123456789abcdef'.repeat(2)}`;
/** Built as JSON.parse builds a stored context: `__proto__` an own key, not the prototype. */
const trickyContext = JSON.parse('{"constructor":"counter-3","toString":"table-7","__proto__":"proto-1","hasOwnProperty":"yes","orderId":"A17"}');
const trickyUser = JSON.parse('{"name":"Somchai","constructor":"u-c","toString":"u-t"}');

describe('alerts for answers whose context keys are built-in names', { timeout: 60_000 }, () => {
  let db: Database;
  let slack: FakeHttp;
  let line: Awaited<ReturnType<typeof startFakeLine>>;
  let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
  const clock = new Date('2026-11-30T05:00:00Z');
  const answer = makeAnswer({ type: 'csat', score: 1, locale: 'en', context: trickyContext, user: trickyUser });

  beforeAll(async () => {
    [slack, line, smtp] = await Promise.all([startFakeHttp(), startFakeLine(lineToken), startFakeSmtp({ user: 'alerts@shop.example', password: 'smtp-password-1234' })]);
    db = await openTestDatabase();
    await migrate(db);
    const channels = await Promise.all([
      createChannel(db, { name: 'Slack', kind: 'slack', locale: 'en', config: { webhookUrl: `${slack.url}/services/T0/B0/XYZ` }, quiet: null, digestHour: null }),
      createChannel(db, { name: 'LINE', kind: 'line', locale: 'en', config: { to: groupId, token: lineToken }, quiet: null, digestHour: null }),
      createChannel(db, {
        name: 'Email', kind: 'email', locale: 'en',
        config: { host: '127.0.0.1', port: smtp.port, security: 'none', user: 'alerts@shop.example', password: 'smtp-password-1234', from: 'alerts@shop.example', to: 'owner@shop.example' },
        quiet: null, digestHour: null,
      }),
    ]);
    await createRule(db, { name: 'Detractors', enabled: true, conditions: [{ kind: 'detractor' }], channelIds: channels });
    await storeAnswer(db, answer, createAlertHook({ timeZone, now: () => clock }));
    const worker = createAlertWorker({ db, send: { lineApiUrl: line.url, destinations: { allowPrivate: true } }, publicUrl: 'https://shop.example/', timeZone, now: () => clock, log: () => {} });
    expect(await worker.tick()).toBe(3);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([slack?.close(), line?.close(), smtp?.close(), db?.close()]);
  });

  it('every channel delivered the alert, once', async () => {
    const { rows } = await db.query(`SELECT status, count(*)::int AS n FROM alert_deliveries GROUP BY status`);
    expect(rows).toEqual([{ status: 'sent', n: 3 }]);
  });

  const expectKeysAsLabels = (text: string) => {
    for (const line of ['constructor: counter-3', 'toString: table-7', '__proto__: proto-1', 'hasOwnProperty: yes', 'Order: A17', 'Customer: Somchai']) expect(text).toContain(line);
    expect(text).not.toMatch(/native code|\[object Object\]|function /);
  };

  it('Slack: the keys are labels like any other', () => {
    expect(slack.requests).toHaveLength(1);
    const blocks = JSON.stringify(JSON.parse(slack.requests[0].body).blocks);
    for (const field of ['*constructor*\\ncounter-3', '*toString*\\ntable-7', '*__proto__*\\nproto-1', '*hasOwnProperty*\\nyes']) expect(blocks).toContain(field);
    expect(blocks).not.toMatch(/native code|\[object Object\]/);
  });

  it('LINE: the keys are labels like any other', () => {
    expect(line.pushes).toHaveLength(1);
    expectKeysAsLabels(line.pushes[0].messages[0].text);
  });

  it('email: the keys are labels like any other', async () => {
    expect(smtp.mails).toHaveLength(1);
    const parsed = await simpleParser(smtp.mails[0].raw);
    expectKeysAsLabels(parsed.text ?? '');
  });
});
