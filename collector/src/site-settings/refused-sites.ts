import type { Queryable } from '../db/database';
import { localDate } from '../dashboard/local-date';
import type { Log } from '../http/log';
import type { RateLimiter } from '../http/rate-limiter';

/** How many refused origins are kept: the ones refused longest ago make room for new ones. */
export const maxRefusedOrigins = 100;

export interface RefusedSite {
  origin: string;
  /** Refusals on `day` (the shop's calendar), and in all. */
  today: number;
  total: number;
  day: string;
  lastAt: string;
}

/** Only a real web origin is worth showing the owner (`https://shop.example`), never `null` or junk. */
export function isWebOrigin(origin: string): boolean {
  if (origin.length > 300) return false;
  try {
    const url = new URL(origin);
    return /^https?:$/.test(url.protocol) && url.origin === origin;
  } catch {
    return false;
  }
}

/**
 * Answers, shown reports and reads of the published surveys refused because their site is not
 * allowed: per origin, the count today and in all, and the last time (table `refused_origins`).
 * At most `maxRefusedOrigins` are kept, so a stranger posting from many made-up origins cannot
 * fill the database.
 */
export function createRefusedSites({ db, timeZone, now = () => new Date(), max = maxRefusedOrigins }: {
  db: Queryable;
  timeZone: () => string;
  now?: () => Date;
  max?: number;
}) {
  return {
    async record(origin: string): Promise<void> {
      if (!isWebOrigin(origin)) return;
      const at = now();
      const day = localDate(at, timeZone());
      await db.query(
        `INSERT INTO refused_origins (origin, day, day_count, total_count, first_at, last_at) VALUES ($1, $2::date, 1, 1, $3, $3)
         ON CONFLICT (origin) DO UPDATE SET
           day_count = CASE WHEN refused_origins.day = EXCLUDED.day THEN refused_origins.day_count + 1 ELSE 1 END,
           day = EXCLUDED.day, total_count = refused_origins.total_count + 1, last_at = EXCLUDED.last_at`,
        [origin, day, at.toISOString()]);
      await db.query(
        `DELETE FROM refused_origins WHERE origin IN (SELECT origin FROM refused_origins ORDER BY last_at DESC, origin OFFSET $1)`, [max]);
    },
    /** The refused sites, last refused first; `today` counts only refusals on the shop's today. */
    async list(): Promise<RefusedSite[]> {
      const today = localDate(now(), timeZone());
      const { rows } = await db.query<{ origin: string; day: string | Date; day_count: number; total_count: number; last_at: string | Date }>(
        `SELECT origin, to_char(day, 'YYYY-MM-DD') AS day, day_count, total_count, last_at FROM refused_origins ORDER BY last_at DESC LIMIT $1`, [max]);
      return rows.map((row) => ({
        origin: row.origin, day: String(row.day), today: String(row.day) === today ? Number(row.day_count) : 0,
        total: Number(row.total_count), lastAt: new Date(row.last_at).toISOString(),
      }));
    },
    /**
     * Records a refusal when the client is within its rate limit (the same limiter the route
     * uses), so one client's writes here are bounded as its answers are. A failure is logged: the
     * refusal itself still answers 403.
     */
    async recordWithin(limiter: RateLimiter, client: string, origin: string, log: Pick<Log, 'error'>): Promise<void> {
      try {
        if ((await limiter.hit(client)).ok) await this.record(origin);
      } catch (error) {
        log.error('recording a refused site failed', { origin, error: String((error as Error)?.message ?? error) });
      }
    },
    /** The 403's problem: names the site and the fix (the app's Settings → Site, or the variable). */
    refusal(what: 'answers' | 'shown reports' | 'published surveys', origin: string): string {
      const refused = what === 'published surveys' ? `published surveys are not served to ${origin}` : `${what} from ${origin} are not accepted`;
      return `${refused}: this site is not allowed. Allow it in the app (Settings → Site; it is listed under Refused sites) or in HEARBACK_ALLOWED_ORIGINS`;
    },
    /** Forgets an origin (it was allowed). */
    async forget(origin: string): Promise<void> {
      await db.query('DELETE FROM refused_origins WHERE origin = $1', [origin]);
    },
  };
}

export type RefusedSites = ReturnType<typeof createRefusedSites>;
