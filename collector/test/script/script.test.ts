import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScriptFiles, type ScriptFiles } from '../../src/script/script-files';
import { startTestCollector, type TestCollector } from '../harness';

// A stand-in for the SDK's dist/: the collector serves whatever bytes are there and hashes them.
const dist = mkdtempSync(join(tmpdir(), 'hearback-dist-'));
const bundle = '/*! hearback test bundle */window.hearback=function(){};';
writeFileSync(join(dist, 'hearback.min.js'), bundle);
writeFileSync(join(dist, 'hearback-1.2.3.min.js'), bundle);
writeFileSync(join(dist, 'hearback-1.2.2.min.js'), '/* an older release */');
// The chunks the loader fetches from beside itself, named by their content hash.
const promptChunk = '/* prompt chunk */';
writeFileSync(join(dist, 'hearback-prompt.Ab1_x-9Z.min.js'), promptChunk);
writeFileSync(join(dist, 'hearback-engine.q2W3e4R5.min.js'), '/* engine chunk */');
writeFileSync(join(dist, 'hearback-lang-ja.Zz9Yy8Xx.min.js'), '/* ja */');
writeFileSync(join(dist, 'hearback-evil.x.min.js'), '/* not a chunk name the loader uses */');
const sri = `sha384-${createHash('sha384').update(bundle).digest('base64')}`;

let collector: TestCollector;
beforeAll(async () => {
  collector = await startTestCollector({ script: loadScriptFiles(dist) });
}, 60_000);
afterAll(async () => {
  await collector.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('the widget script, served by the collector', () => {
  it('knows its version and SRI hash from the bytes it serves', () => {
    const files = loadScriptFiles(dist) as ScriptFiles;
    expect(files.version).toBe('1.2.3');
    expect(files.current.name).toBe('hearback-1.2.3.min.js');
    expect(files.current.integrity).toBe(sri);
    expect(files.versioned.map((f) => f.name)).toEqual(['hearback-1.2.2.min.js', 'hearback-1.2.3.min.js']);
  });

  it('the plain file: public, any origin, short cache, nosniff, loadable cross-site', async () => {
    const response = await collector.request('/hearback.min.js', { headers: { origin: 'https://any-shop.example' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(bundle);
    expect(Object.fromEntries(['content-type', 'cache-control', 'access-control-allow-origin', 'x-content-type-options', 'cross-origin-resource-policy'].map((h) => [h, response.headers.get(h)]))).toEqual({
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=300',
      'access-control-allow-origin': '*',
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'cross-origin',
    });
  });

  it('the versioned file: cached a year and immutable; revalidates with its hash as ETag', async () => {
    const response = await collector.request('/hearback-1.2.3.min.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('etag')).toBe(`"${sri}"`);
    const again = await collector.request('/hearback-1.2.3.min.js', { headers: { 'if-none-match': `"${sri}"` } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await collector.request('/hearback-1.2.2.min.js')).status).toBe(200);
    expect((await collector.request('/hearback-9.9.9.min.js')).status).toBe(404);
  });

  it('the chunks the loader fetches: each served with the versioned file\'s headers (a year, immutable, open CORS for integrity)', async () => {
    const files = loadScriptFiles(dist) as ScriptFiles;
    expect(files.chunks.map((f) => f.name)).toEqual(['hearback-engine.q2W3e4R5.min.js', 'hearback-lang-ja.Zz9Yy8Xx.min.js', 'hearback-prompt.Ab1_x-9Z.min.js']);
    const response = await collector.request('/hearback-prompt.Ab1_x-9Z.min.js', { headers: { origin: 'https://any-shop.example' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(promptChunk);
    const integrity = `sha384-${createHash('sha384').update(promptChunk).digest('base64')}`;
    expect(Object.fromEntries(['content-type', 'cache-control', 'etag', 'access-control-allow-origin', 'cross-origin-resource-policy'].map((h) => [h, response.headers.get(h)]))).toEqual({
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=31536000, immutable',
      etag: `"${integrity}"`,
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
    });
    for (const name of ['hearback-engine.q2W3e4R5.min.js', 'hearback-lang-ja.Zz9Yy8Xx.min.js']) expect((await collector.request('/' + name)).status).toBe(200);
    expect((await collector.request('/hearback-evil.x.min.js')).status).toBe(404);
    expect((await collector.request('/hearback-prompt.other.min.js')).status).toBe(404);
  });

  it('without a built SDK: 404 saying how to build it, and the builder says so too', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'hearback-dist-'));
    const bare = await startTestCollector({ script: loadScriptFiles(empty) });
    try {
      const response = await bare.request('/hearback.min.js');
      expect(response.status).toBe(404);
      expect((await response.json()).problems[0]).toMatch(/^the widget script is not built: no .*hearback\.min\.js \(run npm run build in the repository\)$/);
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
