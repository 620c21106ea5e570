// Every clause of CONTRACT.md through the BUILT bundle (dist/), in real Chromium, against a local
// collector on 127.0.0.1. Run `npm run build` first (npm test does).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, afterEach, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import { closeTab, launch, readBody, root, serve } from './harness.mjs';

const sri = JSON.parse(readFileSync(new URL('../../dist/sri.json', import.meta.url), 'utf8'));
const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
const axeSource = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

let server, context, received, pages, npmBundle;
const contexts = [];
/** A fresh profile per test: the frequency rules (one prompt per session) must not leak across tests. */
async function freshContext() {
  context = await launch();
  contexts.push(context);
  return context;
}
const page = (html, headers = {}) => (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(html.replaceAll('ORIGIN', server.origin));
};
const strictCsp = { 'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'" };

before(async () => {
  received = [];
  npmBundle = (await build({
    stdin: { contents: "import { init } from 'hearback'; window.hb = init({ endpoint: location.origin + '/collect', surveys: [{ id: 'after-checkout', type: 'csat', trigger: { event: 'checkout' } }] });", resolveDir: root, loader: 'js' },
    bundle: true, format: 'esm', write: false, alias: { hearback: root }, minify: true,
  })).outputFiles[0].text;
  pages = {
    '/collect': async (req, res) => {
      if (req.method === 'POST') received.push({ type: req.headers['content-type'], body: JSON.parse(await readBody(req)) });
      res.writeHead(req.method === 'POST' ? 201 : 204, { 'access-control-allow-origin': '*' }).end();
    },
    '/one-tag.html': page(`<!doctype html><html lang="en"><title>t</title>
      <script src="/test/browser/fixtures/contract/globals-before.js"></script>
      <script async src="/dist/hearback.min.js" data-endpoint="ORIGIN/collect" data-survey="nps" data-delay="0"></script><h1>Shop</h1>`),
    '/stub-queue.html': page(`<!doctype html><html lang="th"><title>t</title><script>
      window.hearback=window.hearback||function(){(hearback.q=hearback.q||[]).push(arguments)};
      window.events=[];
      hearback('on','show',function(d){events.push('show '+d.survey)});
      hearback('on','queued',function(d){events.push('queued '+d.survey)});
      hearback('init',{endpoint:'ORIGIN/collect',context:{orderId:'A17'},surveys:[{id:'after-checkout',type:'csat',trigger:{event:'checkout'}}]});
      hearback('track','checkout');</script>
      <script async src="/dist/hearback.min.js"></script><h1>Order complete</h1>`),
    '/track-context.html': page(`<!doctype html><html lang="en"><title>t</title><script>
      window.hearback=window.hearback||function(){(hearback.q=hearback.q||[]).push(arguments)};
      hearback('init',{endpoint:'ORIGIN/collect',context:{touchpoint:'web',branch:'HQ'},surveys:[{id:'after-checkout',type:'csat',trigger:{event:'checkout'},question:'How was order {orderId}?'}]});
      hearback('track','checkout',{orderId:'B9',branch:'Siam',total:12.5,button:document.documentElement,done:function(){}});</script>
      <script async src="/dist/hearback.min.js"></script><h1>Order complete</h1>`),
    '/npm.html': page(`<!doctype html><html lang="en"><title>t</title><script type="module" src="/npm-bundle.js"></script>`),
    '/npm-bundle.js': (_req, res) => res.writeHead(200, { 'content-type': 'text/javascript' }).end(npmBundle),
    '/csp.html': page(`<!doctype html><html lang="en"><title>t</title>
      <script async src="/dist/hearback.min.js" data-endpoint="ORIGIN/collect" data-survey="ces" data-delay="0"></script><h1>Strict</h1>`, strictCsp),
    '/hostile.html': page(`<!doctype html><html lang="en"><title>t</title>
      <link rel="stylesheet" href="/test/browser/fixtures/contract/hostile.css">
      <script async src="/dist/hearback.min.js" data-endpoint="ORIGIN/collect" data-survey="csat" data-delay="0"></script><div><p>Hostile page</p></div>`),
    '/sri.html': page(`<!doctype html><html lang="en"><title>t</title>
      <script async src="/dist/hearback-${version}.min.js" integrity="${sri[`hearback-${version}.min.js`]}" crossorigin="anonymous"
        data-endpoint="ORIGIN/collect" data-survey="nps" data-delay="0"></script>`),
    '/sri-tampered.html': page(`<!doctype html><html lang="en"><title>t</title>
      <script async src="/dist/hearback-${version}.min.js" integrity="sha384-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" crossorigin="anonymous"
        data-endpoint="ORIGIN/collect" data-survey="nps" data-delay="0"></script>`),
  };
  server = await serve({ routes: pages });
});
afterEach(async () => {
  while (contexts.length) await contexts.pop().close();
});
after(async () => {
  await server?.close();
});

const answered = (predicate, timeout = 10_000) => waitFor(() => received.find((r) => predicate(r.body)), timeout);
async function waitFor(check, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const value = check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out waiting');
}

/** Answers the open prompt the way a visitor would: pick a score, send, optionally comment. */
async function answer(tab, score, comment) {
  await tab.getByRole('radio', { name: new RegExp(`^${score}\\b`) }).check();
  await tab.getByRole('button', { name: /^(Send|ส่ง)$/ }).first().click();
  const box = tab.getByRole('textbox');
  await box.waitFor();
  if (comment) await box.fill(comment);
  await tab.getByRole('button', { name: /^(Send|ส่ง)$/ }).first().click();
  await tab.getByRole('status').filter({ hasText: /\S/ }).waitFor();
}

describe('contract through the built bundle', () => {
  test('one tag: data-* attributes start an NPS prompt; exactly one global; payload v1 arrives', async () => {
    const tab = await (await freshContext()).newPage();
    await tab.goto(server.origin + '/one-tag.html?token=secret#frag');
    await tab.getByRole('radiogroup').waitFor();
    const added = await tab.evaluate(() => Object.getOwnPropertyNames(window).filter((name) => !window.__globalsBefore.includes(name)));
    assert.deepEqual(added, ['hearback']);
    assert.equal(await tab.getByRole('radio').count(), 11);
    await answer(tab, 9, 'ส่งของเร็วมาก');
    const { body, type } = await answered((b) => b.survey === 'nps' && b.score === 9);
    assert.equal(type, 'text/plain;charset=UTF-8');
    assert.deepEqual(Object.keys(body).sort(), ['answeredAt', 'comment', 'id', 'key', 'locale', 'scale', 'score', 'sdk', 'survey', 'type', 'url', 'v'].sort());
    assert.equal(body.v, 1);
    assert.equal(body.type, 'nps');
    assert.deepEqual(body.scale, [0, 10]);
    assert.equal(body.comment, 'ส่งของเร็วมาก');
    assert.equal(body.url, server.origin + '/one-tag.html');
    assert.equal(body.locale, 'en');
    assert.equal(body.sdk, `hearback/${version}`);
    assert.match(body.id, /^[0-9a-f-]{36}$/);
    assert.match(body.key, /^[A-Za-z0-9_-]{24}$/); // the answer's secret: only its own amendment carries it
    await tab.close();
  });

  test('stub queue: calls made before load run in order; Thai from <html lang>; commands return Promises', async () => {
    const tab = await (await freshContext()).newPage();
    await tab.goto(server.origin + '/stub-queue.html');
    await tab.getByRole('radiogroup').waitFor();
    assert.match(await tab.getByRole('radiogroup').innerText(), /คุณจะให้คะแนนความพึงพอใจโดยรวม/);
    await answer(tab, 5, '');
    const { body } = await answered((b) => b.survey === 'after-checkout' && b.score === 5);
    assert.equal(body.locale, 'th');
    assert.deepEqual(body.context, { orderId: 'A17' });
    assert.deepEqual(await tab.evaluate(() => window.events), ['show after-checkout', 'queued after-checkout']);
    const status = await tab.evaluate(() => window.hearback('status'));
    assert.equal(typeof status.pending, 'number');
    assert.equal(await tab.evaluate(() => window.hearback('flush').then(() => 'flushed')), 'flushed');
    await tab.close();
  });

  test("track props: the event's plain data goes into the answer's context, over options.context; the rest is named in a warning", async () => {
    const tab = await (await freshContext()).newPage();
    const warnings = [];
    tab.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await tab.goto(server.origin + '/track-context.html');
    await tab.getByRole('radiogroup').waitFor();
    assert.match(await tab.getByRole('radiogroup').innerText(), /How was order B9\?/);
    await answer(tab, 4, '');
    const { body } = await answered((b) => b.survey === 'after-checkout' && b.context?.orderId === 'B9');
    assert.deepEqual(body.context, { touchpoint: 'web', branch: 'Siam', orderId: 'B9', total: 12.5 });
    assert.deepEqual(warnings, ['hearback: track("checkout") props: left out button, done (not plain data: only strings, numbers, booleans, null, lists and plain objects go into an answer)']);
    await tab.close();
  });

  test('npm module in a bundled page: init() and track() reach the same engine', async () => {
    const tab = await (await freshContext()).newPage();
    await tab.goto(server.origin + '/npm.html');
    await tab.waitForFunction(() => window.hb);
    assert.equal(await tab.evaluate(() => typeof window.hearback), 'undefined');
    await tab.evaluate(() => window.hb.track('checkout'));
    await tab.getByRole('radiogroup').waitFor();
    assert.equal(await tab.getByRole('radio').count(), 5);
    await answer(tab, 4, 'good');
    await answered((b) => b.survey === 'after-checkout' && b.score === 4 && b.comment === 'good');
    await tab.close();
  });

  for (const [type, count, question] of [['nps', 11, /recommend/], ['csat', 5, /satisfaction/], ['ces', 7, /easy/]]) {
    test(`${type}: ${count} native radios in a labelled group, ends carry anchor text`, async () => {
      const tab = await (await freshContext()).newPage();
      await tab.goto(server.origin + '/npm.html');
      await tab.waitForFunction(() => window.hb);
      await tab.evaluate((t) => window.hb.show(t), type);
      const group = tab.getByRole('radiogroup');
      await group.waitFor();
      assert.match(await group.getAttribute('aria-label') ?? await group.innerText(), question);
      assert.equal(await tab.getByRole('radio').count(), count);
      const names = await tab.getByRole('radio').evaluateAll((radios) => radios.map((r) => r.labels[0]?.textContent || r.getAttribute('aria-label')));
      assert.ok(names.length === count);
      await tab.close();
    });
  }

  test('offline, then the tab closes: the answer is delivered on the next visit', async () => {
    const tab = await (await freshContext()).newPage();
    await tab.goto(server.origin + '/npm.html');
    await tab.waitForFunction(() => window.hb);
    await context.setOffline(true);
    await tab.evaluate(() => window.hb.show('nps'));
    await answer(tab, 3, 'offline answer');
    await closeTab(tab);
    await context.setOffline(false);
    assert.equal(received.filter((r) => r.body.comment === 'offline answer').length, 0);
    const next = await context.newPage();
    await next.goto(server.origin + '/npm.html');
    // Delivery starts in the first idle moment (up to 2 s on a busy machine), after the backoff earned offline.
    await answered((b) => b.comment === 'offline answer', 20_000);
    await next.waitForTimeout(500);
    assert.equal(received.filter((r) => r.body.comment === 'offline answer').length, 1);
    await next.close();
  });

  test('a page that is never idle: the answer is stored before thanks and delivered, with what an earlier visit left', async () => {
    const context = await freshContext();
    const earlier = await context.newPage();
    await earlier.goto(server.origin + '/npm.html');
    await earlier.waitForFunction(() => window.hb);
    await context.setOffline(true);
    await earlier.evaluate(() => window.hb.show('nps'));
    await answer(earlier, 2, 'left by an earlier visit');
    await closeTab(earlier);
    await context.setOffline(false);
    // The collector cannot be reached (but the page can), and no idle period ever comes: the
    // start-up work deferred to idle time must not be what stores or delivers answers.
    await context.route('**/collect', (route) => route.abort('internetdisconnected'));
    const tab = await context.newPage();
    await tab.addInitScript(() => (window.requestIdleCallback = () => 0));
    await tab.goto(server.origin + '/stub-queue.html');
    await tab.evaluate(() => window.hearback('show', 'csat')); // the checkout trigger: one prompt per session is spent
    await tab.getByRole('radiogroup').waitFor();
    await answer(tab, 4, 'before idle time');
    const queued = await tab.evaluate(() => new Promise((resolve, reject) => {
      const open = indexedDB.open('hearback');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const keys = open.result.transaction('kv').objectStore('kv').getAllKeys();
        keys.onsuccess = () => resolve(keys.result.filter((key) => String(key).startsWith('outbox:')).length);
      };
    }));
    assert.equal(queued, 2, 'both answers wait in IndexedDB while the collector is unreachable');
    await context.unroute('**/collect');
    // Each failed attempt doubled the wait before the next (backoff): allow for a few.
    await answered((b) => b.comment === 'before idle time', 30_000);
    await answered((b) => b.comment === 'left by an earlier visit', 30_000);
    await tab.waitForTimeout(500);
    assert.equal(received.filter((r) => r.body.comment === 'before idle time' || r.body.comment === 'left by an earlier visit').length, 2);
    await tab.close();
  });

  test('strict CSP (no unsafe-inline): zero securitypolicyviolation events, prompt works', async () => {
    const tab = await (await freshContext()).newPage();
    await tab.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
    });
    await tab.goto(server.origin + '/csp.html');
    await tab.getByRole('radiogroup').waitFor();
    await answer(tab, 6, 'csp ok');
    await answered((b) => b.comment === 'csp ok');
    assert.deepEqual(await tab.evaluate(() => window.__violations), []);
    await tab.close();
  });

  test('hostile host CSS cannot hide or break the prompt', async () => {
    const tab = await (await freshContext()).newPage();
    await tab.goto(server.origin + '/hostile.html');
    const group = tab.getByRole('radiogroup');
    await group.waitFor();
    const box = await group.boundingBox();
    assert.ok(box && box.width > 200 && box.height > 30, 'prompt has a real size: ' + JSON.stringify(box));
    await answer(tab, 2, 'hostile ok');
    await answered((b) => b.comment === 'hostile ok');
    await tab.close();
  });

  test('axe wcag22aa: zero violations in question, follow-up, thanks and dark', async () => {
    for (const scheme of ['light', 'dark']) {
      const tab = await (await freshContext()).newPage();
      await tab.emulateMedia({ colorScheme: scheme });
      await tab.goto(server.origin + '/npm.html');
      await tab.waitForFunction(() => window.hb);
      await tab.addScriptTag({ content: axeSource });
      await tab.evaluate(() => window.hb.show('nps'));
      const audit = () => tab.evaluate(async () => {
        // Audit the settled prompt, not a frame of its fade-in.
        const root = document.querySelector('hearback-prompt')?.shadowRoot;
        await Promise.all((root?.getAnimations() ?? []).map((animation) => animation.finished));
        const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ") + " " + n.failureSummary).join(", ")}`);
      });
      await tab.getByRole('radiogroup').waitFor();
      assert.deepEqual(await audit(), [], `${scheme} question`);
      await tab.getByRole('radio', { name: /^8\b/ }).check();
      await tab.getByRole('button', { name: 'Send' }).first().click();
      await tab.getByRole('textbox').waitFor();
      assert.deepEqual(await audit(), [], `${scheme} follow-up`);
      await tab.getByRole('button', { name: 'Send' }).first().click();
      await tab.getByRole('status').filter({ hasText: /\S/ }).waitFor();
      assert.deepEqual(await audit(), [], `${scheme} thanks`);
      await tab.close();
    }
  });

  test('pinned CDN file with SRI loads; a tampered hash is blocked', async () => {
    const tab = await (await freshContext()).newPage();
    await tab.goto(server.origin + '/sri.html');
    await tab.getByRole('radiogroup').waitFor();
    assert.equal(await tab.evaluate(() => typeof window.hearback), 'function');
    const tampered = await context.newPage();
    await tampered.goto(server.origin + '/sri-tampered.html');
    await tampered.waitForTimeout(500);
    assert.equal(await tampered.evaluate(() => typeof window.hearback), 'undefined');
    await tab.close();
    await tampered.close();
  });
});
