import type { SurveyKind } from './band';
import { cesKind } from './ces';
import { csatKind } from './csat';
import { npsKind } from './nps';

/** The survey types: each fixes its scale and its bands. */
export const surveyTypes = ['nps', 'csat', 'ces'] as const;
export type SurveyType = (typeof surveyTypes)[number];

export const surveyKinds: Record<SurveyType, SurveyKind> = { nps: npsKind, csat: csatKind, ces: cesKind };

/** The longest comment an answer carries, in characters: the SDK trims to it, receivers refuse more. */
export const maxCommentLength = 2000;
