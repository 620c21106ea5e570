import { findSurvey } from '../config/find-survey';
import { surveyTypes } from '../surveys/kinds';
import { safeParse } from '../common/shielded';
import { surveySchema, type Survey } from '../config/survey-schema';
import type { Logger } from '../common/log';

/** `show('after-checkout')` finds a configured survey; `show('nps')` the built-in one. */
export function resolveSurvey(surveys: Survey[], idOrType: string, overrides: unknown, log: Logger): Survey | undefined {
  const base = findSurvey(surveys, idOrType);
  if (!base) {
    log.error(`show: no survey "${idOrType}"; configured: ${surveys.map((s) => s.id).join(', ') || 'none'}; built-in: ${surveyTypes.join(', ')}`);
    return undefined;
  }
  const merged = overrides && typeof overrides === 'object' ? { ...base, ...overrides } : base;
  const result = safeParse(surveySchema(), merged);
  if (!result.success) {
    for (const issue of result.error.issues) log.error(`show("${idOrType}"): ${issue.path.join('.')} ${issue.message}`);
    return undefined;
  }
  return result.data;
}
