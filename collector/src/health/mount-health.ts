import type { App, FeatureDeps } from '../app-env';

/** `GET /healthz` (public): 200 `{ ok: true }` when the database answers, 503 otherwise. For load balancers and uptime checks. */
export function mountHealth(app: App, { db, log }: FeatureDeps) {
  app.get('/healthz', async (c) => {
    try {
      await db.query('SELECT 1');
      return c.json({ ok: true, database: db.kind }, 200, { 'cache-control': 'no-store' });
    } catch (error) {
      log.error('health check: the database does not answer', { error: String((error as Error)?.message ?? error) });
      return c.json({ ok: false, problems: ['the database does not answer'] }, 503, { 'cache-control': 'no-store' });
    }
  });
}
