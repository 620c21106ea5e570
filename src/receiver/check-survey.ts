import * as z from 'zod/mini';
import { surveySchema, type Survey, type SurveyInput } from '../config/survey-schema';

/** One thing wrong with a survey definition: where (`trigger.delay`, `reviewLink.url`) and what is allowed. */
export interface SurveyProblem {
  path: string;
  message: string;
}

export type CheckSurveyResult = { ok: true; survey: Survey } | { ok: false; problems: SurveyProblem[] };

/**
 * Checks a survey definition with the widget's own schema, so what an app saves is exactly what
 * the widget accepts in `surveys` or from `surveysUrl`. Never throws; each problem names its field.
 * @example checkSurvey({ id: 'after-checkout', type: 'csat', trigger: { delay: -1 } })
 * // → { ok: false, problems: [{ path: 'trigger.delay', message: 'must be a number of seconds from 0 to 86400' }] }
 */
export function checkSurvey(value: unknown): CheckSurveyResult {
  const result = z.safeParse(surveySchema(), value);
  if (result.success) return { ok: true, survey: result.data };
  return { ok: false, problems: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })) };
}

export type { Survey as SurveyDefinition, SurveyInput as SurveyDefinitionInput };
