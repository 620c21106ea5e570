import type { Survey } from '../config/survey-schema';
import { pageUrl } from '../payload/build-answer';
import type { ShownEntry } from './shown-report';

/** What `shownUrl` hears of one prompt: never the user; `url` without query and fragment unless `sendFullUrl`. */
export function shownEntry(survey: Survey, locale: string, context: Record<string, unknown>, sendFullUrl: boolean, href = location.href, now = new Date()): ShownEntry {
  return {
    survey: survey.id,
    type: survey.type,
    mode: survey.mode ?? 'popup',
    locale,
    url: sendFullUrl ? href : pageUrl(href),
    ...(Object.keys(context).length ? { context } : {}),
    at: now.toISOString(),
  };
}
