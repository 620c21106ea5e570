import { migrate } from './db/migrate.mjs';
import { createResponsesStore } from './collector/responses-store.mjs';
import { createSummary } from './collector/summary.mjs';
import { createCollectorApp } from './http/collector-app.mjs';

/**
 * Wires a database and the receiver kit into the collector's request handler, after bringing the
 * schema up to date. `kit` is `hearback/receiver` (built, or bundled from source in tests).
 * @param {{
 *   db: import('./db/database-types.mjs').Database,
 *   kit: typeof import('../src/receiver'),
 *   fallback?: Parameters<typeof createCollectorApp>[0]['fallback'],
 *   log?: (message: string) => void,
 * }} deps
 */
export async function createCollector({ db, kit, fallback, log }) {
  const applied = await migrate(db);
  const store = createResponsesStore({ db, surveyKinds: kit.surveyKinds });
  const handle = createCollectorApp({
    store,
    parseAnswer: kit.parseAnswer,
    summarise: createSummary(kit),
    maxBodyBytes: kit.MAX_BODY_BYTES,
    fallback,
    log,
  });
  return { handle, store, applied };
}
