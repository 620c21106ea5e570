// The demo: the collector (the owner's app) with the demo shop and kiosk served alongside, on one
// port. `npm start`, or `node demo/server.mjs`. Builds the collector first when its sources are
// newer than its build. Settings as for hearback-collector (PORT, HOST, DATABASE_URL,
// HEARBACK_DATA_DIR, …), with demo defaults: a demo owner (printed below), the demo's own origin
// on the allow list, and a rate limit loose enough for demo/scripts/seed.mjs.
import { buildIfStale } from '../collector/scripts/build.mjs';
import { DEMO_OWNER } from './demo-owner.mjs';
import { mountDemoSite } from './site.mjs';

await buildIfStale();
const { loadConfig, startServer, stopOnSignals } = await import('../collector/dist/server.js');

const port = process.env.PORT ?? '8787';
const env = {
  HEARBACK_ADMIN_EMAIL: DEMO_OWNER.email,
  HEARBACK_ADMIN_PASSWORD: DEMO_OWNER.password,
  HEARBACK_ALLOWED_ORIGINS: port === '0' ? '' : `http://127.0.0.1:${port},http://localhost:${port}`,
  HEARBACK_RATE_LIMIT: '1000',
  ...process.env,
};

let config;
try {
  config = loadConfig(env, process.argv.slice(2).filter((arg) => arg !== '--demo-data'));
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
try {
  const running = await startServer({ config, site: mountDemoSite });
  const { origin } = running;
  // `--demo-data` (npm start): a first start, on an empty database, gets a month of demo answers.
  if (process.argv.includes('--demo-data') && (await running.db.query('SELECT count(*)::int AS n FROM responses')).rows[0].n === 0) {
    const { seed } = await import('./scripts/seed.mjs');
    console.log(`  demo data: ${await seed(origin, { db: running.db })} answers from the last 30 days, with their cases`);
  }
  console.log(`hearback demo on ${origin}
  index:      ${origin}/
  shop:       ${origin}/shop/
  kiosk:      ${origin}/kiosk.html
  owner app:  ${origin}/dashboard   sign in as ${config.admin?.email ?? '(your owner)'} / ${config.admin ? config.admin.password : '(your password)'}`);
  stopOnSignals(running);
} catch (error) {
  console.error(`hearback demo: ${error.message}`);
  process.exit(1);
}
