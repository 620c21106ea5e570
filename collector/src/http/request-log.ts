import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Log } from './log';

/**
 * One log line per request: method, the matched route pattern (`/api/tokens/:id`, never the
 * concrete path, query or body, so no answer data and no secrets reach the log), status, duration.
 */
export function requestLog(log: Log): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const route = routePath(c);
    log.info({
      method: c.req.method,
      route: route && route !== '*' && route !== '/*' ? route : '(none)',
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}
