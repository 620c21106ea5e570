import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStore } from '../../../src/storage/memory-store';
import { page, settle } from './fixtures';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('url and pageViews conditions', () => {
  it('shows a condition-only survey when the page matches at load', async () => {
    const thanks = page({ surveys: [{ id: 'thanks', type: 'csat', trigger: { url: '/checkout/done' } }] }, { url: 'https://shop.test/checkout/done' });
    const other = page({ surveys: [{ id: 'thanks', type: 'csat', trigger: { url: '/checkout/done' } }] }, { url: 'https://shop.test/cart' });
    await settle();
    expect(thanks.fires).toEqual([{ survey: 'thanks', cause: 'url', takeFocus: false }]);
    expect(other.fires).toEqual([]);
  });

  it('ignores moments while the url rule does not hold', async () => {
    const survey = { id: 'c', type: 'csat', trigger: { url: { prefix: '/shop' }, event: 'checkout', delay: 5 } };
    const off = page({ surveys: [survey] }, { url: 'https://shop.test/blog' });
    const on = page({ surveys: [survey] }, { url: 'https://shop.test/shop/cart' });
    off.triggers.track('checkout');
    on.triggers.track('checkout');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(off.ids()).toEqual([]);
    expect(on.fires.map((f) => f.cause)).toEqual(['event', 'delay']);
  });

  it('shows on the 3rd page view and after, counted across page loads', async () => {
    const store = createMemoryStore();
    const options = { surveys: [{ id: 'loyal', type: 'nps', trigger: { pageViews: 3 } }] };
    const loads = [];
    for (let load = 1; load <= 4; load++) {
      const p = page(options, { store });
      await settle();
      loads.push(p.fires.map((f) => f.cause));
    }
    expect(loads).toEqual([[], [], ['pageViews'], ['pageViews']]);
    expect(await store.get('state:pageViews')).toBe(4);
  });

  it('combines pageViews with a moment: the delay starts once the count is reached', async () => {
    const store = createMemoryStore();
    const options = { surveys: [{ id: 'n', type: 'nps', trigger: { pageViews: 2, delay: 10 } }] };
    const first = page(options, { store });
    await vi.advanceTimersByTimeAsync(20_000);
    const second = page(options, { store });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(first.ids()).toEqual([]);
    expect(second.fires).toEqual([{ survey: 'n', cause: 'delay', takeFocus: false }]);
  });

  it('restarts a corrupt page-view count instead of failing', async () => {
    const store = createMemoryStore();
    await store.set('state:pageViews', 'many');
    const p = page({ surveys: [{ id: 'n', type: 'nps', trigger: { pageViews: 1 } }] }, { store });
    await settle();
    expect(p.ids()).toEqual(['n']);
    expect(await store.get('state:pageViews')).toBe(1);
  });
});

describe('single-page apps', () => {
  const spa = { surveys: [{ id: 'shop', type: 'csat', trigger: { url: '/shop/**', delay: 10 } }] };

  it('cancels a pending delay when the route leaves the matching pages', async () => {
    const { win, ids } = page(spa, { url: 'https://shop.test/shop/cart' });
    await vi.advanceTimersByTimeAsync(5_000);
    win.history.pushState({}, '', '/blog/post');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ids()).toEqual([]);
  });

  it('arms the survey when the route enters the matching pages (pushState, replaceState, Back)', async () => {
    const { win, fires } = page(spa, { url: 'https://shop.test/' });
    await settle();
    win.history.pushState({}, '', '/shop/shoes');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fires).toEqual([{ survey: 'shop', cause: 'delay', takeFocus: false }]);
    win.history.replaceState({}, '', '/about');
    await settle();
    win.history.replaceState({}, '', '/shop/hats');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fires).toHaveLength(2);
    win.history.pushState({}, '', '/about');
    await settle();
    // Back to /shop/hats: browsers set the URL, then fire popstate.
    win.history.replaceState = Object.getPrototypeOf(win.history).replaceState; // emulate the URL change without our wrapper
    win.history.replaceState({}, '', '/shop/hats');
    win.dispatchEvent(new win.PopStateEvent('popstate', { state: {} }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fires).toHaveLength(3);
  });

  it('counts SPA route changes to another path as page views', async () => {
    const { win, ids } = page({ surveys: [{ id: 'third', type: 'nps', trigger: { pageViews: 3 } }] });
    await settle();
    win.history.pushState({}, '', '/a');
    win.history.pushState({}, '', '/a?tab=2'); // same path: not a page view
    await settle();
    expect(ids()).toEqual([]);
    win.history.pushState({}, '', '/b');
    await settle();
    expect(ids()).toEqual(['third']);
  });

  it('leaves history unpatched after destroy()', async () => {
    const { win, triggers } = page(spa);
    const prototype = Object.getPrototypeOf(win.history);
    expect(win.history.pushState).not.toBe(prototype.pushState);
    triggers.destroy();
    expect(win.history.pushState).toBe(prototype.pushState);
    expect(Object.prototype.hasOwnProperty.call(win.history, 'pushState')).toBe(false);
    expect(Object.prototype.hasOwnProperty.call(win.history, 'replaceState')).toBe(false);
  });

  it('keeps a later wrapper (a router, analytics) working after destroy()', async () => {
    const { win, triggers, ids } = page(spa, { url: 'https://shop.test/' });
    const seen: string[] = [];
    const ours = win.history.pushState;
    win.history.pushState = function (this: unknown, state: unknown, title: string, url?: string) {
      seen.push(String(url));
      return ours.call(win.history, state, title, url);
    };
    triggers.destroy();
    win.history.pushState({}, '', '/shop/x');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(seen).toEqual(['/shop/x']);
    expect(win.location.pathname).toBe('/shop/x');
    expect(ids()).toEqual([]);
  });

  it('does not patch history when no survey has a url or pageViews rule', () => {
    const { win } = page({ surveys: [{ id: 'e', type: 'csat', trigger: { event: 'x' } }] });
    expect(Object.prototype.hasOwnProperty.call(win.history, 'pushState')).toBe(false);
  });
});
