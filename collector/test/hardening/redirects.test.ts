// The paths the app sends people back to after a form (sign-in's `next`, the language switch's
// `back`) stay on this app, however a browser reads them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localPath } from '../../src/http/local-path';
import { asBrowser, databaseKind, signIn, startTestCollector, type TestCollector } from '../harness';

// Browsers drop tabs and newlines anywhere in a URL, read `\` as `/`, resolve `.` segments and
// take a Location of `//host/…` as another site: each of these would leave the app for
// evil.example once followed.
const leaving = [
  '/\t/evil.example/', '/\n/evil.example', '/\r/evil.example', '/\\\t/evil.example', '/\r\n/evil.example',
  '//evil.example', '///evil.example', '/\\evil.example', '\\\\evil.example', '/\\/evil.example',
  '/.//evil.example/phish', '/./\\evil.example', '/..//evil.example', '/a/..//evil.example', '/%2e//evil.example',
  'https://evil.example/', 'HTTPS://evil.example/', 'hTtP://evil.example', 'https:evil.example', 'https:/evil.example',
  '//evil.example@app.example', 'javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'data:text/html,x',
  '\t//evil.example', ' //evil.example',
];

// Odd but harmless: they resolve to a path on this app (a browser does not decode %2F or %09 into
// a host), so they are kept as that path.
const staying: Array<[string, string]> = [
  ['/links/table?saved#top', '/links/table?saved#top'],
  ['/dashboard?survey=a%20b', '/dashboard?survey=a%20b'],
  ['/./', '/'],
  ['/./settings', '/settings'],
  ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
  ['/%09/evil.example', '/%09/evil.example'],
  ['/%5Cevil.example', '/%5Cevil.example'],
  ['http://app.example/inbox?open=1', '/inbox?open=1'],
  ['HTTP://APP.EXAMPLE/inbox', '/inbox'],
];

const app = 'http://app.example';

describe('localPath', () => {
  it.each(staying)('keeps %j on the app as %j', (value, expected) => {
    expect(localPath(value, app)).toBe(expected);
  });

  it.each(leaving)('falls back for %j', (value) => {
    expect(localPath(value, app)).toBe('/');
  });

  it('falls back for nothing, and to the fallback given', () => {
    expect(localPath(undefined, app)).toBe('/');
    expect(localPath('', app, '/links')).toBe('/links');
    expect(localPath('//evil.example', app, '/links')).toBe('/links');
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

  it('GET /signin?next=/.//evil.example/phish (the probe) goes to the default page', async () => {
    const response = await collector.request('/signin?next=/.//evil.example/phish', { headers: { cookie } });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
  });

  it('GET /signin?next= signed out puts only a local path into the form', async () => {
    for (const next of leaving) {
      const text = await (await collector.request(`/signin?next=${encodeURIComponent(next)}`)).text();
      expect(text, next).toContain('<input type="hidden" name="next" value="/">');
    }
  });

  it('GET /signin?next= for a signed-in person never points elsewhere', async () => {
    for (const next of leaving) {
      const response = await collector.request(`/signin?next=${encodeURIComponent(next)}`, { headers: { cookie } });
      expect(response.status, next).toBe(303);
      expect(response.headers.get('location'), next).toBe('/');
    }
  });

  it('POST /signin with a crafted next sends the person to /', async () => {
    for (const next of ['/\t/evil.example/', '/.//evil.example/phish', 'HTTPS://evil.example/']) {
      const response = await collector.request('/signin', {
        method: 'POST',
        headers: { origin: collector.origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: 'owner@shop.example', password: 'correct horse battery', next }),
      });
      expect(response.status, next).toBe(303);
      expect(response.headers.get('location'), next).toBe('/');
    }
  });

  it('POST /signin with a next on this app goes there', async () => {
    const response = await collector.request('/signin', {
      method: 'POST',
      headers: { origin: collector.origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'owner@shop.example', password: 'correct horse battery', next: `${collector.origin}/inbox?open=1` }),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/inbox?open=1');
  });

  it('POST /lang with a crafted back sends the person to /', async () => {
    const response = await collector.request('/lang', {
      method: 'POST',
      headers: { ...asBrowser(collector, cookie), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ lang: 'th', back: '/.//evil.example/phish' }),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
  });
});
