export { init } from './engine/init';
export { VERSION } from './common/version';
export type { Hearback, HearbackOptions, ShowOverrides, Handler, HearbackEvents, HearbackEventName, OutboxStatus, SurveyInput, SurveyType } from './engine/hearback-types';
export type { Answer } from './payload/answer-schema';
