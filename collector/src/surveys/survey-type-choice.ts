import { surveyTypes } from 'hearback/receiver';

/** `must be nps, csat or ces`: the message for a type outside the SDK's list, from the list itself. */
export function surveyTypeProblem(): string {
  return `must be ${surveyTypes.slice(0, -1).join(', ')} or ${surveyTypes[surveyTypes.length - 1]}`;
}
