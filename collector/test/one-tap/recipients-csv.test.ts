// The recipients file the owner uploads: every problem named by row and column, in both
// languages, and nothing imported while one is left.
import { describe, expect, it } from 'vitest';
import { maxRecipientRows, parseRecipientsCsv, type RecipientProblem } from '../../src/one-tap/recipients-csv';

const receipt = { contextKeys: ['branch'], singleUse: true };
const visit = { contextKeys: ['branch', 'table'], singleUse: false };
const lines = (problems: RecipientProblem[]) => problems.map((p) => `${p.row}|${p.column}|${p.message.en}`);

describe('recipients CSV', () => {
  it('reads a spreadsheet export: BOM, quotes, Thai names, lang, phone punctuation, context columns', () => {
    const csv = '\uFEFFName,Email,Phone,Order,Branch,lang\r\n"Somchai, K.",SOMCHAI@Example.com,,A-17,สยาม,th\r\nSam,,+66 81-234-5678,A-18,Asok,\r\n';
    const result = parseRecipientsCsv(csv, receipt, 'en');
    expect(result).toEqual({ recipients: [
      { row: 2, name: 'Somchai, K.', email: 'somchai@example.com', phone: null, locale: 'th', context: { order: 'A-17', branch: 'สยาม' } },
      { row: 3, name: 'Sam', email: null, phone: '+66812345678', locale: 'en', context: { order: 'A-18', branch: 'Asok' } },
    ] });
    // Excel in a comma-decimal locale saves with semicolons.
    expect(parseRecipientsCsv('name;email\nA;a@shop.example\n', visit, 'th')).toEqual({ recipients: [{ row: 2, name: 'A', email: 'a@shop.example', phone: null, locale: 'th', context: {} }] });
  });

  it('names each bad cell by its row and column, and what is allowed', () => {
    const csv = [
      'name,email,phone,order,branch,lang',
      'A,not-an-email,,1,Siam,th',
      'B,,12-34,2,Siam,',
      'C,,,3,Siam,',
      'D,d@shop.example,,,Siam,',
      'E,e@shop.example,,5,Siam=1+1,jp',
    ].join('\n');
    const result = parseRecipientsCsv(csv, receipt, 'en');
    expect('problems' in result && lines(result.problems)).toEqual([
      '2|email|“not-an-email” is not an email address (like name@example.com)',
      '3|phone|“12-34” is not a phone number: 6–15 digits, + allowed at the start',
      '4|email|needs an email address or a phone number',
      '5|order|is empty: this survey takes one answer per order, so each row needs its order',
      '6|lang|“jp”: use th or en (or leave it empty)',
      '6|branch|“Siam=1+1” may hold only letters, digits, spaces and . _ - / #',
    ]);
    expect('problems' in result && result.problems[0].message.th).toBe('“not-an-email” ไม่ใช่อีเมล (เช่น name@example.com)');
  });

  it('checks the header: columns the survey does not take, a column twice, no way to reach anyone', () => {
    const unknown = parseRecipientsCsv('name,email,table\nA,a@shop.example,4\n', receipt, 'en');
    expect('problems' in unknown && lines(unknown.problems)).toEqual(['1|table|is not a column this survey takes (allowed: name, email, phone, lang, branch, order)']);
    const twice = parseRecipientsCsv('email,Email\na@x.th,b@x.th\n', visit, 'en');
    expect('problems' in twice && lines(twice.problems)).toEqual(['1|Email|is named twice']);
    const nobody = parseRecipientsCsv('name,order\nA,1\n', visit, 'en');
    expect('problems' in nobody && lines(nobody.problems)).toEqual(['1|email|the file needs an email or a phone column']);
  });

  it('refuses broken CSV, an empty file and more than the row limit, as one problem for the file', () => {
    const broken = parseRecipientsCsv('name,email\n"A,a@shop.example\n', visit, 'en');
    expect('problems' in broken && broken.problems[0].message.en).toMatch(/^the file is not valid CSV: /);
    const empty = parseRecipientsCsv('name,email\n', visit, 'en');
    expect('problems' in empty && lines(empty.problems)).toEqual(['0||the file has no recipients: a header row, then one row per recipient']);
    const many = ['email', ...Array.from({ length: maxRecipientRows + 1 }, (_, i) => `c${i}@shop.example`)].join('\n');
    const tooMany = parseRecipientsCsv(many, visit, 'en');
    expect('problems' in tooMany && lines(tooMany.problems)).toEqual([`0||more than ${maxRecipientRows} recipients: split the file`]);
    expect('recipients' in parseRecipientsCsv(many.split('\n').slice(0, maxRecipientRows + 1).join('\n'), visit, 'en')).toBe(true);
  });
});
