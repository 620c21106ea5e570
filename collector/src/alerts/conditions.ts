import { z } from 'zod';
import { surveyTypes } from 'hearback/receiver';
import { answerBand, scaleOf, type AlertAnswer } from './answer';
import { ownValue } from '../own-value';

const surveyType = z.enum(surveyTypes);

/**
 * One condition of a rule. A rule holds when every one of its conditions holds.
 * - `detractor`: the answer is in the detractor band of its own type (nps 0–6, csat 1–2, ces 1–3).
 * - `score-at-most`: an answer of `type` with score ≤ `max`.
 * - `context`: the answer's `context[key]` equals `value` (compared as text, so `7` matches "7").
 * - `comment-mentions`: the comment contains `text`, ignoring case and Unicode form (Thai-safe).
 */
export const conditionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('detractor') }),
  z
    .object({ kind: z.literal('score-at-most'), type: surveyType, max: z.number().int() })
    .refine((c) => c.max >= scaleOf(c.type)[0] && c.max <= scaleOf(c.type)[1], {
      message: 'max must be within the scale of the type (nps 0–10, csat 1–5, ces 1–7)',
      path: ['max'],
    }),
  z.object({ kind: z.literal('context'), key: z.string().trim().min(1).max(100), value: z.string().trim().min(1).max(500) }),
  z.object({ kind: z.literal('comment-mentions'), text: z.string().trim().min(1).max(200) }),
]);

export type Condition = z.infer<typeof conditionSchema>;

// Zero-width characters are common in Thai text (word-break hints) and invisible to the owner;
// NFC makes a precomposed and a decomposed spelling of the same text compare equal.
const invisible = /[\u200B-\u200D\u2060\uFEFF]/g;

/** Text folded for "mentions": NFC, invisible characters removed, lower case (Thai has no case and is unchanged). */
export function foldText(text: string): string {
  return text.normalize('NFC').replace(invisible, '').toLowerCase();
}

export function conditionHolds(condition: Condition, answer: AlertAnswer): boolean {
  switch (condition.kind) {
    case 'detractor':
      return answerBand(answer) === 'detractor';
    case 'score-at-most':
      return answer.type === condition.type && answer.score <= condition.max;
    case 'context': {
      const value = answer.context ? ownValue(answer.context, condition.key) : undefined;
      return (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') &&
        foldText(String(value).trim()) === foldText(condition.value);
    }
    case 'comment-mentions':
      return !!answer.comment && foldText(answer.comment).includes(foldText(condition.text));
  }
}

/** Every condition holds (a rule needs at least one; see ruleInputSchema). */
export function allConditionsHold(conditions: readonly Condition[], answer: AlertAnswer): boolean {
  return conditions.length > 0 && conditions.every((condition) => conditionHolds(condition, answer));
}
