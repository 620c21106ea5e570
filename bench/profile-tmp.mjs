const root = new URL('..', import.meta.url).pathname;
const collector = await import(`${root}node_modules/.cache/hearback-dashboard-bench/collector.mjs`);
const timeZone = 'Asia/Bangkok';
const RUNS = 3;
function generateSql(from, to, total) {
  return `
  INSERT INTO responses (id, survey, type, score, scale_min, scale_max, comment, reasons, contact, locale, url,
                         answered_at, received_at, user_id, user_data, context, sdk, payload)
  SELECT 'bench-' || g,
    (ARRAY['after-checkout', 'after-delivery', 'after-support'])[touch + 1],
    (ARRAY['csat', 'nps', 'ces'])[touch + 1],
    -- skewed towards the top of each scale, as real answers are
    lo + LEAST(hi - lo, floor(power(r1, 0.55) * (hi - lo + 1))::int),
    lo, hi,
    CASE WHEN r2 < 0.3 THEN (ARRAY[
      'Delivery was late again', 'ส่งของช้ามาก รอนานเกินไป', 'Great coffee, fast delivery', 'กาแฟหอม ส่งเร็ว',
      'The bag was torn when it arrived', 'พนักงานพูดจาไม่สุภาพ', 'Easy checkout with PromptPay', 'จ่ายเงินไม่ได้',
      'Could not reach support by phone', 'ติดต่อไม่ได้ทางโทรศัพท์', 'Lovely staff at the branch', 'ราคาสูงไปนิด แต่คุณภาพดี',
      'Card payment failed twice', 'สินค้าไม่ตรงปก', 'Would like a decaf option', 'บริการดีมาก ประทับใจ'
    ])[1 + floor(r3 * 16)::int] || ' #' || (g % 9973) END,
    CASE WHEN r2 < 0.1 THEN '["Delivery"]'::jsonb WHEN r2 < 0.15 THEN '["Price", "Quality"]'::jsonb END,
    r3 < 0.2,
    CASE WHEN r4 < 0.55 THEN 'th' ELSE 'en' END,
    'https://shop.example/',
    ts, ts,
    'u-' || (g % 50000),
    jsonb_build_object('id', 'u-' || (g % 50000), 'name', 'Customer ' || (g % 50000)),
    jsonb_build_object('branch', (ARRAY['Siam', 'Chiang Mai', 'Phuket', 'Khon Kaen', 'Hat Yai'])[1 + (g / 3) % 5],
                       'touchpoint', (ARRAY['checkout', 'delivery', 'support'])[touch + 1], 'orderId', 'A' || g),
    'hearback/0.1.0', '{}'::jsonb
  FROM (
    SELECT g, g % 3 AS touch, random() AS r1, random() AS r2, random() AS r3, random() AS r4,
      -- in arrival order, as a live collector stores them (the table's rows follow time)
      now() - interval '365 days' + (g::float8 / ${total}) * interval '365 days' - random() * interval '10 minutes' AS ts,
      CASE g % 3 WHEN 0 THEN 1 WHEN 1 THEN 0 ELSE 1 END AS lo,
      CASE g % 3 WHEN 0 THEN 5 WHEN 1 THEN 10 ELSE 7 END AS hi
    FROM generate_series(${from}, ${to}) AS g
  ) AS generated`;
}

/** A case for each detractor; the older ones mostly contacted or resolved within days. */
function casesSql(kinds) {
  const passiveFrom = `CASE r.type ${Object.entries(kinds).map(([type, kind]) => `WHEN '${type}' THEN ${kind.passiveFrom}`).join(' ')} END`;
  return `
  INSERT INTO cases (response_id, state, opened_at, contacted_at, contacted_by, resolved_at, resolved_by)
  SELECT id, state, answered_at,
    CASE WHEN state <> 'open' THEN answered_at + interval '4 hours' END, CASE WHEN state <> 'open' THEN 'staff@shop.example' END,
    CASE WHEN state = 'resolved' THEN answered_at + random() * interval '5 days' END, CASE WHEN state = 'resolved' THEN 'owner@shop.example' END
  FROM (SELECT r.id, r.answered_at,
          CASE WHEN r.answered_at > now() - interval '7 days' THEN 'open' WHEN random() < 0.8 THEN 'resolved' ELSE 'contacted' END AS state
        FROM responses r WHERE r.score < ${passiveFrom}) AS detractors`;
}

async function load(db, rows) {
  const started = performance.now();
  const chunk = 100_000;
  for (let from = 1; from <= rows; from += chunk) await db.exec(generateSql(from, Math.min(rows, from + chunk - 1), rows));
  await db.exec(casesSql(collector.surveyKinds));
  // What autovacuum does on a live database: statistics, and the visibility map index-only scans need.
  await db.exec('VACUUM ANALYZE');
  const { rows: [counts] } = await db.query('SELECT (SELECT count(*) FROM responses)::int AS answers, (SELECT count(*) FROM cases)::int AS cases');
  return { ...counts, seconds: (performance.now() - started) / 1000 };
}

async function time(work) {
  await work(); const t = []; for (let i = 0; i < RUNS; i++) { const s = performance.now(); await work(); t.push(performance.now() - s); } return t.sort((a, b) => a - b)[1];
}
const db = await collector.createPostgresDatabase({ connectionString: process.env.DATABASE_URL });
await collector.migrate(db, collector.listMigrations(`${root}collector/migrations`));
await load(db, 1000000);
await collector.createRollupBuilder({ db, timeZone, maxDays: 1000 }).run();
const kinds = collector.surveyKinds;
const queries = collector.createDashboardQueries({ db, timeZone, kinds });
const cases = collector.createCaseStore({ db, timeZone, kinds });
for (const range of ['range=all', 'range=90d', 'range=30d']) {
  const f = collector.parseFilters(new URLSearchParams(range), { timeZone }).filters;
  for (const [n, w] of [['contextKeys', () => queries.contextKeys(f)], ['summary', () => queries.summary(f)], ['trend', () => queries.trend(f, 'week')], ['breakdown', () => queries.breakdown(f, 'branch')], ['reasons', () => queries.reasons(f)], ['themes', () => queries.themes(f)], ['surveys', () => queries.surveys()], ['figures', () => cases.figures(f)], ['page', () => collector.loadDashboardSummary(queries, cases.figures, f, { unit: 'week' })]])
    console.log(range, n, (await time(w)).toFixed(1));
}
await db.close();
