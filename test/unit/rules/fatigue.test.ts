import { describe, expect, it } from 'vitest';
import { day, setup } from './fixtures';

describe('global fatigue budget', () => {
  it('shows at most one prompt per session by default, whatever the survey', async () => {
    const { rules, survey, advance } = setup({ fatigue: { days: 0 } });
    expect((await rules.decide(survey('nps'), 'delay')).show).toBe(true);
    await rules.shown(survey('nps'));
    await rules.answered(survey('nps'));
    advance(10 * 60_000);
    expect(await rules.decide(survey('csat'), 'event')).toEqual({
      show: false,
      reason: 'csat: skipped, 1 prompt already shown this session (fatigue.perSession 1)',
    });
  });

  it('starts a new session after 30 minutes without activity', async () => {
    const { rules, survey, advance, make } = setup({ fatigue: { days: 0 } });
    await rules.shown(survey('nps'));
    await rules.answered(survey('nps'));
    advance(20 * 60_000);
    make(); // a page load 20 minutes later keeps the session alive
    await new Promise((resolve) => setImmediate(resolve));
    advance(20 * 60_000);
    expect((await rules.decide(survey('csat'), 'event')).show).toBe(false);
    advance(31 * 60_000);
    expect((await rules.decide(survey('csat'), 'event')).show).toBe(true);
  });

  it('shows at most one prompt per day across surveys by default', async () => {
    const { rules, survey, advance } = setup();
    await rules.shown(survey('csat'));
    await rules.answered(survey('csat'));
    advance(5 * 3_600_000);
    expect((await rules.decide(survey('nps'), 'delay')).reason).toBe('nps: skipped, a prompt was shown 5 hours ago (fatigue.days 1 day)');
    advance(19 * 3_600_000);
    expect((await rules.decide(survey('nps'), 'delay')).show).toBe(true);
  });

  it('allows a bigger budget (perSession 2, days 0) and 0 means no limit', async () => {
    const { rules, survey } = setup({ fatigue: { perSession: 2, days: 0 } });
    await rules.shown(survey('csat'));
    expect((await rules.decide(survey('nps'), 'delay')).show).toBe(true);
    await rules.shown(survey('nps'));
    expect((await rules.decide(survey('ces'), 'delay')).reason).toMatch(/2 prompts already shown this session/);
    const unlimited = setup({ fatigue: { perSession: 0, days: 0 }, surveys: [{ id: 'other', type: 'csat' }] });
    for (const type of ['nps', 'csat', 'ces']) await unlimited.rules.shown(unlimited.survey(type));
    expect((await unlimited.rules.decide(unlimited.survey('other'), 'event')).show).toBe(true);
  });

  it('lets a data-hearback-show button through every rule: the visitor asked', async () => {
    const { rules, survey } = setup({ sampleRate: 0 });
    await rules.shown(survey('nps'));
    await rules.answered(survey('nps'));
    expect(await rules.decide(survey('nps'), 'attribute')).toEqual({
      show: true,
      reason: 'nps: showing (button click; frequency rules do not apply)',
    });
  });

  it('does not lose an update when shown and answered are written back to back', async () => {
    const { rules, survey, advance, make } = setup({ fatigue: { perSession: 0, days: 0 } });
    void rules.shown(survey('nps'));
    await rules.answered(survey('nps'));
    advance(day);
    expect((await make().decide(survey('nps'), 'delay')).reason).toMatch(/answered 1 day ago/);
  });
});
