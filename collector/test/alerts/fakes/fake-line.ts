import type { ServerResponse } from 'node:http';
import { startFakeHttp, type RecordedRequest } from './fake-http';

export interface LineSent {
  to: string;
  messages: { type: string; text: string; quickReply?: { items: { action: { label: string; data: string; displayText: string } }[] } }[];
  retryKey: string | undefined;
}

export type LinePush = LineSent;

export interface LineReply {
  replyToken: string;
  messages: LineSent['messages'];
}

export interface FakeLineOptions {
  /** The bot LINE describes at `GET /v2/bot/info`. */
  bot?: { basicId: string; displayName: string };
  /** The groups `GET /v2/bot/group/{id}/summary` knows. */
  groups?: Record<string, string>;
  /** `quota` and `consumption` answers. */
  quota?: { limit: number | null; used: number };
  /** What `POST /v2/bot/channel/webhook/test` says. */
  webhookTest?: { success: boolean; statusCode?: number; reason?: string };
}

const json = (response: ServerResponse, status: number, body: unknown) =>
  void response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

/**
 * A local stand-in for the LINE Messaging API: push (remembers accepted `X-Line-Retry-Key`s — a
 * repeat answers 409, like LINE), reply, bot info, webhook test, quota and consumption, group
 * summary. Checks the bearer token on every call, records every request, and fails the next
 * `failNext` pushes with the given status.
 */
export async function startFakeLine(token: string, options: FakeLineOptions = {}) {
  const pushes: LineSent[] = [];
  const replies: LineReply[] = [];
  const acceptedKeys = new Set<string>();
  const failures: { status: number; retryAfter?: string }[] = [];
  const state = { quota: options.quota ?? { limit: 200, used: 0 }, webhookTest: options.webhookTest ?? { success: true, statusCode: 200, reason: 'OK' } };
  const fake = await startFakeHttp((request: RecordedRequest, response) => {
    if (request.headers.authorization !== `Bearer ${token}`) return json(response, 401, { message: 'Authentication failed' });
    const route = `${request.method} ${request.path}`;
    if (route === 'GET /v2/bot/info') return json(response, 200, { userId: 'Ubot', basicId: options.bot?.basicId ?? '@123abcde', displayName: options.bot?.displayName ?? 'Shop bot' });
    if (route === 'GET /v2/bot/message/quota') return json(response, 200, state.quota.limit === null ? { type: 'none' } : { type: 'limited', value: state.quota.limit });
    if (route === 'GET /v2/bot/message/quota/consumption') return json(response, 200, { totalUsage: state.quota.used });
    if (route === 'POST /v2/bot/channel/webhook/test') return json(response, 200, { ...state.webhookTest, timestamp: new Date().toISOString() });
    const group = /^GET \/v2\/bot\/group\/([^/]+)\/summary$/.exec(route);
    if (group) {
      const name = options.groups?.[decodeURIComponent(group[1])];
      return name === undefined ? json(response, 404, { message: 'Not found' }) : json(response, 200, { groupId: decodeURIComponent(group[1]), groupName: name });
    }
    if (route === 'POST /v2/bot/message/reply') {
      const body = JSON.parse(request.body);
      if (typeof body.replyToken !== 'string' || !Array.isArray(body.messages) || !body.messages.length) return json(response, 400, { message: 'The request body has 1 error(s)' });
      replies.push({ replyToken: body.replyToken, messages: body.messages });
      return json(response, 200, { sentMessages: [] });
    }
    if (route !== 'POST /v2/bot/message/push') return void response.writeHead(404).end();
    const failure = failures.shift();
    if (failure) {
      response.writeHead(failure.status, failure.retryAfter ? { 'retry-after': failure.retryAfter } : {});
      return void response.end('{"message":"try later"}');
    }
    const retryKey = request.headers['x-line-retry-key'] as string | undefined;
    if (retryKey && acceptedKeys.has(retryKey)) return json(response, 409, { message: 'The retry key is already accepted' });
    const body = JSON.parse(request.body);
    if (typeof body.to !== 'string' || !Array.isArray(body.messages) || !body.messages.length) return json(response, 400, { message: 'The request body has 1 error(s)' });
    if (retryKey) acceptedKeys.add(retryKey);
    pushes.push({ to: body.to, messages: body.messages, retryKey });
    state.quota.used += 1;
    return json(response, 200, { sentMessages: [{ id: '1', quoteToken: 'q' }] });
  });
  return {
    ...fake,
    pushes,
    replies,
    state,
    failNext(count: number, status = 500, retryAfter?: string) {
      for (let index = 0; index < count; index++) failures.push({ status, retryAfter });
    },
  };
}

export type FakeLine = Awaited<ReturnType<typeof startFakeLine>>;
