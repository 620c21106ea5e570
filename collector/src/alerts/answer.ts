import { bandOf, surveyKinds, type Answer, type Band, type SurveyType } from 'hearback/receiver';

export type { SurveyType };

/** What an alert reads of a stored answer (payload version 1, as the collector keeps it). */
export interface AlertAnswer {
  id: string;
  survey: string;
  type: SurveyType;
  score: number;
  comment?: string | null;
  locale?: string | null;
  answeredAt: Date;
  user?: Record<string, unknown> | null;
  context?: Record<string, unknown> | null;
  reasons?: readonly string[] | null;
  contact?: boolean | null;
  /** How the customer said to reach them (payload `contactVia`). */
  contactVia?: { phone?: string; email?: string; line?: string } | null;
}

/** The answer's band for its own type (nps 0–6, csat 1–2, ces 1–3 are detractors), from the SDK's definitions. */
export function answerBand(answer: Pick<AlertAnswer, 'type' | 'score'>): Band {
  return bandOf(surveyKinds[answer.type], answer.score);
}

export function scaleOf(type: SurveyType): readonly [number, number] {
  return surveyKinds[type].scale;
}

/** The stored payload as an alert reads it. */
export function alertAnswerFromPayload(answer: Answer): AlertAnswer {
  return {
    id: answer.id,
    survey: answer.survey,
    type: answer.type,
    score: answer.score,
    comment: answer.comment ?? null,
    locale: answer.locale,
    answeredAt: new Date(answer.answeredAt),
    user: answer.user ?? null,
    context: answer.context ?? null,
    reasons: answer.reasons ?? null,
    contact: answer.contact ?? null,
    contactVia: answer.contactVia ?? null,
  };
}

export type { Band };
