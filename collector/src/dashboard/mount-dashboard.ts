import { html } from 'hono/html';
import type { App, FeatureDeps } from '../app-env';
import { requireUser } from '../auth/require-user';

/**
 * `GET /dashboard` (signed in): NPS, CSAT and CES cards, score distributions, the weekly trend,
 * latest comments and people to call back, drawn by `client/dashboard.js` from `/api/summary`.
 * `/dashboard.html` (the demo's old address) redirects here.
 */
export function mountDashboard(app: App, { nav, page }: FeatureDeps) {
  nav.add({ href: '/dashboard', label: { en: 'Dashboard', th: 'แดชบอร์ด' }, order: 20 });
  app.get('/dashboard.html', (c) => c.redirect('/dashboard', 301));
  app.get('/dashboard', requireUser({ page: true }), (c) =>
    page(c, { title: c.var.lang === 'th' ? 'แดชบอร์ด' : 'Dashboard', scripts: ['dashboard'], styles: ['dashboard'], main: html`
<section class="dash-top">
  <div class="dash-bar">
    <div class="title"><span class="logo-dot" aria-hidden="true"></span><h1>Customer feedback</h1></div>
    <form class="filters" id="filters" aria-label="Filters">
      <div><label for="survey">Survey</label><select id="survey" name="survey"><option value="">All surveys</option></select></div>
      <div><label for="from">From</label><input id="from" name="from" type="date"></div>
      <div><label for="to">To</label><input id="to" name="to" type="date"></div>
      <div class="exports"><a class="button secondary" id="export-csv" href="/api/responses.csv" download>CSV</a><a class="button secondary" id="export-json" href="/api/responses.json">JSON</a></div>
    </form>
  </div>
</section>
<div class="dash">
  <p class="status muted" id="status" role="status">Loading…</p>
  <section class="cards" aria-label="Scores">
    <article class="card metric" id="card-nps">
      <h2>NPS <span class="muted">Net Promoter Score</span></h2>
      <p class="big" data-value>–</p>
      <p class="muted" data-count></p>
      <div class="bandbar" data-bands aria-hidden="true"><span class="bad"></span><span class="ok"></span><span class="good"></span></div>
      <p class="legend" data-legend></p>
    </article>
    <article class="card metric" id="card-csat">
      <h2>CSAT <span class="muted">satisfied (4–5 of 5)</span></h2>
      <p class="big" data-value>–</p>
      <p class="muted" data-count></p>
      <div class="bandbar" data-bands aria-hidden="true"><span class="bad"></span><span class="ok"></span><span class="good"></span></div>
      <p class="legend" data-legend></p>
    </article>
    <article class="card metric" id="card-ces">
      <h2>CES <span class="muted">effort, mean of 1–7</span></h2>
      <p class="big" data-value>–</p>
      <p class="muted" data-count></p>
      <div class="bandbar" data-bands aria-hidden="true"><span class="bad"></span><span class="ok"></span><span class="good"></span></div>
      <p class="legend" data-legend></p>
    </article>
  </section>
  <section class="charts">
    <article class="card wide"><h2>Trend by week</h2><div class="chart tall"><canvas id="trend" aria-label="NPS, CSAT% and CES by week" role="img"></canvas></div></article>
    <article class="card"><h2>NPS scores</h2><div class="chart"><canvas id="dist-nps" role="img" aria-label="How many answers gave each NPS score"></canvas></div></article>
    <article class="card"><h2>CSAT scores</h2><div class="chart"><canvas id="dist-csat" role="img" aria-label="How many answers gave each CSAT score"></canvas></div></article>
    <article class="card"><h2>CES scores</h2><div class="chart"><canvas id="dist-ces" role="img" aria-label="How many answers gave each CES score"></canvas></div></article>
  </section>
  <section class="lists">
    <article class="card"><h2>Latest comments</h2><ul class="comments" id="comments"></ul></article>
    <article class="card"><h2>Call back <span class="muted">unhappy, agreed to be contacted</span></h2><ul class="comments" id="callbacks"></ul></article>
  </section>
</div>
` }));
}
