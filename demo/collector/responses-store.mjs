import { whereClause } from './filters.mjs';

const columns = 'id, survey, type, score, scale_min, scale_max, comment, reasons, contact, mode, locale, url, answered_at, received_at, user_id, context';

/**
 * Every query the collector and the dashboard run, in SQL both PGlite and PostgreSQL accept.
 * @param {{ db: import('../db/database-types.mjs').Queryable, surveyKinds: Record<string, { passiveFrom: number }> }} deps
 */
export function createResponsesStore({ db, surveyKinds }) {
  return {
    /**
     * Stores an answer once: `stored` is false when its `id` was already there (a retry). A repeat
     * that completes the stored copy — the SDK sent the score when the page was hidden, then the
     * visitor came back and added a comment, reasons or contact consent under the same `id` — fills
     * in what was missing (`completed`); an identical repeat changes nothing.
     */
    async insert(answer) {
      const { rows } = await db.query(
        `INSERT INTO responses (id, survey, type, score, scale_min, scale_max, comment, reasons, contact, mode,
           locale, url, answered_at, user_id, user_data, context, sdk, payload)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [
          answer.id, answer.survey, answer.type, answer.score, answer.scale[0], answer.scale[1],
          answer.comment ?? null, answer.reasons ? JSON.stringify(answer.reasons) : null, answer.contact === true,
          answer.mode ?? null, answer.locale, answer.url, answer.answeredAt,
          typeof answer.user?.id === 'string' ? answer.user.id : null, answer.user ? JSON.stringify(answer.user) : null,
          answer.context ? JSON.stringify(answer.context) : null, answer.sdk, JSON.stringify(answer),
        ],
      );
      if (rows.length === 1) return { stored: true, completed: false };
      const completed = await db.query(
        `UPDATE responses SET comment = COALESCE(comment, $2), reasons = COALESCE(reasons, $3::jsonb), contact = contact OR $4,
           payload = $5::jsonb
         WHERE id = $1 AND ((comment IS NULL AND $2::text IS NOT NULL) OR (reasons IS NULL AND $3::jsonb IS NOT NULL) OR (NOT contact AND $4))
         RETURNING id`,
        [answer.id, answer.comment ?? null, answer.reasons ? JSON.stringify(answer.reasons) : null, answer.contact === true, JSON.stringify(answer)],
      );
      return { stored: false, completed: completed.rows.length === 1 };
    },

    /** Answers matching `filters`, newest first, as flat rows (export). */
    async list(filters, { limit = 100_000 } = {}) {
      const where = whereClause(filters);
      const { rows } = await db.query(
        `SELECT ${columns} FROM responses ${where.sql} ORDER BY answered_at DESC, id LIMIT ${Math.max(1, Math.floor(limit))}`,
        where.params,
      );
      return rows.map(toRecord);
    },

    /** How many answers per type and score. */
    async scoreCounts(filters) {
      const where = whereClause(filters);
      const { rows } = await db.query(`SELECT type, score, count(*)::int AS count FROM responses ${where.sql} GROUP BY type, score`, where.params);
      return rows;
    },

    /** The same counts per ISO week (Monday, UTC). */
    async weeklyScoreCounts(filters) {
      const where = whereClause(filters);
      const { rows } = await db.query(
        `SELECT to_char(date_trunc('week', answered_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week, type, score, count(*)::int AS count
         FROM responses ${where.sql} GROUP BY 1, 2, 3 ORDER BY 1`,
        where.params,
      );
      return rows;
    },

    async latestComments(filters, limit = 8) {
      const where = whereClause(filters, ["comment IS NOT NULL", "comment <> ''"]);
      const { rows } = await db.query(`SELECT ${columns} FROM responses ${where.sql} ORDER BY answered_at DESC, id LIMIT ${limit}`, where.params);
      return rows.map(toRecord);
    },

    /** Unhappy answers (the detractor band of their type) whose author agreed to be contacted. */
    async callbacks(filters, limit = 20) {
      const bands = Object.entries(surveyKinds).map(([type, kind]) => `(type = '${type}' AND score < ${Number(kind.passiveFrom)})`);
      const where = whereClause(filters, ['contact', `(${bands.join(' OR ')})`]);
      const { rows } = await db.query(`SELECT ${columns} FROM responses ${where.sql} ORDER BY answered_at DESC, id LIMIT ${limit}`, where.params);
      return rows.map(toRecord);
    },

    /** Survey ids seen, with their type and answer count (for the dashboard's filter). */
    async surveys() {
      const { rows } = await db.query('SELECT survey, min(type) AS type, count(*)::int AS count FROM responses GROUP BY survey ORDER BY survey');
      return rows;
    },
  };
}

const iso = (value) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());
const json = (value) => (typeof value === 'string' ? JSON.parse(value) : value ?? undefined);

function toRecord(row) {
  return {
    id: row.id, survey: row.survey, type: row.type, score: row.score, scale: [row.scale_min, row.scale_max],
    comment: row.comment ?? undefined, reasons: json(row.reasons), contact: row.contact || undefined, mode: row.mode ?? undefined,
    locale: row.locale, url: row.url, answeredAt: iso(row.answered_at), receivedAt: iso(row.received_at),
    userId: row.user_id ?? undefined, context: json(row.context),
  };
}
