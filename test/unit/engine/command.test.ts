import { describe, expect, it, vi } from 'vitest';
import { createCommandFunction } from '../../../src/engine/command';
import type { Hearback } from '../../../src/engine/hearback-types';

function recordingInstance(calls: string[]): Hearback {
  return {
    show: async (id) => (calls.push('show ' + id), true),
    track: (event) => void calls.push('track ' + event),
    identify: (id) => void calls.push('identify ' + id),
    on: (event) => (calls.push('on ' + event), () => undefined),
    off: (event) => void calls.push('off ' + event),
    flush: async () => void calls.push('flush'),
    consent: (granted) => void calls.push('consent ' + granted),
    status: () => ({ pending: 3, storage: 'indexeddb' }),
    destroy: () => void calls.push('destroy'),
  };
}

/** Runs init at once, so these tests read in order; the default (its own task) is tested below. */
const now = (work: () => void) => work();

describe('command function (stub queue and hearback(cmd, …))', () => {
  it('keeps calls made before init, in order, and runs them after init', async () => {
    const calls: string[] = [];
    const hearback = createCommandFunction((options) => (calls.push('init ' + JSON.stringify(options)), recordingInstance(calls)), '0.1.0', now);
    hearback('track', 'checkout');
    const shown = hearback('show', 'nps');
    hearback('identify', 'u-1');
    expect(calls).toEqual([]);
    hearback('init', { endpoint: 'https://e.com' });
    expect(await shown).toBe(true);
    expect(calls).toEqual(['init {"endpoint":"https://e.com"}', 'track checkout', 'show nps', 'identify u-1']);
  });

  it('returns Promises for commands with a result', async () => {
    const hearback = createCommandFunction(() => recordingInstance([]), '0.1.0', now);
    hearback('init', { endpoint: 'https://e.com' });
    await expect(hearback('show', 'nps')).resolves.toBe(true);
    await expect(hearback('flush')).resolves.toBeUndefined();
    await expect(hearback('status')).resolves.toEqual({ pending: 3, storage: 'indexeddb' });
    expect(hearback('track', 'x')).toBeUndefined();
  });

  it('reports unknown commands and a second init without throwing', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const calls: string[] = [];
    const hearback = createCommandFunction(() => recordingInstance(calls), '0.1.0', now);
    expect(() => (hearback as unknown as (c: string) => void)('sho')).not.toThrow();
    expect(error).toHaveBeenCalledWith('hearback: unknown command "sho"; commands are init, show, track, identify, on, off, flush, consent, status, destroy');
    hearback('init', { endpoint: 'https://e.com' });
    hearback('init', { endpoint: 'https://e.com' });
    expect(calls).toEqual(['destroy']);
    expect(warn).toHaveBeenCalledWith('hearback: init called again: the previous instance was destroyed and replaced');
    vi.restoreAllMocks();
  });

  it('by default starts in a task of its own, and calls made meanwhile keep their order', async () => {
    const calls: string[] = [];
    const hearback = createCommandFunction(() => (calls.push('init'), recordingInstance(calls)), '0.1.0');
    hearback('track', 'queued-before-init');
    hearback('init', { endpoint: 'https://e.com' });
    hearback('track', 'right-after-init');
    expect(calls).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toEqual(['init', 'track queued-before-init', 'track right-after-init']);
    hearback('track', 'later');
    expect(calls.at(-1)).toBe('track later');
  });

  it('by default an init with nothing queued behind it waits for idle time (no page work at load)', async () => {
    vi.useFakeTimers();
    try {
      const calls: string[] = [];
      const hearback = createCommandFunction(() => (calls.push('init'), recordingInstance(calls)), '0.1.0');
      hearback('init', { endpoint: 'https://e.com' });
      await vi.advanceTimersByTimeAsync(10);
      expect(calls).toEqual([]);
      await vi.advanceTimersByTimeAsync(1500); // no requestIdleCallback here: the fallback timer
      expect(calls).toEqual(['init']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('an init behind one that started nothing (a tag without data-* options) is hurried by a command already waiting behind it', async () => {
    vi.useFakeTimers();
    try {
      const calls: string[] = [];
      const hearback = createCommandFunction((options) => (options === 'nothing' ? undefined : (calls.push('init'), recordingInstance(calls))), '0.1.0');
      hearback('init', 'nothing' as never);
      hearback('init', { endpoint: 'https://e.com' });
      hearback('track', 'checkout');
      await vi.advanceTimersByTimeAsync(10); // idle time (the fallback timer here) is 500 ms away
      expect(calls).toEqual(['init', 'track checkout']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a start that takes time (the engine chunk): calls queue behind it; one that cannot load keeps init and the calls, and the next command tries again', async () => {
    const calls: string[] = [];
    let reachable = false;
    const start = vi.fn(async () => {
      if (!reachable) throw new Error('offline');
      calls.push('init');
      return recordingInstance(calls);
    });
    const debug = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const hearback = createCommandFunction(start, '0.1.0', now);
    hearback('init', { endpoint: 'https://e.com' });
    const shown = hearback('show', 'nps');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toEqual([]);
    expect(error).not.toHaveBeenCalled();
    reachable = true;
    hearback('track', 'checkout');
    expect(await shown).toBe(true);
    expect(calls).toEqual(['init', 'show nps', 'track checkout']);
    expect(start).toHaveBeenCalledTimes(2);
    debug.mockRestore();
    error.mockRestore();
  });
});
