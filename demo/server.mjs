// The demo: the collector (the owner's app) with the demo shop and kiosk served alongside, on one
// port. `npm start`, or `node demo/server.mjs`. Builds the SDK and the collector first, each only
// when a source is newer than its build (demo/scripts/build-if-stale.mjs). Settings as for
// hearback-collector (PORT, HOST, DATABASE_URL, HEARBACK_DATA_DIR, …), with demo defaults: a demo
// owner (printed below), the shop's time zone Asia/Bangkok (the demo's answers are a Bangkok
// shop's), the demo's own origin on the allow list, and a rate limit loose enough for the seeding.
// `--demo-data`: a first start, on an empty database, gets a month of answers (one line says so;
// the requests it makes are not logged). The banner with the owner's password is printed last.
import { buildDemoIfStale } from './scripts/build-if-stale.mjs';
import { DEMO_OWNER } from './demo-owner.mjs';
import { mountDemoSite } from './site.mjs';

const built = await buildDemoIfStale();
const { createLog, loadConfig, startServer, stopOnSignals } = await import('../collector/dist/server.js');

const port = process.env.PORT ?? '8787';
const env = {
  HEARBACK_ADMIN_EMAIL: DEMO_OWNER.email,
  HEARBACK_ADMIN_PASSWORD: DEMO_OWNER.password,
  HEARBACK_ALLOWED_ORIGINS: port === '0' ? '' : `http://127.0.0.1:${port},http://localhost:${port}`,
  HEARBACK_RATE_LIMIT: '1000',
  HEARBACK_TIMEZONE: 'Asia/Bangkok',
  ...process.env,
};

let config;
try {
  config = loadConfig(env, process.argv.slice(2).filter((arg) => arg !== '--demo-data'));
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

// The request log, held back while the demo seeds itself (600 lines would scroll the banner away).
const requests = createLog();
let seeding = false;
const log = { info: (fields) => seeding || requests.info(fields), error: requests.error };

try {
  const running = await startServer({ config, log, site: mountDemoSite });
  const { origin } = running;
  console.log(`  build:     ${built}`);
  if (process.argv.includes('--demo-data') && (await running.db.query('SELECT count(*)::int AS n FROM responses')).rows[0].n === 0) {
    const { seed } = await import('./scripts/seed.mjs');
    seeding = true;
    try {
      console.log(`  demo data: ${await seed(origin, { db: running.db })} answers from the last 30 days, with their cases`);
    } finally {
      seeding = false;
    }
  }
  console.log(`
hearback demo on ${origin}   (time zone ${config.timezone}${process.env.HEARBACK_TIMEZONE ? '' : '; set HEARBACK_TIMEZONE to change it'})
  index:      ${origin}/
  shop:       ${origin}/shop/
  kiosk:      ${origin}/kiosk.html
  owner app:  ${origin}/dashboard   sign in as ${config.admin?.email ?? '(your owner)'} / ${config.admin ? config.admin.password : '(your password)'}`);
  stopOnSignals(running);
} catch (error) {
  console.error(`hearback demo: ${error.message}`);
  process.exit(1);
}
