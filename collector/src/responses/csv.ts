import type { AnswerRecord } from './answer-record';

const header = ['id', 'survey', 'type', 'score', 'scale_min', 'scale_max', 'comment', 'reasons', 'contact', 'mode', 'locale', 'url', 'answered_at', 'received_at', 'user_id', 'context'];

/**
 * RFC 4180 CSV with a UTF-8 byte-order mark (so spreadsheet apps read Thai correctly). Text cells
 * that start with = + - @ get a leading apostrophe: visitors write comments, and a spreadsheet
 * must not run them as formulas (CSV injection).
 */
export function toCsv(records: AnswerRecord[]): string {
  const lines = [header.join(',')];
  for (const r of records) {
    lines.push([
      text(r.id), text(r.survey), r.type, r.score, r.scale[0], r.scale[1], text(r.comment), text(r.reasons?.join('; ')),
      r.contact ? 'true' : 'false', r.mode ?? '', text(r.locale), text(r.url), r.answeredAt, r.receivedAt, text(r.userId),
      text(r.context ? JSON.stringify(r.context) : undefined),
    ].join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

function text(value: string | undefined): string {
  if (value === undefined || value === null || value === '') return '';
  let cell = String(value);
  if (/^[=+\-@\t\r]/.test(cell)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
