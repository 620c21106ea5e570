// The collector with LINE connected to a local fake of LINE's API: the app through `app.request()`
// (no port), LINE on 127.0.0.1, webhook calls signed as LINE signs them.
import { randomUUID } from 'node:crypto';
import { createApp, type CollectorApp } from '../../src/app';
import { testConfig, type Config } from '../../src/config';
import { migrate } from '../../src/db/migrate';
import { silentLog } from '../../src/http/log';
import { lineSignature } from '../../src/line/line-signature';
import { startFakeLine, type FakeLineOptions } from '../alerts/fakes/fake-line';
import { OWNER, openTestDatabase, sessionCookieOf } from '../harness';

export const PUBLIC_URL = 'https://feedback.shop.example';
export const CHANNEL_SECRET = '0123456789abcdef0123456789abcdef';
export const CHANNEL_TOKEN = 'line-channel-access-token-for-tests-0001';
export const CUSTOMER = `U${'a'.repeat(32)}`;

export async function startLineCollector({ config = {}, line: lineOptions = {} }: { config?: Partial<Config>; line?: FakeLineOptions } = {}) {
  const line = await startFakeLine(CHANNEL_TOKEN, lineOptions);
  const db = await openTestDatabase();
  await migrate(db);
  const clock = { now: new Date('2026-12-07T03:00:00.000Z') };
  const fullConfig = testConfig({ publicUrl: PUBLIC_URL, lineApiUrl: line.url, allowPrivateDestinations: true, timezone: 'Asia/Bangkok', ...config });
  const collector: CollectorApp = createApp({ db, config: fullConfig, log: silentLog, now: () => clock.now });
  await collector.accounts.users.add({ ...OWNER, role: 'owner' });
  const request = (path: string, init?: RequestInit) => Promise.resolve(collector.app.request(path, init));
  const signIn = await request('/signin', { method: 'POST', headers: { 'content-type': 'application/json', origin: PUBLIC_URL }, body: JSON.stringify(OWNER) });
  const cookie = sessionCookieOf(signIn);
  const asOwner = (extra: Record<string, string> = {}) => ({ cookie, origin: PUBLIC_URL, ...extra });
  const form = (path: string, fields: Record<string, string>) =>
    request(path, { method: 'POST', headers: asOwner({ 'content-type': 'application/x-www-form-urlencoded' }), body: new URLSearchParams(fields).toString() });
  /** POSTs `events` to the webhook as LINE would, signed with `secret`; `tamper` changes the body after signing. */
  const webhook = (events: unknown[], { secret = CHANNEL_SECRET, signature, tamper }: { secret?: string; signature?: string | null; tamper?: (body: string) => string } = {}) => {
    const body = JSON.stringify({ destination: 'Ubot', events });
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (signature !== null) headers['x-line-signature'] = signature ?? lineSignature(body, secret);
    return request('/api/line/webhook', { method: 'POST', headers, body: tamper ? tamper(body) : body });
  };
  return {
    collector, db, line, clock, request, form, asOwner, webhook,
    async close() {
      await line.close();
      await db.close();
    },
  };
}

export type LineCollector = Awaited<ReturnType<typeof startLineCollector>>;

let counter = 0;
const base = (type: string, userId: string, extra: Record<string, unknown>) => ({
  type, mode: 'active', timestamp: Date.now(), webhookEventId: `01HEVENT${String(++counter).padStart(18, '0')}`,
  deliveryContext: { isRedelivery: false }, source: { type: 'user', userId }, replyToken: randomUUID().replaceAll('-', ''), ...extra,
});

/** LINE's webhook events, as the Messaging API reference shows them. */
export const events = {
  text: (text: string, userId = CUSTOMER) => base('message', userId, { message: { id: String(++counter), type: 'text', text } }),
  postback: (data: string, userId = CUSTOMER) => base('postback', userId, { postback: { data } }),
  join: (groupId: string) => ({ ...base('join', '', {}), source: { type: 'group', groupId } }),
  /** The same event as LINE sends it again. */
  redelivered: <T extends { deliveryContext: { isRedelivery: boolean } }>(event: T): T => ({ ...event, deliveryContext: { isRedelivery: true } }),
};
