import type { Stop } from './delay';

type Track = (event: string, props?: Record<string, unknown>) => void;
type DataLayer = unknown[] & { push: (...items: unknown[]) => number };

/**
 * Feeds `window.dataLayer` events to `track`: GTM objects (`{ event: 'purchase', ecommerce }`, the
 * whole object as props) and gtag calls (`gtag('event', 'purchase', params)` pushes its
 * `arguments`). Entries pushed before load are replayed once. `push` is wrapped, never replaced:
 * the array stays the same and the original push (GTM's own, if GTM loaded first) still runs first.
 * Stopping restores it if nobody wrapped it after us, otherwise leaves a pass-through.
 */
export function bridgeDataLayer(win: Window, track: Track): Stop {
  const host = win as unknown as { dataLayer?: unknown };
  if (!Array.isArray(host.dataLayer)) host.dataLayer = [];
  const layer = host.dataLayer as DataLayer;
  let active = true;
  const forward = (item: unknown) => {
    const entry = item as Record<string | number, unknown> | null;
    if (!active || !entry || typeof entry !== 'object') return;
    if (typeof entry.event === 'string') track(entry.event, ownProps(entry));
    else if (entry[0] === 'event' && typeof entry[1] === 'string') track(entry[1], plain(entry[2]));
  };
  const own = Object.prototype.hasOwnProperty.call(layer, 'push');
  const original = layer.push;
  const wrapper = function (this: unknown, ...items: unknown[]) {
    const result = original.apply(this, items);
    try {
      items.forEach(forward);
    } catch {
      /* never break the tag manager's push */
    }
    return result;
  };
  layer.slice().forEach(forward);
  layer.push = wrapper;
  return () => {
    active = false;
    if (layer.push !== wrapper) return;
    if (own) layer.push = original;
    else delete (layer as Partial<DataLayer>).push;
  };
}

/** A GTM object without its event name and GTM's own bookkeeping (`gtm.uniqueEventId`, …). */
function ownProps(entry: Record<string, unknown>): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const key of Object.keys(entry)) if (key !== 'event' && !key.startsWith('gtm.')) props[key] = entry[key];
  return props;
}

function plain(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' ? { ...value } : undefined;
}
