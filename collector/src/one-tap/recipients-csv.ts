import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Localized } from '../shell/lang';
import { checkContextValue, maxContextValueLength, type ContextValueProblem } from '../links/context-value';
import { allowedLinkKeys, orderKey, type LinkSurvey } from '../links/link-survey';
import type { LinkLocale } from '../links/link-texts';

/** Most rows one import takes: a shop's day or week of orders, small enough to check at once. */
export const maxRecipientRows = 5000;

/** One recipient as a CSV row gave them. */
export interface RecipientInput {
  /** The row in the file (the header is row 1), as a spreadsheet numbers it. */
  row: number;
  name: string;
  email: string | null;
  phone: string | null;
  locale: LinkLocale;
  /** `order` and the survey's link fields. */
  context: Record<string, string>;
}

/** What is wrong where: the row (1 is the header; 0 the whole file), the column, and what is allowed. */
export interface RecipientProblem {
  row: number;
  column: string;
  message: Localized;
}

const ownColumns = ['name', 'email', 'phone', 'lang'] as const;
const emailSchema = z.string().email();

const valueRule: Record<ContextValueProblem, Localized> = {
  empty: { en: 'is empty', th: 'ว่างอยู่' },
  'too-long': { en: `is longer than ${maxContextValueLength} characters`, th: `ยาวเกิน ${maxContextValueLength} ตัวอักษร` },
  characters: { en: 'may hold only letters, digits, spaces and . _ - / #', th: 'ใช้ได้เฉพาะตัวอักษร ตัวเลข เว้นวรรค และ . _ - / #' },
};

const said = (en: string, th: string): Localized => ({ en, th });

/** A phone number as an SMS service takes it: 6–15 digits, with an optional leading +; spaces, dots, dashes and brackets dropped. */
export function normalPhone(value: string): string | null {
  const compact = value.replace(/[\s.\-()]/g, '');
  return /^\+?\d{6,15}$/.test(compact) ? compact : null;
}

/**
 * Reads an uploaded recipients file (csv-parse: RFC 4180 quotes, a UTF-8 byte-order mark, `,` or
 * `;` as a spreadsheet saved it): a header row naming `name`, `email`, `phone`, `order`, `lang` and
 * the survey's link fields, then one recipient per row. Every problem is listed with its row and
 * column (nothing is imported while any is left), so the owner fixes the file once.
 */
