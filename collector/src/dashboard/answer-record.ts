import type { Answer } from 'hearback/receiver';

export type ContactVia = NonNullable<Answer['contactVia']>;

/** One stored answer as the dashboard's API and the exports give it out. */
export interface AnswerRecord {
  id: string;
  survey: string;
  type: string;
  score: number;
  scale: [number, number];
  band: 'detractor' | 'passive' | 'promoter';
  comment?: string;
  reasons?: string[];
  contact?: true;
  /** How the customer said to reach them (with `contact`): phone, email, LINE ID, as checked on arrival. */
  contactVia?: ContactVia;
  mode?: string;
  locale: string;
  url: string;
  answeredAt: string;
  receivedAt: string;
  userId?: string;
  user?: Record<string, unknown>;
  context?: Record<string, unknown>;
}

/** The columns `toAnswerRecord` reads; `band` comes from `bandSql`. */
export const answerColumns = (alias = 'r') =>
  ['id', 'survey', 'type', 'score', 'scale_min', 'scale_max', 'comment', 'reasons', 'contact', 'contact_via', 'mode', 'locale', 'url', 'answered_at', 'received_at', 'user_id', 'user_data', 'context']
    .map((column) => `${alias}.${column}`).join(', ');

const iso = (value: unknown) => (value instanceof Date ? value : new Date(String(value))).toISOString();
const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : (value ?? undefined));

export function toAnswerRecord(row: Record<string, unknown>): AnswerRecord {
  return {
    id: String(row.id), survey: String(row.survey), type: String(row.type), score: Number(row.score),
    scale: [Number(row.scale_min), Number(row.scale_max)], band: row.band as AnswerRecord['band'],
    comment: (row.comment as string | null) ?? undefined, reasons: json(row.reasons), contact: row.contact ? true : undefined,
    contactVia: json(row.contact_via),
    mode: (row.mode as string | null) ?? undefined, locale: String(row.locale), url: String(row.url),
    answeredAt: iso(row.answered_at), receivedAt: iso(row.received_at), userId: (row.user_id as string | null) ?? undefined,
    user: json(row.user_data), context: json(row.context),
  };
}
