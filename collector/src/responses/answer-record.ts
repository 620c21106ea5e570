import type { SurveyType } from './survey-types';

/** A stored answer as the exports and the dashboard show it (flat, with when it was received). */
export interface AnswerRecord {
  id: string;
  survey: string;
  type: SurveyType;
  score: number;
  scale: [number, number];
  comment?: string;
  reasons?: string[];
  contact?: true;
  mode?: string;
  locale: string;
  url: string;
  answeredAt: string;
  receivedAt: string;
  userId?: string;
  context?: Record<string, unknown>;
}

/** The columns `toRecord` reads, for every query that returns records. */
export const recordColumns = 'id, survey, type, score, scale_min, scale_max, comment, reasons, contact, mode, locale, url, answered_at, received_at, user_id, context';

const iso = (value: unknown) => (value instanceof Date ? value : new Date(value as string)).toISOString();
const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value ?? undefined);

export function toRecord(row: Record<string, unknown>): AnswerRecord {
  return {
    id: String(row.id), survey: String(row.survey), type: row.type as SurveyType, score: Number(row.score),
    scale: [Number(row.scale_min), Number(row.scale_max)],
    comment: (row.comment as string | null) ?? undefined, reasons: json(row.reasons), contact: row.contact ? true : undefined,
    mode: (row.mode as string | null) ?? undefined, locale: String(row.locale), url: String(row.url),
    answeredAt: iso(row.answered_at), receivedAt: iso(row.received_at), userId: (row.user_id as string | null) ?? undefined, context: json(row.context),
  };
}
