import { describe, expect, it, vi } from 'vitest';
import { createModel } from '../../../src/ui/model';

describe('prompt model', () => {
  it('tells watchers about each change, not about setting the same value, and stops on unsubscribe', () => {
    const { cell, watch } = createModel();
    const step = cell('ask');
    const listener = vi.fn();
    const stop = watch(listener);
    step.value = 'more';
    step.value = 'more';
    expect(step.value).toBe('more');
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
    step.value = 'thanks';
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
