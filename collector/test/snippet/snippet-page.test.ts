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
/** The snippet as the page shows it (and the copy button copies it). */
const snippetOf = (html: string) => /<code id="snippet">([^<]*)<\/code>/.exec(html)![1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('the snippet builder page', () => {
  it('needs sign-in', async () => {
    const response = await collector.request('/app/snippet');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/signin?next=%2Fapp%2Fsnippet');
    expect((await collector.request('/builder.html')).headers.get('location')).toBe('/app/snippet');
  });

  it('writes one tag: the pinned script with its hash, and this app\'s addresses only (answers, published surveys, shown report); strict CSP, nothing inline', async () => {
    const response = await collector.request('/app/snippet', { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = await response.text();
    expect(snippetOf(html)).toBe(
      `<script async src="${collector.origin}/hearback-0.4.0.min.js"\n` +
      `        integrity="${sri}" crossorigin="anonymous"\n` +
      `        data-endpoint="${collector.origin}/api/responses"\n` +
      `        data-surveys-url="${collector.origin}/api/surveys.json"\n` +
      `        data-shown-url="${collector.origin}/api/shown"></script>`);
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
      const snippet = snippetOf(html);
      expect(snippet).toContain('src="https://feedback.shop.example/hearback-0.4.0.min.js"');
      expect(snippet).toContain('data-endpoint="https://feedback.shop.example/api/responses"');
      expect(snippet).toContain('data-surveys-url="https://feedback.shop.example/api/surveys.json"');
      expect(snippet).toContain('data-shown-url="https://feedback.shop.example/api/shown"');
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
