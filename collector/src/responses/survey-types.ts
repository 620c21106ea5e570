import { surveyKinds } from '../../../src/receiver';

/** The survey types, as the receiver kit defines them (`nps`, `csat`, `ces`). */
export type SurveyType = keyof typeof surveyKinds;
export const surveyTypes = Object.keys(surveyKinds) as SurveyType[];
