import type { Stop } from './delay';

type Method = 'pushState' | 'replaceState';

/**
 * Calls `onChange` after each route change of a single-page app: `history.pushState`,
 * `history.replaceState` or Back/Forward (`popstate`) that changes path or query. Hash changes are
 * not route changes here. Stopping restores each method only if it is still our wrapper; if
 * someone wrapped it after us, restoring would drop their wrapper, so ours stays as a pass-through.
 */
export function watchRoutes(win: Window, onChange: () => void): Stop {
  const { history, location } = win;
  let active = true;
  let last = location.pathname + location.search;
  const check = () => {
    const now = location.pathname + location.search;
    if (active && now !== last) {
      last = now;
      onChange();
    }
  };
  const restores = (['pushState', 'replaceState'] as Method[]).map((method) => {
    const own = Object.prototype.hasOwnProperty.call(history, method);
    const original = history[method];
    const wrapper = function (this: History, ...args: Parameters<History[Method]>) {
      const result = original.apply(this, args);
      check();
      return result;
    };
    history[method] = wrapper;
    return () => {
      if (history[method] !== wrapper) return;
      if (own) history[method] = original;
      else delete (history as Partial<History>)[method];
    };
  });
  win.addEventListener('popstate', check);
  return () => {
    active = false;
    win.removeEventListener('popstate', check);
    restores.forEach((restore) => restore());
  };
}
