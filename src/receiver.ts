/**
 * `hearback/receiver`: tools for whoever receives answers — the payload schema the SDK builds
 * against, a parser that never throws, and the metric helpers. Pure re-exports; the script-tag
 * bundle never imports this file.
 */
export { answerSchema, type Answer } from './payload/answer-schema';
export { parseAnswer, MAX_BODY_BYTES, type ParseResult } from './receiver/parse-answer';
export { nps, csat, ces, type Metric, type Scored } from './surveys/metrics';
export { bandOf, type Band, type SurveyKind } from './surveys/band';
export { surveyKinds } from './surveys/kinds';
