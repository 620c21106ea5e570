import type { Stop } from './delay';

const sentinelKey = 'hearbackExitSentinel';

/**
 * Calls `fire` once when the visitor seems about to leave.
 * - Desktop: the pointer leaves the page through the top edge (toward the tabs and address bar).
 * - Touch devices (`pointer: coarse`): a fast scroll up (a quarter of the viewport within 250 ms,
 *   after scrolling at least one screen down), or a press of Back. Back is caught with a sentinel
 *   history entry on the same URL that keeps the page's own `history.state`, pushed only after the
 *   first touch (Chrome skips entries added without a user gesture), so Back costs one extra press
 *   exactly once. The sentinel goes through `History.prototype.pushState`, bypassing SPA routers'
 *   and analytics' patches, so nobody counts it as a navigation. Stopping while the sentinel is the
 *   current entry steps back off it.
 */
export function watchExitIntent(win: Window, fire: () => void, now: () => number = Date.now): Stop {
  const { document: doc, history } = win;
  const coarse = !!win.matchMedia?.('(pointer: coarse)').matches;
  let lastY = win.scrollY;
  let deepest = lastY;
  let runFrom: [number, number] | undefined;
  let pushed = false;

  const once = () => {
    stop();
    fire();
  };
  const onMouseOut = (event: MouseEvent) => {
    if (!event.relatedTarget && event.clientY <= 0) once();
  };
  const onScroll = () => {
    const y = win.scrollY;
    const t = now();
    deepest = Math.max(deepest, y);
    if (y >= lastY) runFrom = undefined;
    else if (!runFrom) runFrom = [lastY, t];
    lastY = y;
    if (runFrom && deepest >= win.innerHeight && runFrom[0] - y >= win.innerHeight / 4 && t - runFrom[1] <= 250) once();
  };
  const onSentinel = () => !!(history.state as Record<string, unknown> | null)?.[sentinelKey];
  const pushSentinel = () => {
    const state: unknown = history.state;
    if (state !== null && typeof state !== 'object') return;
    (Object.getPrototypeOf(history) as History).pushState.call(history, { ...(state as object), [sentinelKey]: 1 }, '', win.location.href);
    pushed = true;
    win.addEventListener('popstate', onPop);
  };
  const onPop = () => {
    if (onSentinel()) return;
    pushed = false;
    once();
  };

  const stop = () => {
    doc.removeEventListener('mouseout', onMouseOut);
    win.removeEventListener('scroll', onScroll);
    win.removeEventListener('touchend', pushSentinel);
    win.removeEventListener('popstate', onPop);
    if (pushed && onSentinel()) history.back();
    pushed = false;
  };

  doc.addEventListener('mouseout', onMouseOut);
  if (coarse) {
    win.addEventListener('scroll', onScroll, { passive: true });
    win.addEventListener('touchend', pushSentinel, { once: true, passive: true });
  }
  return stop;
}
