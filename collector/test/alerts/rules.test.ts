import { describe, expect, it } from 'vitest';
import { allConditionsHold, conditionSchema, foldText } from '../../src/alerts/conditions';
import { makeAnswer } from './answers';

describe('rule conditions', () => {
  it('"detractor" follows the band of each type: nps 0–6, csat 1–2, ces 1–3', () => {
    const detractor = [{ kind: 'detractor' as const }];
    const holds = (type: 'nps' | 'csat' | 'ces', score: number) => allConditionsHold(detractor, makeAnswer({ type, score }));
    expect([0, 6, 7].map((score) => holds('nps', score))).toEqual([true, true, false]);
    expect([1, 2, 3].map((score) => holds('csat', score))).toEqual([true, true, false]);
    expect([1, 3, 4].map((score) => holds('ces', score))).toEqual([true, true, false]);
  });

  it('"score ≤ N for type T" reads only answers of that type', () => {
    const rule = [{ kind: 'score-at-most' as const, type: 'ces' as const, max: 4 }];
    expect(allConditionsHold(rule, makeAnswer({ type: 'ces', score: 4 }))).toBe(true);
    expect(allConditionsHold(rule, makeAnswer({ type: 'ces', score: 5 }))).toBe(false);
    expect(allConditionsHold(rule, makeAnswer({ type: 'csat', score: 1 }))).toBe(false);
  });

  it('"context key = value" compares as text, ignoring case and surrounding spaces', () => {
    const rule = [{ kind: 'context' as const, key: 'branch', value: 'Siam' }];
    expect(allConditionsHold(rule, makeAnswer({ context: { branch: ' siam ' } }))).toBe(true);
    expect(allConditionsHold(rule, makeAnswer({ context: { branch: 'Siam Paragon' } }))).toBe(false);
    expect(allConditionsHold(rule, makeAnswer({ context: { branch: { name: 'Siam' } } }))).toBe(false);
    expect(allConditionsHold([{ kind: 'context', key: 'table', value: '7' }], makeAnswer({ context: { table: 7 } }))).toBe(true);
  });

  it('"comment mentions" is case-insensitive and Thai-safe (NFC, zero-width spaces ignored)', () => {
    const mentions = (text: string, comment: string | null) => allConditionsHold([{ kind: 'comment-mentions', text }], makeAnswer({ comment }));
    expect(mentions('LATE', 'the parcel was late again')).toBe(true);
    expect(mentions('ช้า', 'ส่งของช้ามาก')).toBe(true);
    expect(mentions('ช้ามาก', 'ส่งของช้า\u200Bมาก')).toBe(true);
    expect(mentions('café', 'Cafe\u0301 was cold')).toBe(true);
    expect(mentions('ช้า', 'เร็วมาก')).toBe(false);
    expect(mentions('late', null)).toBe(false);
    expect(foldText('ÉCOLE')).toBe('école');
  });

  it('every condition must hold; a rule with none matches nothing', () => {
    const both = [{ kind: 'detractor' as const }, { kind: 'context' as const, key: 'branch', value: 'Siam' }];
    expect(allConditionsHold(both, makeAnswer({ score: 1, context: { branch: 'Siam' } }))).toBe(true);
    expect(allConditionsHold(both, makeAnswer({ score: 1, context: { branch: 'Asok' } }))).toBe(false);
    expect(allConditionsHold(both, makeAnswer({ score: 5, context: { branch: 'Siam' } }))).toBe(false);
    expect(allConditionsHold([], makeAnswer({ score: 1 }))).toBe(false);
  });

  it('rejects a score outside the type\'s scale with a message naming the field', () => {
    const result = conditionSchema.safeParse({ kind: 'score-at-most', type: 'csat', max: 9 });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: ['max'], message: expect.stringContaining('csat 1–5') });
  });
});
