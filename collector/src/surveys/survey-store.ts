import type { SurveyDefinition } from 'hearback/receiver';
import type { Database, Queryable } from '../db/database';

/** The preview's colour and position (the widget takes those from the site's snippet). */
export interface SurveyLook {
  accent?: string;
  position?: 'bottom-right' | 'bottom-left' | 'center';
}

/** A survey as the editor keeps it: the draft, the published copy (or none), the preview's look. */
export interface EditorSurvey {
  id: string;
  draft: SurveyDefinition;
  live: SurveyDefinition | null;
  look: SurveyLook;
  publishedAt: Date | null;
  updatedAt: Date;
}

export type SurveyAction = 'created' | 'changed' | 'published' | 'unpublished' | 'deleted';

export interface HistoryEntry {
  action: SurveyAction;
  /** The parts of the definition a save changed (`question`, `trigger`…). */
  fields: string[];
  by: string;
  at: Date;
}

interface SurveyRow extends Record<string, unknown> {
  id: string;
  draft: SurveyDefinition | string;
  live: SurveyDefinition | string | null;
  look: SurveyLook | string;
  published_at: Date | string | null;
  updated_at: Date | string;
}

const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);
const toSurvey = (row: SurveyRow): EditorSurvey => ({
  id: row.id,
  draft: json(row.draft),
  live: row.live === null ? null : json(row.live),
  look: json(row.look),
  publishedAt: row.published_at === null ? null : new Date(row.published_at),
  updatedAt: new Date(row.updated_at),
});

/** The top-level parts of a definition that differ between two versions, in a stable order. */
export function changedFields(before: object | undefined, after: object): string[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after)])].sort();
  const a = (before ?? {}) as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return keys.filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

const columns = 'id, draft, live, look, published_at, updated_at';

/**
 * The editor's surveys in the database. Definitions are checked with the SDK's survey schema before
 * they get here. Each change writes its history row in the same transaction.
 */
export function createSurveyStore(db: Database) {
  const note = (tx: Queryable, id: string, action: SurveyAction, by: string, fields: string[] = []) =>
    tx.query('INSERT INTO survey_history (survey_id, action, fields, by_email) VALUES ($1, $2, $3::jsonb, $4)', [id, action, JSON.stringify(fields), by]);
  const getWith = async (q: Queryable, id: string, lock = false) => {
    const { rows } = await q.query<SurveyRow>(`SELECT ${columns} FROM surveys WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0] ? toSurvey(rows[0]) : undefined;
  };

  return {
    async list(): Promise<EditorSurvey[]> {
      const { rows } = await db.query<SurveyRow>(`SELECT ${columns} FROM surveys ORDER BY id`);
      return rows.map(toSurvey);
    },
    get: (id: string) => getWith(db, id),
    /** Creates or changes the draft; `created` says which. A published survey stays as published until `publish`. */
    save(draft: SurveyDefinition, look: SurveyLook, by: string): Promise<{ created: boolean; fields: string[] }> {
      return db.transaction(async (tx) => {
        const before = await getWith(tx, draft.id, true);
        const fields = changedFields(before?.draft, draft);
        if (before && !fields.length && JSON.stringify(before.look) === JSON.stringify(look)) return { created: false, fields };
        await tx.query(
          `INSERT INTO surveys (id, draft, look) VALUES ($1, $2::jsonb, $3::jsonb)
           ON CONFLICT (id) DO UPDATE SET draft = EXCLUDED.draft, look = EXCLUDED.look, updated_at = now()`,
          [draft.id, JSON.stringify(draft), JSON.stringify(look)],
        );
        await note(tx, draft.id, before ? 'changed' : 'created', by, before ? fields : []);
        return { created: !before, fields };
      });
    },
    /** Makes the draft live. False when there is no such survey. */
    publish(id: string, by: string): Promise<boolean> {
      return db.transaction(async (tx) => {
        const { rows } = await tx.query('UPDATE surveys SET live = draft, published_at = now() WHERE id = $1 RETURNING id', [id]);
        if (rows.length) await note(tx, id, 'published', by);
        return rows.length > 0;
      });
    },
    /** Takes the survey off the sites (the draft stays). False when there is no such survey. */
    unpublish(id: string, by: string): Promise<boolean> {
      return db.transaction(async (tx) => {
        const { rows } = await tx.query('UPDATE surveys SET live = NULL, published_at = NULL WHERE id = $1 RETURNING id', [id]);
        if (rows.length) await note(tx, id, 'unpublished', by);
        return rows.length > 0;
      });
    },
    remove(id: string, by: string): Promise<boolean> {
      return db.transaction(async (tx) => {
        const { rows } = await tx.query('DELETE FROM surveys WHERE id = $1 RETURNING id', [id]);
        if (rows.length) await note(tx, id, 'deleted', by);
        return rows.length > 0;
      });
    },
    /** The newest `limit` changes of one survey, newest first. */
    async history(id: string, limit = 10): Promise<HistoryEntry[]> {
      const { rows } = await db.query<{ action: SurveyAction; fields: string[] | string; by_email: string; at: Date | string }>(
        'SELECT action, fields, by_email, at FROM survey_history WHERE survey_id = $1 ORDER BY at DESC, id DESC LIMIT $2', [id, limit]);
      return rows.map((row) => ({ action: row.action, fields: json(row.fields), by: row.by_email, at: new Date(row.at) }));
    },
    /** The published definitions, by id: what `GET /api/surveys.json` serves. */
    async published(): Promise<SurveyDefinition[]> {
      const { rows } = await db.query<{ live: SurveyDefinition | string }>('SELECT live FROM surveys WHERE live IS NOT NULL ORDER BY id');
      return rows.map((row) => json(row.live));
    },
  };
}

export type SurveyStore = ReturnType<typeof createSurveyStore>;
