// Lists the collector's test files that can open a database, one per line: the ones the
// PostgreSQL step (vitest.postgres.config.ts, under collector/scripts/with-postgres.sh) runs again
// with DATABASE_URL. The rest (pure logic, HTML rendering, config parsing…) behave the same on
// either database, so one run on PGlite is enough.
// A test file counts as opening a database when it, or any module it reaches through relative
// imports (type-only imports aside), is an adapter that can reach PostgreSQL
// (collector/src/db/postgres-database.ts, open-database.ts) or starts a process (which may read DATABASE_URL), or when a test-side file
// (outside collector/src, whose only DATABASE_URL is config parsing) names DATABASE_URL. The rule
// is deliberately wide: a file it wrongly includes only costs a second run, and `onceOnPglite`
// below names the few whose second run adds nothing (three of them drive a Chromium each).
// Usage: node collector/scripts/database-tests.mjs [--excluded]   (--excluded: the others)
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// A file reaching only pglite-database.ts (dashboard.test.ts, rollups.test.ts: always PGlite;
// their *.postgres.test.ts twins run on PostgreSQL) would only repeat its PGlite run.
const adapters = ['postgres-database.ts', 'open-database.ts'].map((f) => join(root, 'collector/src/db', f));
const src = join(root, 'collector/src');
const spawns = /['"](?:node:)?child_process['"]/;
// `import … from '…'`, `export … from '…'`, `import('…')`, `import '…'`; not `import type`/`export type`.
const specifiers = /(?:^|[;\s])(?:import|export)\s+(?!type\s)(?:[\w*{}\s,$]+?\s+from\s+)?['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function resolveImport(from, specifier) {
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.(m?js)$/, '');
  for (const candidate of [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mjs`, `${stem}.js`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

const verdicts = new Map();
/** Whether `file` or anything it imports opens a database (cycles count as no until proven). */
function opensDatabase(file) {
  if (verdicts.has(file)) return verdicts.get(file);
  verdicts.set(file, false);
  const source = readFileSync(file, 'utf8');
  let verdict = adapters.includes(file) || spawns.test(source) || (!file.startsWith(src) && source.includes('DATABASE_URL'));
  for (const [, a, b] of source.matchAll(specifiers)) {
    if (verdict) break;
    const target = resolveImport(file, a ?? b);
    if (target) verdict = opensDatabase(target);
  }
  verdicts.set(file, verdict);
  return verdict;
}

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(path);
    return entry.name.endsWith('.test.ts') && !entry.name.endsWith('.postgres.test.ts') ? [path] : [];
  });
}

/**
 * Files the rule picks that gain nothing from a second run, each with the reason: what they check
 * does not depend on the database, and the store paths they pass through run on PostgreSQL in the
 * files named.
 */
export const onceOnPglite = {
  // Chromium, axe and pdftotext: the page answered offline, its accessibility, the printed poster.
  // Answers with a link's context and single-use links: links-routes, signed-links, single-use-variants.
  'collector/test/links/survey-link-browser.test.ts': 'the survey page in Chromium',
  // Chromium and axe on the alerts settings page; its store: alerts-api, alerts-app.
  'collector/test/alerts/alerts-browser.test.ts': 'the alerts page in Chromium',
  // Chromium, a shop on another origin and the app behind a cuttable proxy: the widget's copy, the
  // clock, the console line. Its stores run on PostgreSQL in surveys (publish, published read,
  // refused read listed), site-settings (allow) and responses (stored once).
  'collector/test/self-service/self-service-browser.test.ts': 'the snippet-only shop page and the owner in Chromium',
  // Parses DATABASE_URL as a string; opens no database.
  'collector/test/config.test.ts': 'configuration parsing',
  // The owner pages in Chromium and axe; their stores run on PostgreSQL in the files named.
  'collector/test/inbox/inbox-browser.test.ts': 'the inbox in Chromium (store: inbox-actions)',
  'collector/test/line/line-browser.test.ts': 'the LINE page in Chromium (store: line-chat, line-push, line-webhook)',
  'collector/test/one-tap/one-tap-browser.test.ts': 'the one-tap page in Chromium (store: one-tap)',
  'collector/test/settings/site-settings-browser.test.ts': 'the settings and response-rate pages in Chromium (store: site-settings, response-rates)',
  'collector/test/surveys/survey-editor-browser.test.ts': 'the survey editor in Chromium (store: surveys)',
  // Checks made before any query, the same whichever database is behind them.
  'collector/test/hardening/redirects.test.ts': 'where sign-in and the language switch send people back (URL resolution)',
  'collector/test/hardening/forged-host.test.ts': 'the Host header kept out of links, and the refusal to start without a public address',
  'collector/test/alerts/destinations.test.ts': 'the address checks of alert destinations (DNS and IP ranges; its store: alerts-app)',
  'collector/test/shell.test.ts': 'security headers, the page shell and its assets (its sign-in: auth)',
  'collector/test/snippet/snippet-page.test.ts': 'the snippet builder page',
  'collector/test/script/script.test.ts': 'the script files the app serves, their cache headers and hashes',
  // Its command runs with DATABASE_URL cleared, on PGlite in either step.
  'collector/test/cli/bin.test.ts': 'the built command\'s --help and refusals (no database either way)',
};

/**
 * The collector's test files that can open a database, less `onceOnPglite` (with `excluded`, the
 * others), as paths from the repository root; vitest.postgres.config.ts runs these.
 */
export function databaseTestFiles({ excluded = false } = {}) {
  return testFiles(join(root, 'collector')).sort().map((file) => relative(root, file))
    .filter((file) => (opensDatabase(join(root, file)) && !(file in onceOnPglite)) !== excluded);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of databaseTestFiles({ excluded: process.argv.includes('--excluded') })) console.log(file);
}
