import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ShowDecision } from '../../../src/rules/rule-types';
import type { KeyValueStore } from '../../../src/storage/key-value-store';
import { createMemoryStore } from '../../../src/storage/memory-store';
import { setup } from './fixtures';

afterEach(() => vi.useRealTimers());

/** A store whose every read and write takes `ms`, like an IndexedDB round trip on a busy phone. */
function slowStore(ms: number): KeyValueStore {
  const store = createMemoryStore();
  const later = <T>(result: Promise<T>) => new Promise<T>((resolve) => setTimeout(() => resolve(result), ms));
  return {
    ...store,
    get: (key) => later(store.get(key)),
    set: (key, value) => later(store.set(key, value)),
  };
}

describe('rules: what a decision waits for', () => {
  it('a prompt waits for one storage round trip, not one per record', async () => {
    vi.useFakeTimers();
    const { rules, survey } = setup({}, slowStore(10));
    await vi.advanceTimersByTimeAsync(100); // the page load's own bookkeeping
    let verdict: ShowDecision | undefined;
    void rules.decide(survey('nps'), 'delay').then((v) => (verdict = v));
    await vi.advanceTimersByTimeAsync(10);
    expect(verdict).toEqual({ show: true, reason: 'nps: showing (delay)' });
  });

  it('still counts what another tab did after this one loaded', async () => {
    const tab = setup({ fatigue: { days: 0 } }, createMemoryStore());
    const otherTab = tab.make();
    expect((await otherTab.decide(tab.survey('nps'), 'delay')).show).toBe(true);
    await otherTab.shown(tab.survey('nps'));
    await otherTab.answered(tab.survey('nps'));
    expect((await tab.rules.decide(tab.survey('nps'), 'delay')).reason).toBe('nps: skipped, answered 0 minutes ago, cooldown 90 days');
    expect((await tab.rules.decide(tab.survey('csat'), 'event')).reason).toBe('csat: skipped, 1 prompt already shown this session (fatigue.perSession 1)');
  });

  it('keeps recording activity: a decision keeps the session alive', async () => {
    const { rules, survey, advance, make } = setup({ fatigue: { days: 0 } });
    await rules.shown(survey('nps'));
    advance(25 * 60_000);
    await rules.decide(survey('csat'), 'event');
    await new Promise((resolve) => setImmediate(resolve)); // the write the verdict did not wait for
    advance(25 * 60_000);
    expect((await make().decide(survey('ces'), 'event')).reason).toMatch(/already shown this session/);
  });
});
