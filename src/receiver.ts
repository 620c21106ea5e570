/**
 * `hearback/receiver`: tools for whoever receives answers — the payload schema the SDK builds
 * against, a parser that never throws, and the metric helpers. The script-tag bundle never imports
 * this file.
 */
import { getAnswerSchema } from './payload/answer-schema';

export type { Answer } from './payload/answer-schema';
/**
 * The payload v1 schema (zod/mini) the SDK builds answers against: `answerSchema.safeParse(value)`,
 * a Standard Schema (`answerSchema['~standard']`) for validators that take one, and the source of
 * `dist/answer.schema.json` (`z.toJSONSchema`). It checks the shape and that the type fixes the
 * scale; `parseAnswer` adds the receiver's rules (body size, `answeredAt` window) and readable problems.
 * Built when this module loads: a receiver needs it from its first request.
 */
export const answerSchema = getAnswerSchema();
export { hashAnswerKey } from './receiver/hash-answer-key';
export { parseAnswer, MAX_BODY_BYTES, type ParseAnswerOptions, type ParseAnswerResult } from './receiver/parse-answer';
export { nps, csat, ces, type Metric, type Scored } from './surveys/metrics';
export { bandOf, type Band, type SurveyKind } from './surveys/band';
export { surveyKinds } from './surveys/kinds';
