import type { SurveyKind } from './band';
import { cesKind } from './ces';
import { csatKind } from './csat';
import { npsKind } from './nps';

export const surveyKinds: Record<'nps' | 'csat' | 'ces', SurveyKind> = { nps: npsKind, csat: csatKind, ces: cesKind };
