import { safeParse } from '../common/shielded';
import { atLeast, whole } from '../config/checks';
import { lazy } from '../common/lazy';
import type { KeyValueStore } from '../storage/key-value-store';

const pageViewsKey = 'state:pageViews';
const countSchema = lazy(() => whole().check(atLeast(0)));

/**
 * Counts one page view (a page load, or an SPA route change to another path) and returns the
 * total so far on this device. A missing or corrupt count starts again from zero.
 */
export async function countPageView(store: KeyValueStore): Promise<number> {
  const stored = safeParse(countSchema(), await store.get(pageViewsKey));
  const views = (stored.success ? stored.data : 0) + 1;
  await store.set(pageViewsKey, views);
  return views;
}
