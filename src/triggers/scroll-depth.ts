import type { Stop } from './delay';

/**
 * Calls `fire` once when the visitor has scrolled so that `percent` of the page height has been in
 * view ((scrollY + innerHeight) / scrollHeight). Checked on scroll only: a page too short to scroll
 * never fires.
 */
export function watchScrollDepth(win: Window, percent: number, fire: () => void): Stop {
  const onScroll = () => {
    const page = win.document.documentElement.scrollHeight;
    if (page > 0 && ((win.scrollY + win.innerHeight) / page) * 100 >= percent) {
      stop();
      fire();
    }
  };
  const stop = () => win.removeEventListener('scroll', onScroll);
  win.addEventListener('scroll', onScroll, { passive: true });
  return stop;
}
