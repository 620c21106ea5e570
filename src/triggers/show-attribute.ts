import type { Stop } from './delay';
import { watchClicks } from './click-selector';

/** Calls `fire(id)` for clicks on `<button data-hearback-show="SURVEY_ID">` (or inside one). */
export function watchShowAttribute(doc: Document, fire: (surveyId: string) => void): Stop {
  return watchClicks(doc, '[data-hearback-show]', (element) => fire(element.getAttribute('data-hearback-show') ?? ''), () => undefined);
}
