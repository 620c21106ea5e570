import { z } from 'zod';
import { surveyTypes } from 'hearback/receiver';
import { surveyTypeProblem } from '../surveys/survey-type-choice';

/** The survey types a link can ask; the SDK's built-in types. */
export const linkSurveyTypes = surveyTypes;

/**
 * Query parameters the survey page reads itself, so no owner may name a context key after them:
 * `lang` picks the language, `debug` shows the page's debug panel, `channel` is always `link`,
 * `sig` signs a single-use link's fields (`link-signer.ts`), and `t` and `recipient` are a one-tap
 * email or SMS link's recipient (`src/one-tap/`).
 */
export const reservedContextKeys = ['channel', 'lang', 'debug', 'sig', 't', 'recipient'] as const;

/** The context key that makes a single-use link single-use: one answer per survey and order. */
export const orderKey = 'order';

/** Most context keys one survey may allow (besides `order`). */
export const maxContextKeys = 8;

const contextKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,31}$/, 'must start with a-z and use only a-z, 0-9 and _ (at most 32 characters)')
  .refine((key) => !(reservedContextKeys as readonly string[]).includes(key), {
    message: `is reserved by the survey page (${reservedContextKeys.join(', ')})`,
  });

const questionText = z.string().trim().max(300, 'must be at most 300 characters');

/** A survey the owner defines for links: what it asks, which link fields it keeps, single-use or not. */
export const linkSurveySchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'must be 1–48 characters of a-z, 0-9 and -, starting with a letter or digit'),
  type: z.enum(linkSurveyTypes, { message: surveyTypeProblem() }),
  question: z.object({ en: questionText.optional(), th: questionText.optional() }),
  contextKeys: z
    .array(contextKey)
    .max(maxContextKeys, `at most ${maxContextKeys} keys`)
    .refine((keys) => new Set(keys).size === keys.length, { message: 'lists a key twice' }),
  singleUse: z.boolean(),
});

export type LinkSurvey = z.infer<typeof linkSurveySchema>;

/**
 * The keys a link for this survey may carry into the answer's context: the owner's keys, plus
 * `order` when the survey is single-use (it is what makes it single-use).
 */
export function allowedLinkKeys(survey: Pick<LinkSurvey, 'contextKeys' | 'singleUse'>): string[] {
  const keys = survey.contextKeys.filter((key) => key !== orderKey);
  return survey.singleUse ? [...keys, orderKey] : survey.contextKeys.slice();
}
