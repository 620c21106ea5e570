import { describe, expect, it } from 'vitest';
import { answerSchema, surveyKinds, surveyTypeRegistry, surveyTypes } from '../../../src/receiver';

// The owner's app shows what this registry says (type names, scales, wording): a wrong entry is a
// wrong label or a wrong default question in the app.
describe('survey type registry', () => {
  it('has one whole entry per type, with the scale the payload accepts', () => {
    expect(Object.keys(surveyTypeRegistry)).toEqual([...surveyTypes]);
    for (const type of surveyTypes) {
      const entry = surveyTypeRegistry[type];
      expect(entry.type).toBe(type);
      expect(entry.scale).toEqual(surveyKinds[type].scale);
      const [low, high] = entry.scale;
      const answer = { v: 1, id: 'a1b2c3d4e5f6', survey: type, type, score: high, scale: [low, high], locale: 'en', url: 'https://shop.example/', answeredAt: '2026-11-23T10:00:00.000Z', sdk: 'hearback/0.1.0' };
      expect(answerSchema.safeParse(answer).success, type).toBe(true);
      expect(answerSchema.safeParse({ ...answer, score: high + 1 }).success, type).toBe(false);
      expect(entry.summary.en).toContain(`(${low}–${high})`);
      expect(entry.summary.th).toContain(`(${low}–${high})`);
    }
  });

  it("carries the widget's own built-in wording in English and Thai", () => {
    expect(surveyTypeRegistry.nps.wording.question.en).toBe('How likely are you to recommend us to a friend or colleague?');
    expect(surveyTypeRegistry.nps.wording.question.th).toBe('ในระดับ 0 ถึง 10 คุณมีโอกาสแนะนำเราให้เพื่อนหรือเพื่อนร่วมงานมากน้อยแค่ไหน');
    expect(surveyTypeRegistry.csat.wording.low.en).toBe('Very dissatisfied');
    expect(surveyTypeRegistry.ces.wording.high.th).toBe('ง่ายมาก');
  });

  it('names each headline figure and where it can lie', () => {
    expect(surveyTypeRegistry.nps.metric).toEqual({ kind: 'net', range: [-100, 100] });
    expect(surveyTypeRegistry.csat.metric).toEqual({ kind: 'share', range: [0, 100] });
    expect(surveyTypeRegistry.ces.metric).toEqual({ kind: 'mean', range: [1, 7] });
  });
});
