// The score question as LINE shows it: every type in both languages fits LINE's limits (13
// quick-reply buttons, 20 characters a label, 300 characters of postback data).
import { describe, expect, it } from 'vitest';
import { chatTexts } from '../../src/line/chat-texts';
import { chatLink } from '../../src/line/chat-link';
import { isLineSignatureValid, lineSignature } from '../../src/line/line-signature';
import { surveyMessage } from '../../src/line/survey-message';

describe('the score question message', () => {
  for (const [type, count] of [['nps', 11], ['csat', 5], ['ces', 7]] as const) {
    for (const locale of ['th', 'en'] as const) {
      it(`${type} in ${locale}: ${count} buttons within LINE's limits, the ends named`, async () => {
        const survey = { id: 'after-order', type, question: {}, singleUse: false };
        const texts = chatTexts(survey, locale);
        const message = await surveyMessage(survey, texts, async (score) => `hb1|after-order|${'a'.repeat(22)}|${score}|${'s'.repeat(22)}`);
        const items = message.quickReply!.items;
        expect(items).toHaveLength(count);
        for (const { action } of items) {
          expect([...action.label].length).toBeLessThanOrEqual(20);
          expect(action.data.length).toBeLessThanOrEqual(300);
        }
        expect(items[0].action.label).toContain(texts.low);
        expect(items.at(-1)!.action.label).toContain(texts.high);
        expect(message.text.startsWith(texts.question)).toBe(true);
      });
    }
  }

  it('uses the survey\'s own question in its language, the built-in one otherwise', () => {
    const survey = { id: 's', type: 'csat' as const, question: { th: 'อาหารวันนี้เป็นอย่างไรบ้าง' }, singleUse: false };
    expect(chatTexts(survey, 'th').question).toBe('อาหารวันนี้เป็นอย่างไรบ้าง');
    expect(chatTexts(survey, 'en').question).toBe('How would you rate your overall satisfaction with what you received?');
  });
});

describe('LINE helpers', () => {
  it('checks X-Line-Signature over the exact bytes', () => {
    const body = '{"destination":"U1","events":[]}';
    const secret = '0123456789abcdef0123456789abcdef';
    expect(isLineSignatureValid(body, lineSignature(body, secret), secret)).toBe(true);
    expect(isLineSignatureValid(`${body} `, lineSignature(body, secret), secret)).toBe(false);
    expect(isLineSignatureValid(body, undefined, secret)).toBe(false);
    expect(isLineSignatureValid(body, lineSignature(body, secret), '')).toBe(false);
  });

  it('makes the counter QR code\'s link with the keyword typed in', () => {
    expect(chatLink('@shopbkk', 'ให้คะแนน')).toBe('https://line.me/R/oaMessage/%40shopbkk/?%E0%B9%83%E0%B8%AB%E0%B9%89%E0%B8%84%E0%B8%B0%E0%B9%81%E0%B8%99%E0%B8%99');
  });
});
