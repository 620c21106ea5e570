// The CSV export's formula guard: a visitor's comment must never run as a formula when the shop
// opens the export in a spreadsheet, however it hides its leading sign.
import { describe, expect, it } from 'vitest';
import { exportToCsv, text } from '../../src/dashboard/export-csv';

describe('the CSV export keeps comments from running as formulas', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', 'an equals sign'],
    ['+1+cmd|\' /C calc\'!A0', 'a plus sign'],
    ['-2+3', 'a minus sign'],
    ['@SUM(A1)', 'an at sign'],
    ['  =1+1', 'leading spaces'],
    ['\u00a0=1+1', 'a leading no-break space'],
    ['\u3000=1+1', 'a leading ideographic space'],
    ['＝1+1', 'a full-width equals sign'],
    ['＋1', 'a full-width plus sign'],
    ['－1', 'a full-width minus sign'],
    ['＠SUM(A1)', 'a full-width at sign'],
    [' ＝1+1', 'a space, then a full-width equals sign'],
    ['\n=1+1', 'a leading line feed'],
    ['\t=1+1', 'a leading tab'],
    ['\r=1+1', 'a leading carriage return'],
    ['\nhello', 'a leading line feed before plain text'],
  ])('%j (%s) gets a leading apostrophe', (comment) => {
    expect(text(comment).replace(/^"/, '')).toMatch(/^'/);
    const csv = exportToCsv({ records: [record(comment)], truncated: false, total: 1, limit: 10 });
    expect(csv).toContain(`'${comment.replace(/"/g, '""')}`);
  });

  it.each([
    ['ส่งของเร็วมาก', 'ส่งของเร็วมาก'],
    ['good - fast', 'good - fast'],
    ['a=b', 'a=b'],
    ['email me@shop.example', 'email me@shop.example'],
    ['1, 2 and "3"', '"1, 2 and ""3"""'],
  ])('%j stays as written', (comment, cell) => {
    expect(text(comment)).toBe(cell);
  });
});

function record(comment: string) {
  return {
    id: 'answer-0001', survey: 'after-checkout', type: 'csat', score: 2, scale: [1, 5] as [number, number], band: 'detractor' as const,
    comment, locale: 'th', url: 'https://shop.example/', answeredAt: '2026-11-23T10:00:00.000Z', receivedAt: '2026-11-23T10:00:01.000Z',
  };
}
