import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Window } from 'happy-dom';
import { click, page, scrollTo, settle } from './fixtures';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('event trigger', () => {
  it('fires on a tracked event name, or any name of a list', async () => {
    const { triggers, fires, ids } = page({
      surveys: [
        { id: 'after-checkout', type: 'csat', trigger: { event: 'checkout' } },
        { id: 'after-help', type: 'ces', trigger: { event: ['chat_closed', 'ticket_solved'] } },
      ],
    });
    triggers.track('page_view');
    triggers.track('checkout', { orderId: 'A17' });
    triggers.track('ticket_solved');
    await settle();
    expect(ids()).toEqual(['after-checkout', 'after-help']);
    expect(fires[0]).toEqual({ survey: 'after-checkout', cause: 'event', takeFocus: false });
  });

  it('passes the plain data of the props to the prompt it opens, warning once about what it left out', async () => {
    const { triggers, contexts, log, win } = page({
      surveys: [
        { id: 'after-checkout', type: 'csat', trigger: { event: 'checkout' } },
        { id: 'also-checkout', type: 'nps', trigger: { event: 'checkout' } },
      ],
    });
    const button = win.document.createElement('button');
    triggers.track('checkout', { orderId: 'A17', total: 12.5, at: new Date('2026-11-23T10:00:00Z'), el: button, onDone: () => 1, tags: ['x'] });
    triggers.track('page_view', { el: button });
    await settle();
    const expected = { orderId: 'A17', total: 12.5, at: '2026-11-23T10:00:00.000Z', tags: ['x'] };
    expect(contexts).toEqual([expected, expected]);
    expect(log.warnings).toEqual([
      'track("checkout") props: left out el, onDone (not plain data: only strings, numbers, booleans, null, lists and plain objects go into an answer)',
    ]);
  });

  it('attaches no props that are too big or too deep, and says so', async () => {
    const { triggers, contexts, log } = page({ surveys: [{ id: 'c', type: 'csat', trigger: { event: 'checkout' } }] });
    triggers.track('checkout', { cart: 'x'.repeat(5000) });
    triggers.track('checkout', { a: { b: { c: { d: { e: { f: 1 } } } } } });
    await settle();
    expect(contexts).toEqual([undefined, undefined]);
    expect(log.warnings).toEqual([
      'track("checkout") props not attached to the answer: it must be at most 4,096 bytes as JSON (is 5,011)',
      'track("checkout") props not attached to the answer: it must be nested at most 5 levels deep',
    ]);
  });

  it('does not lose events tracked right after start (stub queue), even while page views load', async () => {
    const { triggers, ids } = page({ surveys: [{ id: 'c', type: 'csat', trigger: { event: 'checkout', pageViews: 1 } }] });
    triggers.track('checkout');
    await settle();
    expect(ids()).toEqual(['c']);
  });
});

