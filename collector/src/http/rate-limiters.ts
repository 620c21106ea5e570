import type { Database } from '../db/database';
import { createDatabaseRateLimiter } from './database-rate-limiter';
import { createRateLimiter, type RateLimiter, type RateLimitOptions } from './rate-limiter';
import { createSharedRateLimiter } from './shared-rate-limiter';

/**
 * The rate limiter for one `scope` (`signin-email`, `answers`…) on this database: in memory on
 * PGlite (one instance owns it); on PostgreSQL shared by every instance on the server — counted
 * in the database per hit, or, for a `hot` route, counted here and synced about once a second.
 */
export function rateLimiterFor(db: Database, scope: string, options: RateLimitOptions & { hot?: boolean }): RateLimiter {
  if (db.kind === 'pglite') return createRateLimiter(options);
  return options.hot ? createSharedRateLimiter(db, scope, options) : createDatabaseRateLimiter(db, scope, options);
}
