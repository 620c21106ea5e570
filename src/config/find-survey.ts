import { surveyTypes } from '../surveys/kinds';
import type { Survey } from './survey-schema';

/** A configured survey by id, else the built-in survey of that type (`nps`, `csat`, `ces`). */
export function findSurvey(surveys: readonly Survey[], idOrType: string): Survey | undefined {
  const builtIn = surveyTypes.find((type) => type === idOrType);
  return surveys.find((survey) => survey.id === idOrType) ?? (builtIn && { id: builtIn, type: builtIn });
}
