import { describe, expect, it } from 'vitest';
import { fnv1a, inSample } from '../../../src/rules/sampling';
import { createMemoryStore } from '../../../src/storage/memory-store';
import { setup, silent } from './fixtures';

describe('sticky sampling', () => {
  it('hashes with FNV-1a (reference vectors)', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('puts about the sampled share of visitors in, each survey its own sample', () => {
    const ids = Array.from({ length: 4000 }, (_, i) => 'visitor-' + i);
    const share = (salt: string) => ids.filter((id) => inSample(id, 0.25, salt)).length / ids.length;
    expect(share('')).toBeGreaterThan(0.22);
    expect(share('')).toBeLessThan(0.28);
    const both = ids.filter((id) => inSample(id, 0.5) && inSample(id, 0.5, 'nps')).length / ids.length;
    expect(both).toBeGreaterThan(0.22);
    expect(both).toBeLessThan(0.28);
  });

  it('keeps a device in or out on every page load', async () => {
    const verdicts = new Set<boolean>();
    const counts = { in: 0, out: 0 };
    for (let device = 0; device < 40; device++) {
      const store = createMemoryStore();
      const first = setup({ sampleRate: 0.5, fatigue: { perSession: 0, days: 0 } }, store);
      const show = (await first.rules.decide(first.survey('nps'), 'delay')).show;
      counts[show ? 'in' : 'out']++;
      for (let load = 0; load < 3; load++) verdicts.add((await first.make().decide(first.survey('nps'), 'delay')).show === show);
    }
    expect([...verdicts]).toEqual([true]);
    expect(counts.in).toBeGreaterThan(5);
    expect(counts.out).toBeGreaterThan(5);
  });

  it('follows the identified user across devices, and says why it skipped', async () => {
    const user = Array.from({ length: 50 }, (_, i) => 'u-' + i).find((id) => !inSample(id, 0.5))!;
    for (let device = 0; device < 3; device++) {
      const { rules, survey } = setup({ sampleRate: 0.5 }, createMemoryStore());
      rules.identify(user);
      expect(await rules.decide(survey('nps'), 'delay')).toEqual({ show: false, reason: 'nps: skipped, this user is outside sampleRate 0.5' });
    }
  });

  it('applies survey.sampleRate, and sampleRate 0 shows to nobody', async () => {
    const { rules, survey } = setup({ surveys: [{ id: 'beta', type: 'ces', sampleRate: 0 }] });
    expect((await rules.decide(survey('beta'), 'event')).reason).toBe("beta: skipped, this device is outside the survey's sampleRate 0");
    const none = setup({ sampleRate: 0 });
    expect((await none.rules.decide(none.survey('nps'), 'event')).show).toBe(false);
  });

  it('reads corrupt or foreign state as empty instead of failing', async () => {
    const store = createMemoryStore();
    await store.set('state:survey:nps', { answeredAt: 'yesterday' });
    await store.set('state:fatigue', 'garbage');
    await store.set('state:device', 42);
    const { rules, survey } = setup({}, store);
    expect((await rules.decide(survey('nps'), 'delay')).show).toBe(true);
    expect(typeof (await store.get('state:device'))).toBe('string');
    void silent;
  });
});
