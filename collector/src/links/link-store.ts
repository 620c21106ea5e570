import type { LinkSurvey } from './link-survey';
import type { Queryable } from '../db/database';

interface LinkSurveyRow {
  id: string;
  type: LinkSurvey['type'];
  question_en: string;
  question_th: string;
  context_keys: string[] | string;
  single_use: boolean;
}

function toSurvey(row: LinkSurveyRow): LinkSurvey {
  const keys = typeof row.context_keys === 'string' ? (JSON.parse(row.context_keys) as string[]) : row.context_keys;
  const question: LinkSurvey['question'] = {};
  if (row.question_en) question.en = row.question_en;
  if (row.question_th) question.th = row.question_th;
  return { id: row.id, type: row.type, question, contextKeys: keys, singleUse: row.single_use };
}

/** The owner's link surveys, in the database (the shop's look is the site settings'). Input is parsed before it gets here. */
export interface LinkStore {
  list(): Promise<LinkSurvey[]>;
  get(id: string): Promise<LinkSurvey | undefined>;
  /** Creates or replaces the survey with this id. */
  save(survey: LinkSurvey): Promise<void>;
  /** False when there was no such survey. */
  remove(id: string): Promise<boolean>;
}

export function createLinkStore(db: Queryable): LinkStore {
  const columns = 'id, type, question_en, question_th, context_keys, single_use';
  return {
    async list() {
      const { rows } = await db.query<LinkSurveyRow & Record<string, unknown>>(`SELECT ${columns} FROM link_surveys ORDER BY id`);
      return rows.map(toSurvey);
    },
    async get(id) {
      const { rows } = await db.query<LinkSurveyRow & Record<string, unknown>>(`SELECT ${columns} FROM link_surveys WHERE id = $1`, [id]);
      return rows[0] ? toSurvey(rows[0]) : undefined;
    },
    async save(survey) {
      await db.query(
        `INSERT INTO link_surveys (id, type, question_en, question_th, context_keys, single_use)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6)
         ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type, question_en = EXCLUDED.question_en,
           question_th = EXCLUDED.question_th, context_keys = EXCLUDED.context_keys,
           single_use = EXCLUDED.single_use, updated_at = now()`,
        [survey.id, survey.type, survey.question.en ?? '', survey.question.th ?? '', JSON.stringify(survey.contextKeys), survey.singleUse],
      );
    },
    async remove(id) {
      const { rows } = await db.query('DELETE FROM link_surveys WHERE id = $1 RETURNING id', [id]);
      return rows.length > 0;
    },
  };
}
