import type { Session } from './session';

/** Page elements that use Escape themselves (fields, page dialogs and menus): Escape there is theirs. */
const ownEscape = 'input,textarea,select,[contenteditable],dialog,[role=dialog],[role=alertdialog],[aria-modal],[role=combobox],[role=listbox],[role=menu]';

const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * The prompt and the page around it. For a popup (WCAG 2.2 2.4.11, Focus Not Obscured): while the
 * visitor's focus is on page content the panel covers, the panel minimises itself (and the small tab
 * moves to the top edge if it covers that content too) until focus moves to content outside the
 * panel's place; Escape pressed on the page closes it, unless a field, menu or page dialog has focus.
 * In every mode, closing with focus inside the prompt returns focus to where it was on the page.
 * Returns `stop(remove)`: ends the watch, runs `remove` (which takes the prompt out), then moves focus back.
 */
export function watchPage(host: HTMLElement, session: Session) {
  let back = document.activeElement;
  /** Where the panel was when it minimised itself; undefined when the visitor minimised it. */
  let covered: DOMRect | undefined;
  const popup = session.mode === 'popup';

  const check = (target: Element) => {
    const place = target.getBoundingClientRect();
    const shown = host.shadowRoot?.querySelector('.panel,.pill')?.getBoundingClientRect();
    const over = !!shown && overlap(shown, place);
    if (!session.minimised.value) {
      covered = over ? shown : undefined;
      if (!over) return;
      session.minimise();
      // The tab may cover it too: look again once it is drawn.
      setTimeout(() => target === document.activeElement && check(target));
    } else if (over) session.lifted.value = !session.lifted.value;
    else if (covered && !overlap(covered, place)) {
      covered = undefined;
      session.restore(false);
    }
  };
  const onFocus = (event: FocusEvent) => {
    const { target } = event;
    if (!(target instanceof Element) || event.composedPath().includes(host)) return;
    back = target;
    if (popup) check(target);
  };
  const onKey = (event: KeyboardEvent) => {
    const target = event.target as Element;
    if (event.key === 'Escape' && popup && !event.defaultPrevented && !event.composedPath().includes(host) && !target.closest?.(ownEscape)) session.close();
  };
  document.addEventListener('focusin', onFocus);
  document.addEventListener('keydown', onKey);

  return (remove: () => void) => {
    document.removeEventListener('focusin', onFocus);
    document.removeEventListener('keydown', onKey);
    const inside = !!host.shadowRoot?.activeElement;
    remove();
    if (inside && back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
  };
}
