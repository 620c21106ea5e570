import { checkContextValue } from './link-context';
import { allowedLinkKeys, type LinkSurvey } from './link-survey';

/**
 * The link fields the owner filled in on the link builder (a GET form): every key the survey
 * allows with what was typed (`fields`), those that make the link (`valid`: trimmed,
 * NFC-composed, checked like the survey page checks them), those refused (`badFields`), and the
 * valid ones as a query string (`?branch=…`, empty when none).
 */
export function linkFields(params: URLSearchParams, survey: Pick<LinkSurvey, 'contextKeys' | 'singleUse'>) {
  const fields: Record<string, string> = {};
  const valid: Record<string, string> = {};
  const badFields: string[] = [];
  for (const key of allowedLinkKeys(survey)) {
    const value = (params.get(key) ?? '').normalize('NFC').trim();
    fields[key] = value;
    if (value === '') continue;
    if (checkContextValue(value)) badFields.push(key);
    else valid[key] = value;
  }
  const query = new URLSearchParams(valid).toString();
  return { fields, valid, badFields, query: query ? `?${query}` : '' };
}
