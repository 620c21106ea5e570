import { describe, expect, it } from 'vitest';
import { day, setup } from './fixtures';

const noFatigue = { fatigue: { perSession: 0, days: 0 } };

describe('cooldown after an answer', () => {
  it('keeps NPS quiet for 90 days after an answer, and says why', async () => {
    const { rules, survey, advance } = setup(noFatigue);
    await rules.shown(survey('nps'));
    await rules.answered(survey('nps'));
    advance(12 * day);
    expect(await rules.decide(survey('nps'), 'delay')).toEqual({
      show: false,
      reason: 'nps: skipped, answered 12 days ago, cooldown 90 days',
    });
    advance(78 * day);
    expect(await rules.decide(survey('nps'), 'delay')).toEqual({ show: true, reason: 'nps: showing (delay)' });
  });

  it('asks CSAT and CES again after each transaction, at most once a day', async () => {
    const { rules, survey, advance } = setup(noFatigue);
    for (const type of ['csat', 'ces']) {
      await rules.answered(survey(type));
      advance(3 * 3_600_000);
      expect((await rules.decide(survey(type), 'event')).reason).toBe(`${type}: skipped, answered 3 hours ago, cooldown 1 day`);
      advance(21 * 3_600_000);
      expect((await rules.decide(survey(type), 'event')).show).toBe(true);
    }
  });

  it('honours survey.cooldownDays, including 0 for "every time"', async () => {
    const { rules, survey, advance } = setup({
      ...noFatigue,
      surveys: [
        { id: 'quarterly', type: 'nps', cooldownDays: 30 },
        { id: 'every-order', type: 'csat', cooldownDays: 0 },
      ],
    });
    await rules.answered(survey('quarterly'));
    await rules.answered(survey('every-order'));
    advance(60_000);
    expect((await rules.decide(survey('every-order'), 'event')).show).toBe(true);
    advance(29 * day);
    expect((await rules.decide(survey('quarterly'), 'event')).reason).toMatch(/answered 29 days ago, cooldown 30 days/);
    advance(day);
    expect((await rules.decide(survey('quarterly'), 'event')).show).toBe(true);
  });

  it('remembers answers across page loads (same store)', async () => {
    const first = setup(noFatigue);
    await first.rules.answered(first.survey('nps'));
    const nextPage = first.make();
    expect((await nextPage.decide(first.survey('nps'), 'delay')).show).toBe(false);
  });
});

describe('snooze after a dismissal', () => {
  it('snoozes NPS for 7 days and CSAT/CES for 2 days after a close without answer', async () => {
    const { rules, survey, advance } = setup(noFatigue);
    for (const type of ['nps', 'csat', 'ces']) await rules.dismissed(survey(type));
    advance(1 * day);
    expect((await rules.decide(survey('nps'), 'exitIntent')).reason).toBe('nps: skipped, dismissed 1 day ago, snoozed for 7 days');
    expect((await rules.decide(survey('csat'), 'event')).reason).toBe('csat: skipped, dismissed 1 day ago, snoozed for 2 days');
    advance(1 * day);
    expect((await rules.decide(survey('csat'), 'event')).show).toBe(true);
    expect((await rules.decide(survey('ces'), 'event')).show).toBe(true);
    expect((await rules.decide(survey('nps'), 'event')).show).toBe(false);
    advance(5 * day);
    expect((await rules.decide(survey('nps'), 'event')).show).toBe(true);
  });

  it('treats a prompt left open without an answer as dismissed', async () => {
    const { rules, survey, advance } = setup(noFatigue);
    await rules.shown(survey('csat'));
    advance(60 * 60_000);
    expect((await rules.decide(survey('csat'), 'event')).reason).toBe('csat: skipped, shown without an answer 1 hour ago, snoozed for 2 days');
  });

  it('honours survey.snoozeDays', async () => {
    const { rules, survey, advance } = setup({ ...noFatigue, surveys: [{ id: 'help', type: 'ces', snoozeDays: 10 }] });
    await rules.dismissed(survey('help'));
    advance(9 * day);
    expect((await rules.decide(survey('help'), 'event')).show).toBe(false);
    advance(day);
    expect((await rules.decide(survey('help'), 'event')).show).toBe(true);
  });
});
