import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createShownReport } from '../../../src/shown/shown-report';
import { shownEntry } from '../../../src/shown/shown-entry';
import { fakeWindow, quietLog, settle } from '../outbox/helpers';

const url = 'https://app.example/api/shown';
const server = setupServer();
let posts: Array<{ body: unknown; contentType: string | null; credentials: string; keepalive: boolean }>;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  posts = [];
  server.use(
    http.post(url, async ({ request }) => {
      posts.push({ body: JSON.parse(await request.text()), contentType: request.headers.get('content-type'), credentials: request.credentials, keepalive: request.keepalive });
      return new HttpResponse(null, { status: 204 });
    }),
  );
});
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});

const at = new Date('2026-12-07T07:00:00.000Z');
const entry = (survey: string) => shownEntry({ id: survey, type: 'csat' }, 'th', {}, false, 'https://shop.example/checkout/done?order=A17#x', at);

describe('the shown report (shownUrl)', () => {
  it('N prompts on a page view are one POST at page hide with N entries, as text/plain without credentials; nothing more after', async () => {
    const page = fakeWindow();
    const report = createShownReport({ url, log: quietLog(), window: page.window });
    report.add(entry('after-checkout'));
    report.add(shownEntry({ id: 'kiosk', type: 'nps', mode: 'kiosk' }, 'en', { branch: 'Siam' }, true, 'https://shop.example/k?x=1', at));
    report.add(entry('after-support'));
    await settle();
    expect(posts).toEqual([]);
    page.hide();
    await settle();
    expect(posts).toEqual([{
      body: {
        v: 1,
        shown: [
          { survey: 'after-checkout', type: 'csat', mode: 'popup', locale: 'th', url: 'https://shop.example/checkout/done', at: '2026-12-07T07:00:00.000Z' },
          { survey: 'kiosk', type: 'nps', mode: 'kiosk', locale: 'en', url: 'https://shop.example/k?x=1', context: { branch: 'Siam' }, at: '2026-12-07T07:00:00.000Z' },
          { survey: 'after-support', type: 'csat', mode: 'popup', locale: 'th', url: 'https://shop.example/checkout/done', at: '2026-12-07T07:00:00.000Z' },
        ],
      },
      contentType: 'text/plain;charset=UTF-8',
      credentials: 'omit',
      keepalive: true,
    }]);
    report.add(entry('late'));
    page.hide();
    report.destroy();
    await settle();
    expect(posts).toHaveLength(1);
  });

  it('a page that stays reports five minutes after its first prompt', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const report = createShownReport({ url, log: quietLog(), window: fakeWindow().window });
    report.add(entry('a'));
    await vi.advanceTimersByTimeAsync(299_999);
    expect(posts).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(() => expect(posts).toHaveLength(1));
  });

  it('consent withdrawn: what was collected is never sent', async () => {
    const page = fakeWindow();
    const report = createShownReport({ url, log: quietLog(), window: page.window });
    report.add(entry('a'));
    report.forget();
    page.hide();
    await settle();
    expect(posts).toEqual([]);
  });

  it('without keepalive it goes by sendBeacon', () => {
    const page = fakeWindow({ keepalive: false });
    const report = createShownReport({ url, log: quietLog(), window: page.window });
    report.add(entry('a'));
    page.hide();
    expect(page.sendBeacon).toHaveBeenCalledTimes(1);
    expect(JSON.parse(page.sendBeacon.mock.calls[0][1]).shown).toHaveLength(1);
  });
});
