// The collector as a shop uses it, in Debian's Chromium against the built command
// (collector/dist/cli.js on a temp PGlite folder): the real widget posting from a shop page on
// another origin, through the rate limit; and an owner who copies the snippet from the builder,
// pastes it into a plain page on another allowed origin, answers, and finds the answer in the
// dashboard. Needs `npm run build`. Run: node --test test/browser/collector.test.mjs
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launch, serve } from './harness.mjs';
import { signIn, startCollector } from '../../collector/test/support/collector-process.mjs';

const owner = { email: 'owner@shop.example', password: 'chromium owner password' };
const prompt = (page) => page.locator('hearback-prompt');

/** A plain shop page whose <head> is whatever `head()` returns when the page is requested. */
async function shopServer(head) {
  return serve({
    routes: {
      '/landing.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        .end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plain shop</title><link rel="icon" href="data:,">\n${head()}\n</head><body><h1>Plain shop</h1><p>Thanks for your order.</p></body></html>`),
    },
  });
}

/** Answers the prompt on screen: a score, then Send (and Send again on a follow-up, with `comment`). */
async function answerPrompt(page, { score, comment }) {
  await prompt(page).getByRole('radio', { name: new RegExp(`^${score}\\b`) }).check({ timeout: 15_000 });
  await prompt(page).getByRole('button', { name: /^send$/i }).click();
  if (comment !== undefined) {
    const box = prompt(page).getByRole('textbox').first();
    await box.waitFor({ timeout: 10_000 });
    await box.fill(comment);
    await prompt(page).getByRole('button', { name: /^send$/i }).click();
  }
  await prompt(page).getByRole('status').waitFor({ timeout: 10_000 });
}

describe('the real widget through the rate limit', () => {
  let shop, collector, context, cookie;
  let head = () => '';

  before(async () => {
    shop = await shopServer(() => head());
    collector = await startCollector({
      env: { HEARBACK_ALLOWED_ORIGINS: shop.origin, HEARBACK_RATE_LIMIT: '2', HEARBACK_RATE_WINDOW: '3', HEARBACK_ADMIN_EMAIL: owner.email, HEARBACK_ADMIN_PASSWORD: owner.password },
    });
    cookie = await signIn(collector.origin, owner);
    context = await launch();
  });
  after(async () => {
    await context?.close();
    await collector?.stop();
    await shop?.close();
  });

  it('gets 429s in a burst, waits Retry-After, and every answer arrives once', { timeout: 120_000 }, async () => {
    const answers = 6;
    head = () => `<script>window.hearback=window.hearback||function(){(hearback.q=hearback.q||[]).push(arguments)};
hearback('init',{endpoint:'${collector.origin}/api/responses',surveys:[{id:'burst',type:'csat',followUp:false}]});</script>
<script async src="${collector.origin}/hearback.min.js"></script>`;
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const events = [];
    const started = Date.now();
    const isPost = (request) => request.url() === `${collector.origin}/api/responses` && request.method() === 'POST';
    const idOf = (request) => JSON.parse(request.postData()).id;
    page.on('request', (request) => {
      if (isPost(request)) events.push({ kind: 'sent', id: idOf(request), at: Date.now() - started });
    });
    page.on('response', (response) => {
      if (isPost(response.request())) {
        events.push({ kind: 'answered', id: idOf(response.request()), status: response.status(), retryAfter: Number(response.headers()['retry-after']), at: Date.now() - started });
      }
    });
    await page.goto(`${shop.origin}/landing.html`);
    for (let i = 0; i < answers; i++) {
      await page.evaluate(() => window.hearback('show', 'burst'));
      await answerPrompt(page, { score: 1 + (i % 5) });
    }
    const stored = async () => {
      const response = await fetch(`${collector.origin}/api/responses.json?survey=burst`, { headers: { cookie } });
      assert.equal(response.status, 200);
      return (await response.json()).responses;
    };
    const deadline = Date.now() + 60_000;
    let rows = await stored();
    while (rows.length < answers && Date.now() < deadline) {
      await page.waitForTimeout(500);
      rows = await stored();
    }
    await page.waitForTimeout(500); // let the last responses reach the event list
    const answered = events.filter((e) => e.kind === 'answered');
    const limited = answered.filter((e) => e.status === 429);
    assert.ok(limited.length >= 1, `expected a 429 in the burst, got ${JSON.stringify(answered.map((e) => e.status))}`);
    assert.equal(answered.filter((e) => e.status === 201).length, answers, JSON.stringify(answered));
    assert.deepEqual(answered.filter((e) => ![201, 429].includes(e.status)), []);
    // The widget read Retry-After (a cross-origin response header it may read only when the
    // collector exposes it) and sent that answer again only after it had passed.
    for (const refusal of limited) {
      assert.ok(refusal.retryAfter >= 1, 'a 429 carries Retry-After');
      const again = events.find((e) => e.kind === 'sent' && e.id === refusal.id && e.at > refusal.at);
      assert.ok(again, `answer ${refusal.id} was sent again after its 429`);
      assert.ok(again.at >= refusal.at + refusal.retryAfter * 1000 - 300, `answer ${refusal.id} sent again ${again.at - refusal.at} ms after a 429 with Retry-After ${refusal.retryAfter}`);
    }
    assert.equal(rows.length, answers, 'every answer stored');
    assert.equal(new Set(rows.map((row) => row.id)).size, answers, 'each once');
    assert.deepEqual(errors, []);
  });
});

