import type { AnswerRecord } from './answer-record';
import type { ExportResult } from './export-query';

const header = ['id', 'survey', 'type', 'score', 'scale_min', 'scale_max', 'band', 'comment', 'reasons', 'contact', 'mode', 'locale', 'url', 'answered_at', 'received_at', 'user_id', 'context', 'contact_phone', 'contact_email', 'contact_line'];

/**
 * RFC 4180 CSV with a UTF-8 byte-order mark (so spreadsheet apps read Thai correctly). Text cells
 * that a spreadsheet could run as a formula get a leading apostrophe (see `formulaLike`): visitors
 * write comments, and the shop opens the file (CSV injection). A cut export ends with a line that
 * says so.
 */
export function exportToCsv({ records, truncated, total, limit }: ExportResult): string {
  const lines = [header.join(','), ...records.map(row)];
  if (truncated) lines.push(text(`# truncated: this file holds the newest ${limit} of ${total} answers; narrow the dates or filters to get the rest`));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

function row(r: AnswerRecord): string {
  return [
    text(r.id), text(r.survey), r.type, r.score, r.scale[0], r.scale[1], r.band, text(r.comment), text(r.reasons?.join('; ')),
    r.contact ? 'true' : 'false', text(r.mode), text(r.locale), text(r.url), r.answeredAt, r.receivedAt, text(r.userId),
    text(r.context ? JSON.stringify(r.context) : undefined),
    // Added after `context`, so a sheet that reads the columns by position keeps working.
    text(r.contactVia?.phone), text(r.contactVia?.email), text(r.contactVia?.line),
  ].join(',');
}

/**
 * A cell a spreadsheet may read as a formula: one that starts with a tab, CR or line feed, or whose
 * first character after any spaces (tabs, line feeds, no-break and ideographic spaces included) is
 * = + - @ or their full-width forms ＝ ＋ － ＠ — spreadsheet apps trim the spaces and Japanese and
 * Thai input methods type the full-width signs, which Excel and LibreOffice take as the ASCII ones.
 */
const formulaLike = /^[\t\r\n]|^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/** One text cell: guarded against formulas, quoted when it holds a quote, comma or line break. */
export function text(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  let cell = String(value);
  if (formulaLike.test(cell)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