describe('delay trigger', () => {
  it('fires N seconds after start, once', async () => {
    const { ids } = page({ surveys: [{ id: 'nps', type: 'nps', trigger: { delay: 30 } }] });
    await vi.advanceTimersByTimeAsync(29_000);
    expect(ids()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(ids()).toEqual(['nps']);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(ids()).toEqual(['nps']);
  });

  it('never fires after destroy()', async () => {
    const { triggers, ids } = page({ surveys: [{ id: 'nps', type: 'nps', trigger: { delay: 5 } }] });
    await settle();
    triggers.destroy();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(ids()).toEqual([]);
  });
});

describe('scroll depth trigger', () => {
  it('fires once the visitor has seen the given share of the page', async () => {
    const { win, ids, fires } = page({ surveys: [{ id: 'read', type: 'csat', trigger: { scroll: 50 } }] });
    await settle();
    scrollTo(win, 500); // (500 + 768) / 3000 = 42%
    expect(ids()).toEqual([]);
    scrollTo(win, 800); // 52%
    scrollTo(win, 2000);
    expect(fires).toEqual([{ survey: 'read', cause: 'scroll', takeFocus: false }]);
  });
});

describe('exit intent trigger', () => {
  const mouseOut = (win: Window, clientY: number) =>
    win.document.dispatchEvent(new win.MouseEvent('mouseout', { clientY, bubbles: true }));

  it('fires when the pointer leaves through the top of the page (desktop), once', async () => {
    const { win, fires } = page({ surveys: [{ id: 'leaving', type: 'nps', trigger: { exitIntent: true } }] });
    await settle();
    mouseOut(win, 400); // leaving sideways or into an iframe is not exit intent
    expect(fires).toEqual([]);
    mouseOut(win, -2);
    mouseOut(win, -5);
    expect(fires).toEqual([{ survey: 'leaving', cause: 'exitIntent', takeFocus: false }]);
  });

  it('fires on a fast scroll up on touch devices, not on a slow one', async () => {
    const touch = (url: string) => {
      const p = page({ surveys: [{ id: 'leaving', type: 'nps', trigger: { exitIntent: true } }] }, { url });
      Object.assign(p.win, { matchMedia: (query: string) => ({ matches: query === '(pointer: coarse)' }) });
      return p;
    };
    const fast = touch('https://shop.test/');
    await settle();
    scrollTo(fast.win, 2000);
    await vi.advanceTimersByTimeAsync(1000);
    scrollTo(fast.win, 1900);
    await vi.advanceTimersByTimeAsync(100);
    scrollTo(fast.win, 1600);
    expect(fast.ids()).toEqual(['leaving']);

    const slow = touch('https://shop.test/');
    await settle();
    scrollTo(slow.win, 2000);
    for (let y = 1900; y > 1000; y -= 100) {
      await vi.advanceTimersByTimeAsync(400);
      scrollTo(slow.win, y);
    }
    expect(slow.ids()).toEqual([]);
  });
});

describe('selector trigger', () => {
  it('fires on clicks inside matching elements and asks for focus', async () => {
    const { win, fires } = page({ surveys: [{ id: 'done', type: 'ces', trigger: { selector: '.task-done' } }] });
    win.document.body.innerHTML = '<button class="task-done"><span>Done</span></button><button class="other">Other</button>';
    await settle();
    click(win, '.other');
    expect(fires).toEqual([]);
    click(win, '.task-done span');
    expect(fires).toEqual([{ survey: 'done', cause: 'selector', takeFocus: true }]);
  });

  it('reports an invalid selector once instead of throwing into the page', async () => {
    const { win, log, fires } = page({ surveys: [{ id: 'done', type: 'ces', trigger: { selector: 'button[' } }] });
    win.document.body.innerHTML = '<button>Go</button>';
    await settle();
    expect(() => (click(win, 'button'), click(win, 'button'))).not.toThrow();
    expect(fires).toEqual([]);
    expect(log.errors).toEqual(['done: trigger.selector must be a valid CSS selector (got button[)']);
  });
});

describe('data-hearback-show attribute', () => {
  it('shows a configured survey or a built-in type on click, with focus', async () => {
    const { win, fires, log } = page({ surveys: [{ id: 'after-checkout', type: 'csat', trigger: { event: 'checkout' } }] });
    win.document.body.innerHTML =
      '<button data-hearback-show="after-checkout">Feedback</button><button data-hearback-show="nps">Rate us</button><button data-hearback-show="nope">?</button>';
    for (const id of ['after-checkout', 'nps', 'nope']) click(win, `[data-hearback-show="${id}"]`);
    expect(fires).toEqual([
      { survey: 'after-checkout', cause: 'attribute', takeFocus: true },
      { survey: 'nps', cause: 'attribute', takeFocus: true },
    ]);
    expect(log.errors[0]).toBe('data-hearback-show="nope": no such survey (nor nps, csat, ces)');
  });

  it('stops listening on destroy()', () => {
    const { win, fires, triggers } = page({});
    win.document.body.innerHTML = '<button data-hearback-show="nps">Rate us</button>';
    triggers.destroy();
    click(win, 'button');
    expect(fires).toEqual([]);
  });
});

describe('a survey without trigger', () => {
  it('never shows by itself', async () => {
    const { triggers, win, ids } = page({ surveys: [{ id: 'manual', type: 'nps' }, { id: 'empty', type: 'nps', trigger: {} }] });
    triggers.track('manual');
    scrollTo(win, 2900);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(ids()).toEqual([]);
  });
});
