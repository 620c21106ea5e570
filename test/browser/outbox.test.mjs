// The outbox in real Chromium: real IndexedDB, real keepalive, real tabs, a real local collector.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { build } from 'esbuild';
import { closeTab, launch, readBody, root, serve } from './harness.mjs';

let server, harnessJs, received, slowMs;
const posts = (id) => received.filter((body) => body.id === id).length;

/** Polls until `check()` is true (bounded). */
async function until(check, what, timeoutMs = 10_000) {
  for (const start = Date.now(); Date.now() - start < timeoutMs; ) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`timed out waiting for ${what}`);
}
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

before(async () => {
  harnessJs = (await build({
    entryPoints: [root + 'test/browser/fixtures/outbox-harness.ts'],
    bundle: true, format: 'iife', write: false, minify: false, define: { __HEARBACK_VERSION__: '"test"' },
  })).outputFiles[0].text;
  server = await serve({
    routes: {
      '/outbox.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!doctype html><html lang="en"><title>outbox</title><script src="/outbox-harness.js"></script><h1>Shop</h1>'),
      '/outbox-harness.js': (_req, res) => res.writeHead(200, { 'content-type': 'text/javascript' }).end(harnessJs),
      '/collect': async (req, res) => {
        if (req.method !== 'POST') return res.writeHead(204).end();
        const body = JSON.parse(await readBody(req));
        received.push(body);
        if (slowMs) await pause(slowMs);
        res.writeHead(200).end();
      },
    },
  });
});
after(() => server.close());
beforeEach(() => {
  received = [];
  slowMs = 0;
});

async function open(context, init) {
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  await page.goto(server.origin + '/outbox.html');
  await page.waitForFunction(() => window.ready);
  return page;
}

describe('outbox in Chromium', () => {
  test('offline: answer, close the tab, come back online: the next visit delivers it, once', async () => {
    const context = await launch();
    try {
      const first = await open(context);
      await context.setOffline(true);
      const id = await first.evaluate(() => window.enqueue({ comment: 'answered on a train' }));
      await pause(300);
      await closeTab(first);
      await context.setOffline(false);
      assert.equal(posts(id), 0, 'nothing could be sent while offline');
      const next = await open(context);
      await until(() => posts(id) === 1, 'the next visit to deliver the answer');
      await next.waitForFunction(() => window.outbox.status().pending === 0);
      await pause(500);
      assert.equal(posts(id), 1);
      assert.equal(received.find((body) => body.id === id).comment, 'answered on a train');
    } finally {
      await context.close();
    }
  });

  test('tab closed 50 ms after the answer while the server is slow: delivered exactly once (keepalive)', async () => {
    const context = await launch();
    try {
      slowMs = 2000;
      const page = await open(context);
      const id = await page.evaluate(() => window.enqueue({ comment: 'bye' }));
      await pause(50);
      await page.close({ runBeforeUnload: true });
      await until(() => posts(id) === 1, 'the POST to arrive after the tab closed');
      await pause(2500);
      assert.equal(posts(id), 1);
    } finally {
      await context.close();
    }
  });

  test('a held score is sent when the tab closes (the visitor never wrote the comment)', async () => {
    const context = await launch();
    try {
      const page = await open(context);
      const id = await page.evaluate(() => window.enqueue({ score: 2 }, { held: true }));
      await pause(300);
      assert.equal(posts(id), 0, 'held while a comment may still come');
      await page.close({ runBeforeUnload: true });
      await until(() => posts(id) === 1, 'the held score to go out on page hide');
    } finally {
      await context.close();
    }
  });

  test('three tabs answering offline: no duplicate POSTs once online, even after they close', async () => {
    const context = await launch();
    try {
      const tabs = [await open(context), await open(context), await open(context)];
      await context.setOffline(true);
      const ids = [];
      for (const tab of tabs) ids.push(await tab.evaluate(() => window.enqueue()));
      await pause(500);
      await context.setOffline(false);
      await until(() => ids.every((id) => posts(id) >= 1), 'all three answers to arrive', 20_000);
      for (const tab of tabs) await tab.waitForFunction(() => window.outbox.status().pending === 0, null, { timeout: 10_000 });
      for (const tab of tabs) await tab.close({ runBeforeUnload: true });
      await pause(1000);
      assert.deepEqual(ids.map(posts), [1, 1, 1]);
      assert.equal(received.length, 3);
    } finally {
      await context.close();
    }
  });

  test('IndexedDB failing (open throws): answers still delivered, status says memory', async () => {
    const context = await launch();
    try {
      const page = await open(context, () => {
        IDBFactory.prototype.open = () => { throw new DOMException('The user denied permission to access the database.', 'SecurityError'); };
      });
      const id = await page.evaluate(() => window.enqueue());
      await until(() => posts(id) === 1, 'delivery from the memory fallback');
      assert.equal(await page.evaluate(() => window.outbox.status().storage), 'memory');
      assert.ok(await page.evaluate(() => window.events.some(([event, detail]) => event === 'error' && detail.kind === 'storage')));
    } finally {
      await context.close();
    }
  });

  test('a host page patching fetch after init neither breaks nor observes delivery', async () => {
    const context = await launch();
    try {
      const page = await open(context);
      await page.evaluate(() => {
        window.seenByHost = 0;
        window.fetch = () => (window.seenByHost++, Promise.reject(new TypeError('host broke fetch')));
      });
      const id = await page.evaluate(() => window.enqueue());
      await until(() => posts(id) === 1, 'delivery through the captured fetch');
      assert.equal(await page.evaluate(() => window.seenByHost), 0);
    } finally {
      await context.close();
    }
  });
});
