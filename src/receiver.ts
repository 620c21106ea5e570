/**
 * `hearback/receiver`: tools for whoever receives answers — the payload schema the SDK builds
 * against, a parser that never throws, and the metric helpers. The script-tag
 * bundle never imports this file.
 */
import { getAnswerSchema } from './payload/answer-schema';
import { publicSchema } from './schema/standard-schema';

export type { Answer } from './payload/answer-schema';
/**
 * The payload v1 schema the SDK builds answers against: `answerSchema.safeParse(value)`, and a
 * Standard Schema (`answerSchema['~standard']`) for validators that take one.
 */
export const answerSchema = publicSchema(getAnswerSchema());
export type { PublicSchema } from './schema/standard-schema';
export { parseAnswer, MAX_BODY_BYTES, type ParseAnswerOptions, type ParseResult } from './receiver/parse-answer';
export { nps, csat, ces, type Metric, type Scored } from './surveys/metrics';
export { bandOf, type Band, type SurveyKind } from './surveys/band';
export { surveyKinds } from './surveys/kinds';
