// The paths the app sends people back to after a form (sign-in's `next`, the language switch's
// `back`) stay on this app, however a browser reads them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localPath } from '../../src/http/form-fields';
import { asBrowser, databaseKind, signIn, startTestCollector, type TestCollector } from '../harness';

// Browsers drop tabs and newlines anywhere in a URL and read `\` as `/`: each of these would
// leave the app for evil.example once followed.
const leaving = ['/\t/evil.example/', '/\n/evil.example', '/\r/evil.example', '/\\\t/evil.example', '//evil.example', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)'];

describe('localPath', () => {
  it('keeps a same-site path with its query and fragment', () => {
    expect(localPath('/links/table?saved#top')).toBe('/links/table?saved#top');
    expect(localPath('/dashboard?survey=a%20b')).toBe('/dashboard?survey=a%20b');
  });

  it.each(leaving)('falls back for %j', (value) => {
    expect(localPath(value)).toBe('/');
  });
});

describe(`redirects after sign-in and the language switch stay on the app (${databaseKind})`, () => {
  let collector: TestCollector;
  let cookie: string;

  beforeAll(async () => {
    collector = await startTestCollector();
    cookie = await signIn(collector);
  }, 60_000);
  afterAll(() => collector?.close());

  it('GET /signin?next= for a signed-in person never points elsewhere', async () => {
    for (const next of leaving) {
      const response = await collector.request(`/signin?next=${encodeURIComponent(next)}`, { headers: { cookie } });
      expect(response.status, next).toBe(303);
      expect(response.headers.get('location'), next).toBe('/');
    }
  });

  it('POST /signin with a crafted next sends the person to /', async () => {
    const response = await collector.request('/signin', {
      method: 'POST',
      headers: { origin: collector.origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'owner@shop.example', password: 'correct horse battery', next: '/\t/evil.example/' }),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
  });

  it('POST /lang with a crafted back sends the person to /', async () => {
    const response = await collector.request('/lang', {
      method: 'POST',
      headers: { ...asBrowser(collector, cookie), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ lang: 'th', back: '/\t/evil.example/' }),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
  });
});