export function parseRecipientsCsv(text: string, survey: Pick<LinkSurvey, 'contextKeys' | 'singleUse'>, fallbackLocale: LinkLocale):
  { recipients: RecipientInput[] } | { problems: RecipientProblem[] } {
  let records: string[][];
  try {
    const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
    const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
    records = parse(text, { bom: true, delimiter, skip_empty_lines: true, relax_column_count: true, to: maxRecipientRows + 2 }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    const why = (error as Error).message.replace(/^Invalid [^:]*: /, '');
    return { problems: [{ row: line, column: '', message: said(`the file is not valid CSV: ${why}`, `ไฟล์ไม่ใช่ CSV ที่ถูกต้อง: ${why}`) }] };
  }
  const [header, ...rows] = records;
  if (!header || rows.length === 0) {
    return { problems: [{ row: 0, column: '', message: said('the file has no recipients: a header row, then one row per recipient', 'ไฟล์ไม่มีผู้รับ: ต้องมีแถวหัวตาราง แล้วตามด้วยผู้รับแถวละคน') }] };
  }
  if (rows.length > maxRecipientRows) {
    return { problems: [{ row: 0, column: '', message: said(`more than ${maxRecipientRows} recipients: split the file`, `ผู้รับเกิน ${maxRecipientRows} คน กรุณาแบ่งไฟล์`) }] };
  }
  const keys = allowedLinkKeys(survey);
  if (!keys.includes(orderKey)) keys.push(orderKey);
  const columns = header.map((name) => name.trim().toLowerCase());
  const problems: RecipientProblem[] = [];
  columns.forEach((column, index) => {
    if (!(ownColumns as readonly string[]).includes(column) && !keys.includes(column)) {
      problems.push({ row: 1, column: header[index], message: said(`is not a column this survey takes (allowed: ${[...ownColumns, ...keys].join(', ')})`, `ไม่ใช่คอลัมน์ที่แบบสอบถามนี้รับ (ใช้ได้: ${[...ownColumns, ...keys].join(', ')})`) });
    } else if (columns.indexOf(column) !== index) {
      problems.push({ row: 1, column: header[index], message: said('is named twice', 'มีชื่อซ้ำ') });
    }
  });
  if (!columns.includes('email') && !columns.includes('phone')) {
    problems.push({ row: 1, column: 'email', message: said('the file needs an email or a phone column', 'ไฟล์ต้องมีคอลัมน์ email หรือ phone') });
  }
  if (problems.length) return { problems };
  const recipients = rows.map((cells, index) => readRow(cells, columns, index + 2, survey, fallbackLocale, problems));
  return problems.length ? { problems } : { recipients };
}

function readRow(cells: string[], columns: string[], row: number, survey: Pick<LinkSurvey, 'singleUse'>, fallbackLocale: LinkLocale, problems: RecipientProblem[]): RecipientInput {
  const cell = (column: string) => (cells[columns.indexOf(column)] ?? '').normalize('NFC').trim();
  const problem = (column: string, message: Localized) => problems.push({ row, column, message });
  if (cells.length > columns.length) problem('', said(`has ${cells.length} cells but the header names ${columns.length} columns`, `มี ${cells.length} ช่อง แต่แถวหัวตารางมี ${columns.length} คอลัมน์`));
  const rawEmail = cell('email');
  const rawPhone = cell('phone');
  const email = rawEmail && emailSchema.safeParse(rawEmail).success ? rawEmail.toLowerCase() : null;
  const phone = rawPhone ? normalPhone(rawPhone) : null;
  if (rawEmail && !email) problem('email', said(`“${rawEmail}” is not an email address (like name@example.com)`, `“${rawEmail}” ไม่ใช่อีเมล (เช่น name@example.com)`));
  if (rawPhone && !phone) problem('phone', said(`“${rawPhone}” is not a phone number: 6–15 digits, + allowed at the start`, `“${rawPhone}” ไม่ใช่เบอร์โทรศัพท์: ตัวเลข 6–15 หลัก ขึ้นต้นด้วย + ได้`));
  if (!rawEmail && !rawPhone) problem('email', said('needs an email address or a phone number', 'ต้องมีอีเมลหรือเบอร์โทรศัพท์'));
  const name = cell('name');
  if ([...name].length > 100) problem('name', said('is longer than 100 characters', 'ยาวเกิน 100 ตัวอักษร'));
  const lang = cell('lang').toLowerCase();
  if (lang && lang !== 'th' && lang !== 'en') problem('lang', said(`“${lang}”: use th or en (or leave it empty)`, `“${lang}”: ใช้ th หรือ en (หรือเว้นว่าง)`));
  const context: Record<string, string> = {};
  for (const column of columns) {
    if ((ownColumns as readonly string[]).includes(column)) continue;
    const value = cell(column);
    if (value === '') continue;
    const bad = checkContextValue(value);
    if (bad) problem(column, { en: `“${value}” ${valueRule[bad].en}`, th: `“${value}” ${valueRule[bad].th}` });
    else context[column] = value;
  }
  if (survey.singleUse && !context[orderKey]) problem(orderKey, said('is empty: this survey takes one answer per order, so each row needs its order', 'ว่างอยู่: แบบสอบถามนี้ตอบได้ครั้งเดียวต่อออเดอร์ แต่ละแถวจึงต้องมีเลขออเดอร์'));
  return { row, name, email, phone, locale: lang === 'th' || lang === 'en' ? lang : fallbackLocale, context };
}
