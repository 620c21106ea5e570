// Hostile host pages through the BUILT bundle in real Chromium: old libraries' patches to built-ins
// (Prototype.js's Array.prototype.toJSON, enumerable keys on Object.prototype), a wrapped fetch and
// the snippet pasted twice must not change the payload, break the prompt or throw into the page; nor
// may a sandboxed iframe (`sandbox="allow-scripts"`: an opaque origin, no storage, no form submission).
// Run `npm run build` first.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { launch, readBody, serve } from './harness.mjs';

let server, received;
const contexts = [];

const snippet = `<script async src="/dist/hearback.min.js" data-endpoint="ORIGIN/collect" data-survey="csat" data-delay="0"></script>`;
const patches = {
  // Prototype.js 1.6: arrays serialise themselves as a string, so JSON.stringify([1, 5]) gives "\\"[1, 5]\\"".
  toJSON: `Array.prototype.toJSON = function () { return '[' + this.join(', ') + ']'; };`,
  // MooTools-era code: keys assigned straight onto Object.prototype are enumerable, so for…in sees them everywhere.
  objectKeys: `Object.prototype.clean = function () { return this; }; Object.prototype.mooFamily = function () { return 'object'; };`,
  fetch: `(function () { var original = window.fetch; window.fetchCalls = 0;
    window.fetch = function (input, init) { window.fetchCalls++; return original.call(window, input, init); }; })();`,
};
const cases = {
  plain: [''],
  'to-json': [patches.toJSON],
  'object-keys': [patches.objectKeys],
  fetch: [patches.fetch],
  twice: ['', snippet + snippet],
  all: [patches.toJSON + patches.objectKeys + patches.fetch, snippet + snippet],
};
/** One page address for every case (`?case=`): the payload's `url` drops the query, so it is the same. */
const shop = (req, res) => {
  const [head, body = snippet] = cases[new URL(req.url, 'http://x').searchParams.get('case')];
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html lang="en"><title>t</title>${head ? `<script>${head}</script>` : ''}${body.replaceAll('ORIGIN', server.origin)}<h1>Shop</h1>`);
};

before(async () => {
  received = [];
  server = await serve({
    routes: {
      '/collect': async (req, res) => {
        if (req.method === 'POST') received.push(await readBody(req));
        res.writeHead(req.method === 'POST' ? 201 : 204, { 'access-control-allow-origin': '*' }).end();
      },
      '/shop.html': shop,
      // A site builder's custom-code box: the shop page inside a frame with scripts only.
      '/builder.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!doctype html><html lang="en"><title>Builder</title><iframe sandbox="allow-scripts" src="/shop.html?case=plain" title="Shop" style="width:100%;height:90vh;border:0"></iframe>'),
      '/favicon.ico': (_req, res) => res.writeHead(204).end(),
    },
  });
});
afterEach(async () => {
  while (contexts.length) await contexts.pop().close();
});
after(async () => {
  await server?.close();
});

/**
 * Opens a page in a fresh profile, answers 4 with a comment, and returns the raw body the collector
 * got. `framed`: the page is the shop inside the builder's sandboxed frame.
 */
async function answerOn(name, { framed = false } = {}) {
  const comment = name;
  const context = await launch();
  contexts.push(context);
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (error) => errors.push(String(error)));
  tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await tab.goto(framed ? `${server.origin}/builder.html` : `${server.origin}/shop.html?case=${name}`);
  const page = framed ? tab.frameLocator('iframe') : tab;
  await page.getByRole('radio', { name: /^4\b/ }).check();
  await page.getByRole('button', { name: 'Send' }).click();
  const box = page.getByRole('textbox');
  await box.fill(comment);
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByRole('status').filter({ hasText: /\S/ }).waitFor();
  const deadline = Date.now() + 10_000;
  let body;
  while (!(body = received.find((raw) => raw.includes(`"comment":"${comment}"`))) && Date.now() < deadline) await tab.waitForTimeout(50);
  assert.ok(body, `the answer from the ${name} page arrived`);
  const prompts = await (framed ? tab.frames()[1] : tab).evaluate(() => document.querySelectorAll('hearback-prompt').length);
  return { body, errors, prompts, tab };
}

/** The body with what differs between any two answers (id, key, time) replaced, byte for byte otherwise. */
const comparable = (body) => body.replace(/"id":"[^"]+"/, '"id":"…"').replace(/"key":"[A-Za-z0-9_-]{24}"/, '"key":"…"').replace(/"answeredAt":"[^"]+"/, '"answeredAt":"…"');

describe('hostile pages', () => {
  let plain;
  test('the plain page gives the reference payload', async () => {
    const { body, errors, prompts } = await answerOn('plain');
    plain = comparable(body).replace('"comment":"plain"', '"comment":"…"');
    assert.match(plain, /^\{"v":1,"id":"…","key":"…","survey":"csat","type":"csat","score":4,"scale":\[1,5\],/);
    assert.deepEqual(errors, []);
    assert.equal(prompts, 1);
  });

  for (const [title, name] of [
    ['Array.prototype.toJSON patched (Prototype.js)', 'to-json'],
    ['enumerable keys on Object.prototype (MooTools)', 'object-keys'],
    ['a wrapped fetch', 'fetch'],
    ['the snippet pasted twice', 'twice'],
    ['all of them at once', 'all'],
  ]) {
    test(`${title}: the same payload byte for byte, one working prompt, no page error`, async () => {
      const { body, errors, prompts } = await answerOn(name);
      assert.equal(comparable(body).replace(`"comment":"${name}"`, '"comment":"…"'), plain);
      assert.deepEqual(errors, []);
      assert.equal(prompts, 1);
    });
  }

  test('a sandboxed iframe (allow-scripts only): Send works without form submission, the answer arrives from memory', async () => {
    const { body, errors, prompts, tab } = await answerOn('sandboxed', { framed: true });
    assert.equal(await tab.frames()[1].evaluate(() => window.origin), 'null', 'the frame really has an opaque origin');
    assert.equal(comparable(body).replace('"comment":"sandboxed"', '"comment":"…"'), plain);
    assert.deepEqual(errors, []);
    assert.equal(prompts, 1);
  });
});
