import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Window } from 'happy-dom';
import { page, settle } from './fixtures';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const options = { dataLayer: true, surveys: [{ id: 'after-purchase', type: 'csat', trigger: { event: 'purchase' } }] };
type WithLayer = Window & { dataLayer: unknown[] };
const withLayer = () => new Window({ url: 'https://shop.test/' }) as WithLayer;

describe('dataLayer bridge', () => {
  it('replays events pushed before load, once', async () => {
    const win = withLayer();
    win.dataLayer = [{ 'gtm.start': 1, event: 'gtm.js' }, { event: 'purchase', ecommerce: { value: 10 } }];
    const { ids } = page(options, { win });
    await settle();
    expect(ids()).toEqual(['after-purchase']);
  });

  it('turns later GTM pushes and gtag() calls into track() events, keeping the array and push working', async () => {
    const win = withLayer();
    const layer: unknown[] = [];
    const gtmSaw: unknown[] = [];
    win.dataLayer = layer;
    (layer as { push: (...items: unknown[]) => number }).push = function (...items: unknown[]) {
      gtmSaw.push(...items);
      return Array.prototype.push.apply(this, items);
    };
    const { ids } = page(options, { win });
    expect(win.dataLayer.push({ event: 'purchase', ecommerce: { transaction_id: 'T1' } })).toBe(1);
    function gtag(..._args: unknown[]) {
      // eslint-disable-next-line prefer-rest-params
      win.dataLayer.push(arguments);
    }
    gtag('event', 'purchase', { value: 3 });
    gtag('config', 'G-XXXX');
    await settle();
    expect(ids()).toEqual(['after-purchase', 'after-purchase']);
    expect(win.dataLayer).toBe(layer);
    expect(layer).toHaveLength(3);
    expect(gtmSaw).toHaveLength(3);
  });

  it('creates window.dataLayer when missing, and restores push on destroy()', async () => {
    const win = withLayer();
    const { ids, triggers } = page(options, { win });
    expect(Array.isArray(win.dataLayer)).toBe(true);
    triggers.destroy();
    expect(Object.prototype.hasOwnProperty.call(win.dataLayer, 'push')).toBe(false);
    win.dataLayer.push({ event: 'purchase' });
    await settle();
    expect(ids()).toEqual([]);
  });

  it('stays off without dataLayer: true', async () => {
    const win = withLayer();
    win.dataLayer = [{ event: 'purchase' }];
    const { ids } = page({ ...options, dataLayer: false }, { win });
    win.dataLayer.push({ event: 'purchase' });
    await settle();
    expect(ids()).toEqual([]);
  });
});
