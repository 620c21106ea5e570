// npm run bench (dashboard part): loads a year of answers — five branches, three touchpoints —
// into PostgreSQL (1,000,000; a throw-away cluster through collector/scripts/with-postgres.sh unless
// DATABASE_URL is set) and into PGlite (100,000), then prints how long the dashboard's queries take
// against a 300 ms target: the summary, a context breakdown, a comment search and the inbox list.
// A benchmark that prints figures, not a test. Bounded: fixed row counts, 5 timed runs per query,
// and a 15-minute limit on the whole.
// Flags: --pglite-only, --postgres-only, --rows-postgres N, --rows-pglite N.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const { values: flags } = parseArgs({
  options: {
    'pglite-only': { type: 'boolean' }, 'postgres-only': { type: 'boolean' },
    'rows-postgres': { type: 'string', default: '1000000' }, 'rows-pglite': { type: 'string', default: '100000' },
  },
});
const root = fileURLToPath(new URL('..', import.meta.url));
const TARGET_MS = 300;
const RUNS = 5;
const deadline = setTimeout(() => {
  console.error('dashboard bench: stopped after 15 minutes');
  process.exit(1);
}, 15 * 60_000);
deadline.unref();

// PostgreSQL first, in a child process that with-postgres.sh gives a throw-away cluster.
if (!flags['pglite-only'] && !flags['postgres-only'] && !process.env.DATABASE_URL) {
  const postgres = ['15', '16', '17'].some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
  if (postgres) {
    spawnSync('sh', ['collector/scripts/with-postgres.sh', 'node', 'bench/dashboard.bench.mjs', '--postgres-only', '--rows-postgres', flags['rows-postgres']], { cwd: root, stdio: 'inherit' });
  } else {
    console.log('\n(no PostgreSQL server binaries under /usr/lib/postgresql: the PostgreSQL part is skipped)');
  }
}

// The collector's own modules, bundled from source, so the bench measures the SQL the app runs.
const cache = `${root}node_modules/.cache/hearback-dashboard-bench`;
mkdirSync(cache, { recursive: true });
await build({
  stdin: {
    contents: `
      export { createDashboardQueries } from './collector/src/dashboard/dashboard-queries.ts';
      export { loadDashboardSummary } from './collector/src/dashboard/dashboard-summary.ts';
      export { createRollupBuilder } from './collector/src/dashboard/rollups/build-rollups.ts';
      export { createCommentsQuery } from './collector/src/dashboard/comments-query.ts';
      export { createCaseStore } from './collector/src/inbox/case-store.ts';
      export { parseFilters } from './collector/src/dashboard/filters.ts';
      export { createPgliteDatabase } from './collector/src/db/pglite-database.ts';
      export { createPostgresDatabase } from './collector/src/db/postgres-database.ts';
      export { migrate, listMigrations } from './collector/src/db/migrate.ts';
      export { surveyKinds } from './src/surveys/kinds.ts';`,
    resolveDir: root, loader: 'ts',
  },
  bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: `${cache}/collector.mjs`, logLevel: 'error',
});
const collector = await import(`${cache}/collector.mjs`);

const timeZone = 'Asia/Bangkok';

/** One year of answers, generated in the database (no round trips): see the column comments. */
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
  INSERT INTO cases (response_id, state, opened_at, due_at, contacted_at, contacted_by, resolved_at, resolved_by)
  SELECT id, state, answered_at, answered_at + interval '48 hours',
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
  await work(); // warm the cache and the plan
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

async function measure(name, db, rows) {
  await collector.migrate(db, collector.listMigrations(`${root}collector/migrations`));
  const loaded = await load(db, rows);
  // The daily rollups, as the running collector builds them (on start, then each new day): every
  // past day of the shop's calendar; today's answers are read as they are.
  const rollupStarted = performance.now();
  const builder = collector.createRollupBuilder({ db, timeZone, maxDays: 1000 });
  const { built } = await builder.run();
  const rollupSeconds = (performance.now() - rollupStarted) / 1000;
  const { rows: [rollup] } = await db.query('SELECT count(*)::int AS rows FROM rollup_scores');
  console.log(`\n## Dashboard queries on ${name}: ${loaded.answers.toLocaleString('en')} answers, ${loaded.cases.toLocaleString('en')} cases (loaded in ${loaded.seconds.toFixed(1)} s)\n`);
  console.log(`Daily rollups: ${built.length} past days rolled up in ${rollupSeconds.toFixed(1)} s (${rollup.rows.toLocaleString('en')} rows; the running collector does this once, then one day each night). Today's answers are read from the answers table.\n`);
  const kinds = collector.surveyKinds;
  const queries = collector.createDashboardQueries({ db, timeZone, kinds });
  const comments = collector.createCommentsQuery({ db, timeZone, kinds });
  const cases = collector.createCaseStore({ db, timeZone, kinds });
  const filters = (query) => {
    const parsed = collector.parseFilters(new URLSearchParams(query), { timeZone });
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    return parsed.filters;
  };
  const last30 = filters('range=30d');
  const year = filters('range=all');
  const checks = [
    ['summary, last 30 days', () => queries.summary(last30)],
    ['summary, the whole year', () => queries.summary(year)],
    ['summary, last 30 days at one branch', () => queries.summary(filters('range=30d&context.branch=Phuket'))],
    ['context keys and top values, last 30 days', () => queries.contextKeys(last30)],
    ['breakdown by branch, last 30 days', () => queries.breakdown(last30, 'branch')],
    ['breakdown by branch, the whole year', () => queries.breakdown(year, 'branch')],
    ['weekly trend, the whole year', () => queries.trend(year, 'week')],
    ['comment search "late", last 30 days (first page + count)', () => comments(last30, { search: 'late' })],
    ['comment search "ไม่ได้", the whole year (first page + count)', () => comments(year, { search: 'ไม่ได้' })],
    ['inbox: open cases, first page', () => cases.list(last30, { state: 'open' })],
    ['inbox: all cases, first page, the whole year', () => cases.list(year)],
    ['inbox: close rate and median time to close, last 30 days', () => cases.figures(last30)],
    // The first request's other parts for the whole year, so the table adds up to it.
    ['context keys and top values, the whole year', () => queries.contextKeys(year)],
    ['reasons, the whole year', () => queries.reasons(year)],
    ['inbox: close rate and median time to close, the whole year', () => cases.figures(year)],
    ['the dashboard page\'s whole first request (/api/summary: every part above and the reasons), the whole year', () => collector.loadDashboardSummary(queries, cases.figures, year, { unit: 'week' })],
    ['comment themes, after first paint (/api/themes), the whole year', () => queries.themes(year)],
  ];
  console.log('| query | median of 5 | target |\n|---|---|---|');
  for (const [label, work] of checks) {
    const ms = await time(work);
    console.log(`| ${label} | ${ms.toFixed(1)} ms | ${ms <= TARGET_MS ? `under ${TARGET_MS} ms` : `**over ${TARGET_MS} ms**`} |`);
  }
}

if (flags['postgres-only'] || (!flags['pglite-only'] && process.env.DATABASE_URL)) {
  const db = await collector.createPostgresDatabase({ connectionString: process.env.DATABASE_URL });
  try {
    await measure('PostgreSQL', db, Number(flags['rows-postgres']));
  } finally {
    await db.close();
  }
}
if (!flags['postgres-only']) {
  const db = await collector.createPgliteDatabase();
  try {
    await measure('PGlite (in memory)', db, Number(flags['rows-pglite']));
  } finally {
    await db.close();
  }
}
