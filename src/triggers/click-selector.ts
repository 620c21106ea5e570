import type { Stop } from './delay';

/**
 * One delegated click listener on the document (capture phase, so a host handler calling
 * stopPropagation does not hide the click): `fire` for each click inside an element matching
 * `selector`. An invalid selector is reported once through `onInvalid` and then ignored.
 */
export function watchClicks(doc: Document, selector: string, fire: (element: Element) => void, onInvalid: (error: unknown) => void): Stop {
  const onClick = (event: Event) => {
    let element: Element | null = null;
    try {
      element = (event.target as Element | null)?.closest?.(selector) ?? null;
    } catch (error) {
      stop();
      return onInvalid(error);
    }
    if (element) fire(element);
  };
  const stop = () => doc.removeEventListener('click', onClick, true);
  doc.addEventListener('click', onClick, true);
  return stop;
}
