// The script tag as a loader (dist/hearback.min.js) and the chunks it fetches, in real Chromium:
// what a page loads when no prompt can show, the prompt fetched in idle time when one could, a
// tampered or unreachable chunk (nothing runs, nothing throws, the prompt stays due and shows once
// the chunk can load), a language chunk fetched only when chosen, and a nonce-only CSP. Run
// `npm run build` first.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, afterEach, before, describe, test } from 'node:test';
import { launch, readBody, serve } from './harness.mjs';

const sri = JSON.parse(readFileSync(new URL('../../dist/sri.json', import.meta.url), 'utf8'));
const fileOf = (prefix) => Object.keys(sri).find((name) => name.startsWith(prefix));
const promptFile = fileOf('hearback-prompt.');
const engineFile = fileOf('hearback-engine.');
const jaFile = fileOf('hearback-lang-ja.');
const thFile = fileOf('hearback-lang-th.');
const enFile = fileOf('hearback-lang-en.');
const promptBytes = readFileSync(new URL(`../../dist/${promptFile}`, import.meta.url), 'utf8');

let server;
let received = [];
/** When set, the prompt chunk is served with one byte changed (and a line that would mark the page if it ran). */
let tamperPrompt = false;
const contexts = [];

const stubPage = (options, { csp, nonce, lang = 'en', before = '' } = {}) => (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(csp ? { 'content-security-policy': csp } : {}) });
  const n = nonce ? ` nonce="${nonce}"` : '';
  res.end(`<!doctype html><html lang="${lang}"><title>t</title><script${n}>${before}
window.hearback=window.hearback||function(){(hearback.q=hearback.q||[]).push(arguments)};
hearback('init',${JSON.stringify(options).replaceAll('ORIGIN', server.origin)});</script>
<script async${n} src="/dist/hearback.min.js"></script><h1>Shop</h1>`);
};
/** A file of dist/ served under another path (open CORS, as /dist/ is). */
const staticFile = (name) => (_req, res) =>
  res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'access-control-allow-origin': '*' }).end(readFileSync(new URL(`../../dist/${name}`, import.meta.url)));
const surveys = (trigger) => [{ id: 'after-checkout', type: 'csat', trigger }];

