import { checkContextValue, maxContextValueLength, type ContextValueProblem } from './context-value';
import type { LinkSigner } from './link-signer';
import { allowedLinkKeys, orderKey, type LinkSurvey } from './link-survey';
import { surveyLink } from './link-url';

/** A link made: its address and, for a single-use survey, the `sig` it carries. */
export type MadeLink = { ok: true; url: string; sig?: string } | { ok: false; problems: string[] };

const valueRule: Record<ContextValueProblem, string> = {
  empty: 'is empty',
  'too-long': `is longer than ${maxContextValueLength} characters`,
  characters: 'may hold only letters, digits, spaces and . _ - / #',
};

/**
 * The address of a survey's link with these (already checked) fields: for a single-use survey
 * whose fields include its order, signed — `sig` goes last, after the fields in their order.
 */
export async function signedSurveyLink(signer: LinkSigner, publicUrl: string, survey: LinkSurvey, fields: Record<string, string>): Promise<{ url: string; sig?: string }> {
  if (!survey.singleUse || !fields[orderKey]) return { url: surveyLink(publicUrl, survey.id, fields) };
  const sig = await signer.sign(survey.id, fields);
  return { url: surveyLink(publicUrl, survey.id, { ...fields, sig }), sig };
}

/**
 * A link for automation (`POST /api/links`, `hearback-collector link`): every field must be one
 * the survey keeps, with a value the survey page accepts (trimmed and NFC-composed first, as the
 * page reads it), and a single-use survey's link needs its order. Each refusal names its field.
 */
export async function makeSurveyLink(signer: LinkSigner, publicUrl: string, survey: LinkSurvey, given: Record<string, string>): Promise<MadeLink> {
  const allowed = allowedLinkKeys(survey);
  const problems: string[] = [];
  const fields: Record<string, string> = {};
  for (const [key, raw] of Object.entries(given)) {
    if (!allowed.includes(key)) {
      problems.push(`fields.${key}: survey "${survey.id}" takes no field "${key}" (its fields: ${allowed.join(', ') || 'none'})`);
      continue;
    }
    const value = raw.normalize('NFC').trim();
    const problem = checkContextValue(value);
    if (problem) problems.push(`fields.${key}: ${JSON.stringify(raw)} ${valueRule[problem]}`);
    else fields[key] = value;
  }
  if (survey.singleUse && !(orderKey in given)) {
    problems.push(`fields.${orderKey}: survey "${survey.id}" takes one answer per order, so its links need the order (e.g. the receipt number)`);
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, ...(await signedSurveyLink(signer, publicUrl, survey, fields)) };
}
