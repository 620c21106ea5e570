/**
 * `hearback/receiver`: tools for whoever receives answers — the payload schema the SDK builds
 * against, a parser that never throws, and the metric helpers. The script-tag bundle never imports
 * this file.
 */
import { getAnswerSchema } from './payload/answer-schema';
import { surveyTypeRegistry as createSurveyTypeRegistry } from './surveys/survey-types';

export type { Answer } from './payload/answer-schema';
/**
 * The payload v1 schema (zod/mini) the SDK builds answers against: `answerSchema.safeParse(value)`,
 * a Standard Schema (`answerSchema['~standard']`) for validators that take one, and the source of
 * `dist/answer.schema.json` (`z.toJSONSchema`). It checks the shape and that the type fixes the
 * scale; `parseAnswer` adds the receiver's rules (body size, `answeredAt` window) and readable problems.
 * Built when this module loads: a receiver needs it from its first request.
 */
export const answerSchema = /* @__PURE__ */ getAnswerSchema();
export { hashAnswerKey } from './receiver/hash-answer-key';
export { parseAnswer, MAX_BODY_BYTES, type ParseAnswerOptions, type ParseAnswerResult } from './receiver/parse-answer';
export { nps, csat, ces, type Metric, type Scored } from './surveys/metrics';
export { bandOf, type Band, type Localized, type SurveyKind, type SurveyTypeFacts } from './surveys/band';
export { surveyKinds, surveyTypes, maxCommentLength, type SurveyType } from './surveys/kinds';
export type { SurveyTypeEntry } from './surveys/survey-types';
export { unstorableTextProblem } from './receiver/unstorable-text';
export { dataBoundsProblem, utf8Length } from './payload/data-bounds';
export { checkSurvey, type CheckSurveyResult, type SurveyProblem, type SurveyDefinition, type SurveyDefinitionInput } from './receiver/check-survey';
export { contactWays, type ContactWay } from './payload/contact-ways';
/**
 * Every survey type, whole — scale, bands, names in English and Thai, headline figure, built-in
 * wording — keyed by type: `surveyTypeRegistry.csat.scale`, `surveyTypeRegistry.nps.label.th`.
 * The owner's app reads the types from here and spells none of them itself.
 */
export const surveyTypeRegistry = /* @__PURE__ */ createSurveyTypeRegistry();
