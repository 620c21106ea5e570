import { startFakeHttp, type RecordedRequest } from './fake-http';

export interface LinePush {
  to: string;
  messages: { type: string; text: string }[];
  retryKey: string | undefined;
}

/**
 * The push endpoint of the LINE Messaging API as far as alerts use it: checks the bearer token and
 * the body, remembers accepted `X-Line-Retry-Key`s (a repeat answers 409, like LINE), and fails the
 * next `failNext` pushes with the given status.
 */
export async function startFakeLine(token: string) {
  const pushes: LinePush[] = [];
  const acceptedKeys = new Set<string>();
  const failures: { status: number; retryAfter?: string }[] = [];
  const fake = await startFakeHttp((request: RecordedRequest, response) => {
    if (request.method !== 'POST' || request.path !== '/v2/bot/message/push') return void response.writeHead(404).end();
    if (request.headers.authorization !== `Bearer ${token}`) return void response.writeHead(401).end('{"message":"Authentication failed"}');
    const failure = failures.shift();
    if (failure) {
      response.writeHead(failure.status, failure.retryAfter ? { 'retry-after': failure.retryAfter } : {});
      return void response.end('{"message":"try later"}');
    }
    const retryKey = request.headers['x-line-retry-key'] as string | undefined;
    if (retryKey && acceptedKeys.has(retryKey)) return void response.writeHead(409).end('{"message":"The retry key is already accepted"}');
    const body = JSON.parse(request.body);
    if (typeof body.to !== 'string' || !Array.isArray(body.messages) || !body.messages.length) {
      return void response.writeHead(400).end('{"message":"The request body has 1 error(s)"}');
    }
    if (retryKey) acceptedKeys.add(retryKey);
    pushes.push({ to: body.to, messages: body.messages, retryKey });
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"sentMessages":[{"id":"1","quoteToken":"q"}]}');
  });
  return {
    ...fake,
    pushes,
    failNext(count: number, status = 500, retryAfter?: string) {
      for (let index = 0; index < count; index++) failures.push({ status, retryAfter });
    },
  };
}
