import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScriptFiles } from '../../src/script/script-files';
import { asBrowser, signIn, startTestCollector, type TestCollector } from '../harness';

const dist = mkdtempSync(join(tmpdir(), 'hearback-dist-'));
const bundle = 'window.hearback=function(){};';
writeFileSync(join(dist, 'hearback.min.js'), bundle);
writeFileSync(join(dist, 'hearback-0.4.0.min.js'), bundle);
const sri = `sha384-${createHash('sha384').update(bundle).digest('base64')}`;

let collector: TestCollector;
let cookie: string;
beforeAll(async () => {
  collector = await startTestCollector({ script: loadScriptFiles(dist), config: { allowedOrigins: ['https://shop.example', 'https://www.shop.example'] } });
  cookie = await signIn(collector);
}, 60_000);
afterAll(async () => {
  await collector.close();
  rmSync(dist, { recursive: true, force: true });
});

const attribute = (html: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(html)?.[1];

describe('the snippet builder page', () => {
  it('needs sign-in', async () => {
    const response = await collector.request('/app/snippet');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/signin?next=%2Fapp%2Fsnippet');
    expect((await collector.request('/builder.html')).headers.get('location')).toBe('/app/snippet');
  });

  it('gives the page the pinned script, its hash, the endpoint (the request origin) and the allow list; strict CSP, nothing inline', async () => {
    const response = await collector.request('/app/snippet', { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = await response.text();
    expect(attribute(html, 'data-script-url')).toBe(`${collector.origin}/hearback-0.4.0.min.js`);
    expect(attribute(html, 'data-integrity')).toBe(sri);
    expect(attribute(html, 'data-endpoint')).toBe(`${collector.origin}/api/responses`);
    expect(attribute(html, 'data-allowed-origins')).toBe('https://shop.example,https://www.shop.example');
    expect(html).toContain('<script type="module" src="/assets/snippet.js"></script>');
    expect(html).toMatch(/<a href="\/app\/snippet" aria-current="page">Snippet<\/a>/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    expect(html).not.toMatch(/\sstyle="/); // no inline style
  });

  it('uses HEARBACK_PUBLIC_URL for both addresses when set, and speaks Thai', async () => {
    const behindProxy = await startTestCollector({ script: loadScriptFiles(dist), config: { publicUrl: 'https://feedback.shop.example' } });
    try {
      const signedIn = await behindProxy.request('/signin', {
        method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://feedback.shop.example' },
        body: JSON.stringify({ email: 'owner@shop.example', password: 'correct horse battery' }),
      });
      const ownerCookie = signedIn.headers.getSetCookie()[0].split(';')[0];
      const html = await (await behindProxy.request('/app/snippet', { headers: { cookie: `${ownerCookie}; hearback_lang=th` } })).text();
      expect(attribute(html, 'data-script-url')).toBe('https://feedback.shop.example/hearback-0.4.0.min.js');
      expect(attribute(html, 'data-endpoint')).toBe('https://feedback.shop.example/api/responses');
      expect(html).toContain('<html lang="th">');
      expect(html).toContain('สคริปต์ของคุณ');
    } finally {
      await behindProxy.close();
    }
  });

  it('drops the live preview\'s answers (signed in, same origin only)', async () => {
    const preview = await collector.request('/app/snippet/preview', { method: 'POST', headers: asBrowser(collector, cookie, { 'content-type': 'text/plain' }), body: '{"id":"x"}' });
    expect(preview.status).toBe(204);
    expect((await collector.request('/app/snippet/preview', { method: 'POST', headers: { origin: collector.origin }, body: '{}' })).status).toBe(401);
  });
});