before(async () => {
  server = await serve({
    routes: {
      '/favicon.ico': (_req, res) => res.writeHead(204).end(),
      '/collect': async (req, res) => {
        if (req.method === 'POST') received.push(JSON.parse(await readBody(req)));
        res.writeHead(201, { 'access-control-allow-origin': '*' }).end();
      },
      [`/dist/${promptFile}`]: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
        res.end(tamperPrompt ? 'window.__tamperedRan=1;' + promptBytes : promptBytes);
      },
      '/elsewhere.html': stubPage({ endpoint: 'ORIGIN/collect', surveys: surveys({ event: 'checkout', url: '/checkout/done' }) }),
      '/could-show.html': stubPage({ endpoint: 'ORIGIN/collect', surveys: surveys({ event: 'checkout' }) }),
      '/japanese.html': stubPage({ endpoint: 'ORIGIN/collect', locale: 'ja', surveys: surveys({ event: 'checkout' }) }),
      '/thai.html': stubPage({ endpoint: 'ORIGIN/collect', locale: 'th', surveys: surveys({ event: 'checkout' }) }),
      // The loader copied under a name of the site's own, its chunks beside it: found by the file
      // its stack names, when hearback starts.
      '/static/feedback.js': staticFile('hearback.min.js'),
      ...Object.fromEntries(Object.keys(sri).filter((name) => !name.startsWith('hearback.') && !/^hearback-\d/.test(name)).map((name) => [`/static/${name}`, staticFile(name)])),
      '/renamed.html': (_req, res) =>
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="en"><title>t</title>
<script async src="/static/feedback.js" data-endpoint="${server.origin}/collect" data-survey="nps" data-delay="0"></script><h1>Shop</h1>`),
      '/removed-tag.html': (_req, res) =>
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="en"><title>t</title><script>
window.hearback=window.hearback||function(){(hearback.q=hearback.q||[]).push(arguments)};
hearback('init',${JSON.stringify({ endpoint: `${server.origin}/collect`, surveys: surveys({ event: 'checkout' }) })});</script>
<script async src="/dist/hearback.min.js" onload="this.remove()"></script><h1>Shop</h1>`),
      '/init-later.html': (_req, res) =>
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="en"><title>t</title>
<script src="/dist/hearback.min.js"></script><h1>Shop</h1><script>
addEventListener('load', () => { hearback('init', ${JSON.stringify({ endpoint: `${server.origin}/collect`, surveys: surveys({ event: 'checkout' }) })}); hearback('track', 'checkout'); });</script>`),
      '/no-stacks.html': stubPage({ endpoint: 'ORIGIN/collect', surveys: surveys({ event: 'checkout' }) }, { before: 'Error.stackTraceLimit=0;' }),
      '/nonce.html': stubPage({ endpoint: 'ORIGIN/collect', surveys: surveys({ event: 'checkout' }) }, { nonce: 'r4nd0m', csp: "default-src 'self'; script-src 'nonce-r4nd0m'; style-src 'self'; connect-src 'self'" }),
    },
  });
});
afterEach(async () => {
  tamperPrompt = false;
  received = [];
  while (contexts.length) await contexts.pop().close();
});
after(async () => {
  await server?.close();
});

/** A fresh profile and tab that records the script files it requests, page errors and CSP violations. */
async function openTab() {
  const context = await launch();
  contexts.push(context);
  const tab = await context.newPage();
  const scripts = [];
  const errors = [];
  tab.on('request', (request) => request.resourceType() === 'script' && scripts.push(new URL(request.url()).pathname.replace('/dist/', '')));
  tab.on('pageerror', (error) => errors.push(String(error)));
  tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await tab.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
  });
  return { context, tab, scripts, errors };
}

/** Resolves once the engine has started (a `status` command waits for it). */
const engineStarted = (tab) => tab.evaluate(() => window.hearback('status'));
const promptShown = (tab) => tab.getByRole('radiogroup').waitFor({ timeout: 10_000 });
const promptCount = (tab) => tab.evaluate(() => document.querySelectorAll('hearback-prompt').length);

/** `scripts` began with `first`, in order, and then fetched `together` (the prompt and its texts, asked for at once: either may go first). */
function assertFetched(scripts, first, together) {
  assert.deepEqual(scripts.slice(0, first.length), first);
  assert.deepEqual(scripts.slice(first.length).sort(), [...together].sort());
}

describe('the loader and its chunks', () => {
  test('a page where no survey can show loads the loader and the engine, never the prompt; when one is due, the prompt and its texts come at once', async () => {
    const { tab, scripts, errors } = await openTab();
    await tab.goto(server.origin + '/elsewhere.html');
    await engineStarted(tab);
    await tab.waitForTimeout(1500); // idle time passes: nothing more is fetched
    assert.deepEqual(scripts, ['hearback.min.js', engineFile]);
    assert.equal(await tab.evaluate(() => window.hearback('show', 'after-checkout')), true);
    await promptShown(tab);
    assertFetched(scripts, ['hearback.min.js', engineFile], [promptFile, enFile]);
    assert.deepEqual(errors, []);
  });

  test('a page where a survey could show fetches the prompt and its texts in idle time, before it is due', async () => {
    const { tab, scripts } = await openTab();
    await tab.goto(server.origin + '/could-show.html');
    await engineStarted(tab);
    const deadline = Date.now() + 8000;
    while (!(scripts.includes(promptFile) && scripts.includes(enFile)) && Date.now() < deadline) await tab.waitForTimeout(100);
    assertFetched(scripts, ['hearback.min.js', engineFile], [promptFile, enFile]);
    assert.equal(await promptCount(tab), 0, 'fetched ahead, not shown');
    await tab.evaluate(() => window.hearback('track', 'checkout'));
    await promptShown(tab);
  });

  test('a tampered prompt chunk never runs and nothing throws; the prompt stays due and shows once the real chunk loads', async () => {
    const { tab, errors } = await openTab();
    tamperPrompt = true;
    await tab.goto(server.origin + '/could-show.html');
    await engineStarted(tab);
    await tab.evaluate(() => window.hearback('track', 'checkout'));
    await tab.waitForTimeout(1500);
    assert.equal(await tab.evaluate(() => window.__tamperedRan), undefined, 'the tampered bytes did not run');
    assert.equal(await promptCount(tab), 0);
    // Chromium reports the blocked file on the console itself; nothing of ours throws or logs an error.
    assert.deepEqual(errors.filter((error) => !/integrity/i.test(error)), []);
    tamperPrompt = false;
    await tab.evaluate(() => window.hearback('track', 'checkout')); // the next trigger fetches the chunk again
    await promptShown(tab);
    await tab.getByRole('radio', { name: /^4\b/ }).check();
    await tab.getByRole('button', { name: 'Send' }).click();
    await tab.getByRole('textbox').fill('pinned');
    await tab.getByRole('button', { name: 'Send' }).click();
    const deadline = Date.now() + 10_000;
    while (!received.some((body) => body.score === 4) && Date.now() < deadline) await tab.waitForTimeout(100);
    assert.ok(received.some((body) => body.survey === 'after-checkout' && body.score === 4 && body.comment === 'pinned'), 'the answer arrived');
  });

  test('offline when the prompt is due: nothing throws, it stays due and shows when the browser is back online', async () => {
    const { context, tab, scripts, errors } = await openTab();
    await context.route(`**/${promptFile}`, (route) => route.abort('internetdisconnected'));
    await tab.goto(server.origin + '/could-show.html');
    await engineStarted(tab);
    await context.setOffline(true);
    await tab.evaluate(() => window.hearback('track', 'checkout'));
    await tab.waitForTimeout(1000);
    assert.equal(await promptCount(tab), 0);
    await context.unroute(`**/${promptFile}`);
    await context.setOffline(false); // the page gets `online`
    await promptShown(tab);
    assert.ok(scripts.filter((name) => name === promptFile).length >= 2, 'fetched again');
    assert.deepEqual(errors.filter((error) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(error)), []);
  });

  test('every language is a chunk of its own, fetched only when a prompt is in it', async () => {
    const { tab, scripts } = await openTab();
    await tab.goto(server.origin + '/japanese.html');
    await engineStarted(tab);
    await tab.evaluate(() => window.hearback('track', 'checkout'));
    await promptShown(tab);
    assert.match(await tab.getByRole('radiogroup').innerText(), /受け取ったものに対する全体的な満足度/);
    assert.ok(scripts.includes(jaFile));
    assert.deepEqual(scripts.filter((name) => name.startsWith('hearback-lang-')), [jaFile]);
    const thai = await openTab();
    await thai.tab.goto(server.origin + '/thai.html');
    await engineStarted(thai.tab);
    await thai.tab.evaluate(() => window.hearback('track', 'checkout'));
    await promptShown(thai.tab);
    assert.match(await thai.tab.getByRole('radiogroup').innerText(), /คุณจะให้คะแนนความพึงพอใจโดยรวมกับสิ่งที่คุณได้รับอย่างไร/);
    assert.deepEqual(thai.scripts.filter((name) => name.startsWith('hearback-lang-')), [thFile]);
    const english = await openTab();
    await english.tab.goto(server.origin + '/could-show.html');
    await engineStarted(english.tab);
    await english.tab.evaluate(() => window.hearback('show', 'after-checkout'));
    await promptShown(english.tab);
    assert.deepEqual(english.scripts.filter((name) => name.startsWith('hearback-lang-')), [enFile]);
  });

  test('a loader copied under a name of the site\'s own finds its tag\'s options and its chunks beside it', async () => {
    const { tab, scripts, errors } = await openTab();
    await tab.goto(server.origin + '/renamed.html');
    await promptShown(tab);
    assertFetched(scripts, ['/static/feedback.js', `/static/${engineFile}`], [`/static/${promptFile}`, `/static/${enFile}`]);
    assert.deepEqual(errors, []);
  });

  test('a page that turns stack traces off (Error.stackTraceLimit = 0): the loader finds its tag by its name', async () => {
    const { tab, scripts, errors } = await openTab();
    await tab.goto(server.origin + '/no-stacks.html');
    await engineStarted(tab);
    await tab.evaluate(() => window.hearback('track', 'checkout'));
    await promptShown(tab);
    assert.deepEqual(scripts.slice(0, 2), ['hearback.min.js', engineFile]);
    assert.deepEqual(errors, []);
  });

  test('a tag the page removes before hearback starts: the chunks still load from its URL, and the console says its options were not read', async () => {
    const { tab } = await openTab();
    const warnings = [];
    tab.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await tab.goto(server.origin + '/removed-tag.html');
    await engineStarted(tab);
    await tab.evaluate(() => window.hearback('track', 'checkout'));
    await promptShown(tab);
    assert.ok(warnings.some((text) => /hearback: its <script> was gone when it started: no data-\* options or nonce were read/.test(text)), warnings.join('\n'));
  });

  test('a plain tag, and init and a track from the page\'s own code after load: the prompt shows', async () => {
    const { tab, scripts, errors } = await openTab();
    await tab.goto(server.origin + '/init-later.html');
    await promptShown(tab);
    assertFetched(scripts, ['hearback.min.js', engineFile], [promptFile, enFile]);
    assert.deepEqual(errors, []);
  });

  test('a CSP that allows only nonced scripts: the chunks run with the loader\'s nonce, zero violations', async () => {
    const { tab, errors } = await openTab();
    await tab.goto(server.origin + '/nonce.html');
    await engineStarted(tab);
    await tab.evaluate(() => window.hearback('track', 'checkout'));
    await promptShown(tab);
    assert.deepEqual(await tab.evaluate(() => window.__violations), []);
    assert.deepEqual(errors, []);
  });
});
