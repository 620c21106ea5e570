import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database';
import type { LinkLocale } from '../links/link-texts';
import type { RecipientInput } from './recipients-csv';

/** A recipient of one-tap links, as stored. */
export interface Recipient {
  /** Random, 72 bits: the `t` of their links. */
  id: string;
  surveyId: string;
  name: string;
  email: string | null;
  phone: string | null;
  locale: LinkLocale;
  context: Record<string, string>;
  answerId: string | null;
  /** Their email's state (`one_tap_sends`), if it was queued, sent or exported. */
  emailStatus: SendStatus | null;
}

export type SendStatus = 'queued' | 'sent' | 'failed' | 'skipped' | 'exported';

interface RecipientRow {
  id: string;
  survey_id: string;
  name: string;
  email: string | null;
  phone: string | null;
  locale: LinkLocale;
  context: Record<string, string> | string;
  answer_id: string | null;
  email_status: SendStatus | null;
}

const select = `SELECT r.id, r.survey_id, r.name, r.email, r.phone, r.locale, r.context, r.answer_id, s.status AS email_status
  FROM one_tap_recipients r LEFT JOIN one_tap_sends s ON s.recipient_id = r.id AND s.channel = 'email'`;

const toRecipient = (row: RecipientRow): Recipient => ({
  id: row.id, surveyId: row.survey_id, name: row.name, email: row.email, phone: row.phone, locale: row.locale,
  context: typeof row.context === 'string' ? JSON.parse(row.context) : row.context, answerId: row.answer_id, emailStatus: row.email_status,
});

/** Rows per INSERT statement: 7 parameters each, far below PostgreSQL's 65,535. */
const chunk = 500;

export function createRecipientStore(db: Queryable) {
  return {
    /** Stores one import, 500 rows per INSERT; returns how many. */
    async add(surveyId: string, recipients: RecipientInput[]): Promise<number> {
      const batch = randomBytes(9).toString('base64url');
      for (let start = 0; start < recipients.length; start += chunk) {
        const part = recipients.slice(start, start + chunk);
        const values: unknown[] = [];
        const tuples = part.map((recipient, i) => {
          values.push(randomBytes(9).toString('base64url'), recipient.row, recipient.name, recipient.email, recipient.phone, recipient.locale, JSON.stringify(recipient.context));
          const at = i * 7;
          return `($${at + 1}, $${part.length * 7 + 1}, $${part.length * 7 + 2}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}, $${at + 7}::jsonb)`;
        });
        await db.query(
          `INSERT INTO one_tap_recipients (id, survey_id, batch_id, row_number, name, email, phone, locale, context) VALUES ${tuples.join(', ')}`,
          [...values, surveyId, batch],
        );
      }
      return recipients.length;
    },
    async get(id: string): Promise<Recipient | undefined> {
      const { rows } = await db.query<RecipientRow & Record<string, unknown>>(`${select} WHERE r.id = $1`, [id]);
      return rows[0] ? toRecipient(rows[0]) : undefined;
    },
    /** A survey's recipients, newest import first (at most `limit`), and how many there are in all. */
    async list(surveyId: string, limit: number): Promise<{ recipients: Recipient[]; total: number }> {
      const [{ rows }, counted] = await Promise.all([
        db.query<RecipientRow & Record<string, unknown>>(`${select} WHERE r.survey_id = $1 ORDER BY r.created_at DESC, r.row_number LIMIT $2`, [surveyId, limit]),
        db.query<{ n: string | number }>('SELECT count(*) AS n FROM one_tap_recipients WHERE survey_id = $1', [surveyId]),
      ]);
      return { recipients: rows.map(toRecipient), total: Number(counted.rows[0]?.n ?? 0) };
    },
    /** Every recipient of a survey, in import order (for the export). */
    async all(surveyId: string): Promise<Recipient[]> {
      const { rows } = await db.query<RecipientRow & Record<string, unknown>>(`${select} WHERE r.survey_id = $1 ORDER BY r.created_at, r.row_number`, [surveyId]);
      return rows.map(toRecipient);
    },
  };
}

export type RecipientStore = ReturnType<typeof createRecipientStore>;