describe('from the snippet builder to the dashboard', () => {
  let collector, context, elsewhere;
  let pasted = '';

  before(async () => {
    elsewhere = await shopServer(() => pasted);
    collector = await startCollector({
      env: { HEARBACK_ALLOWED_ORIGINS: `https://shop.example,${elsewhere.origin}`, HEARBACK_ADMIN_EMAIL: owner.email, HEARBACK_ADMIN_PASSWORD: owner.password },
    });
    context = await launch({ permissions: ['clipboard-read', 'clipboard-write'] });
  });
  after(async () => {
    await context?.close();
    await collector?.stop();
    await elsewhere?.close();
  });

  it('an owner signs in, copies the snippet, pastes it on another allowed origin, and sees the answer', { timeout: 120_000 }, async () => {
    const app = await context.newPage();
    const errors = [];
    app.on('pageerror', (error) => errors.push(`app: ${error.message}`));
    app.on('console', (message) => message.type() === 'error' && errors.push(`app console: ${message.text()}`));
    await app.goto(`${collector.origin}/app/snippet`);
    await app.waitForURL(/\/signin\?next=/);
    await app.getByLabel('Email').fill(owner.email);
    await app.getByLabel('Password').fill(owner.password);
    await app.getByRole('button', { name: 'Sign in' }).click();
    await app.waitForURL(`${collector.origin}/app/snippet`);
    await app.getByRole('link', { name: 'Snippet' }).waitFor();

    await app.getByLabel("Your site's address").fill('https://elsewhere.example');
    assert.match(await app.locator('#site-note').textContent(), /^Answers from https:\/\/elsewhere\.example would be refused \(403\): it is not on HEARBACK_ALLOWED_ORIGINS/);
    await app.getByLabel("Your site's address").fill(elsewhere.origin);
    assert.equal(await app.locator('#site-note').textContent(), `${elsewhere.origin} may post answers here.`);
    await app.getByRole('button', { name: 'Copy snippet' }).click();
    await app.getByText('Copied — paste it before </head>.').waitFor();
    pasted = await app.evaluate(() => navigator.clipboard.readText());
    assert.equal(pasted, await app.locator('#snippet').textContent());
    // One tag, pinned, every address this collector's: the surveys come from the app.
    assert.match(pasted, new RegExp(`^<script async src="${collector.origin}/hearback-\\d+\\.\\d+\\.\\d+\\.min\\.js"\\s+integrity="sha384-[\\w+/=]+" crossorigin="anonymous"\\s+data-endpoint="${collector.origin}/api/responses"\\s+data-surveys-url="${collector.origin}/api/surveys.json"\\s+data-shown-url="${collector.origin}/api/shown"></script>$`));

    const shopPage = await context.newPage();
    shopPage.on('pageerror', (error) => errors.push(`shop: ${error.message}`));
    shopPage.on('console', (message) => message.type() === 'error' && errors.push(`shop console: ${message.text()}`));
    const delivered = shopPage.waitForResponse((r) => r.url() === `${collector.origin}/api/responses` && r.request().method() === 'POST', { timeout: 30_000 });
    await shopPage.goto(`${elsewhere.origin}/landing.html`);
    // The built-in CSAT, asked by a button's show(): which surveys the app publishes is the editor's to test.
    await shopPage.evaluate(() => window.hearback('show', 'csat'));
    await answerPrompt(shopPage, { score: 2, comment: 'ส่งช้า แต่ของดี — slow but good' });
    assert.equal((await delivered).status(), 201);

    await app.goto(`${collector.origin}/dashboard`);
    await app.waitForSelector('#app[data-ready="true"]', { timeout: 15_000 });
    assert.match(await app.getByTestId('csat-count').textContent(), /^1 answer\b/);
    await app.goto(`${collector.origin}/comments`);
    await app.waitForSelector('#app[data-ready="true"]', { timeout: 15_000 });
    await app.getByText('ส่งช้า แต่ของดี — slow but good').waitFor();
    // Until the app serves its published surveys (GET /api/surveys.json), the browser reports the
    // widget's read of them as a CORS failure; the widget itself says nothing and keeps working.
    const published = (await fetch(`${collector.origin}/api/surveys.json`)).status !== 404;
    const unpublished = (line) => /api\/surveys\.json.*CORS policy|^shop console: Failed to load resource: net::ERR_FAILED$/.test(line);
    assert.deepEqual(published ? errors : errors.filter((line) => !unpublished(line)), []);
  });
});
