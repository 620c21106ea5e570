// Alerts name how to reach the customer (the payload's contactVia) in the channel's language, on
// every channel: LINE and email's text part read `plainText`, Slack and Discord the same fields.
import { describe, expect, it } from 'vitest';
import { answerMessage, overdueMessage, plainText } from '../../src/alerts/message';
import { makeAnswer } from './answers';

const settings = { publicUrl: 'https://shop.example', timeZone: 'Asia/Bangkok' };

describe('alerts say how to reach the customer', () => {
  it('lists each way the customer left, in Thai and English, instead of the bare consent line', () => {
    const answer = makeAnswer({ contact: true, contactVia: { phone: '081-234-5678', email: 'somchai@example.com', line: 'somchai.k' } });
    const th = plainText(answerMessage(answer, { ...settings, locale: 'th' }));
    expect(th).toContain('ติดต่อลูกค้าทาง: โทร 081-234-5678 · อีเมล somchai@example.com · LINE ID somchai.k');
    expect(th).not.toContain('ลูกค้ายินดีให้ติดต่อกลับ');
    const en = plainText(answerMessage(answer, { ...settings, locale: 'en' }));
    expect(en).toContain('Reach them by: Phone 081-234-5678 · Email somchai@example.com · LINE ID somchai.k');
    expect(answerMessage(answer, { ...settings, locale: 'en' }).event.data).toMatchObject({ contact: true, contactVia: { line: 'somchai.k' } });
  });

  it('says only that the customer agreed when they left no way, and nothing without consent', () => {
    expect(plainText(answerMessage(makeAnswer({ contact: true }), { ...settings, locale: 'en' }))).toContain('Contact: agreed to be contacted');
    const withoutConsent = plainText(answerMessage(makeAnswer({ contact: false, contactVia: { phone: '081-234-5678' } }), { ...settings, locale: 'en' }));
    expect(withoutConsent).not.toContain('081-234-5678 ·');
    expect(withoutConsent).not.toContain('Reach them by');
  });

  it('an overdue alert names the due time in the shop\'s zone and who has the case, in Thai', () => {
    const text = plainText(overdueMessage(makeAnswer({ contact: true, contactVia: { line: 'somchai.k' } }), { dueAt: new Date('2026-12-02T10:00:00Z'), assignee: null }, { ...settings, locale: 'th' }));
    expect(text.split('\n')[0]).toBe('เคสเลยกำหนด ยังไม่มีใครติดต่อลูกค้า');
    expect(text).toContain('ครบกำหนด: 2 ธ.ค. 2569 17:00');
    expect(text).toContain('ผู้รับผิดชอบ: ยังไม่มี');
    expect(text).toContain('ติดต่อลูกค้าทาง: LINE ID somchai.k');
  });
});
