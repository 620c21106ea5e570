export { init } from './init';
export { VERSION } from './version';
export type { Hearback, HearbackOptions, Handler, HearbackEvents, HearbackEventName, OutboxStatus, SurveyInput, SurveyType } from './hearback-types';
export type { Answer } from './payload/answer-schema';
