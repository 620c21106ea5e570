import type { FieldProblem } from '../shell/field-problems';
import { fill, type Localized } from '../shell/lang';
import { linkSurveySchema, maxContextKeys, reservedContextKeys, type LinkSurvey } from './link-survey';
import type { SurveyFormValues } from './links-page';
import { linksWords as words } from './links-words';
import { isHexColour, type ShopLook } from '../site-settings/shop-look';

/** The survey form's fields as the form (or a JSON body) sent them. */
export function surveyFormFromFields(fields: Record<string, string>): SurveyFormValues {
  return {
    id: (fields.id ?? '').trim(),
    type: fields.type ?? '',
    questionEn: fields.questionEn ?? '',
    questionTh: fields.questionTh ?? '',
    contextKeys: fields.contextKeys ?? '',
    singleUse: fields.singleUse === 'on' || fields.singleUse === 'true',
  };
}

/** What is wrong and what is allowed, for each rule of the survey and look forms. */
const problemText = {
  id: { en: 'use 1–48 characters of a-z, 0-9 and -, starting with a letter or digit (e.g. after-meal)', th: 'ใช้ a-z, 0-9 และ - ได้ 1–48 ตัว ขึ้นต้นด้วยตัวอักษรหรือตัวเลข (เช่น after-meal)' },
  idTaken: { en: 'a survey “{id}” already exists: change it on its own page, or pick another id', th: 'มีแบบสอบถาม “{id}” อยู่แล้ว แก้ไขได้ที่หน้าของแบบสอบถามนั้น หรือเลือกรหัสอื่น' },
  type: { en: 'choose NPS, CSAT or CES', th: 'เลือก NPS, CSAT หรือ CES' },
  question: { en: 'at most 300 characters', th: 'ไม่เกิน 300 ตัวอักษร' },
  keyPattern: { en: '“{key}”: a name starts with a-z and uses only a-z, 0-9 and _ (at most 32 characters)', th: '“{key}”: ชื่อต้องขึ้นต้นด้วย a-z และใช้ได้เฉพาะ a-z, 0-9 และ _ (ไม่เกิน 32 ตัว)' },
  keyReserved: { en: `“{key}” is used by the survey page itself (${reservedContextKeys.join(', ')}): pick another name`, th: `“{key}” เป็นชื่อที่หน้าแบบสอบถามใช้เอง (${reservedContextKeys.join(', ')}) กรุณาใช้ชื่ออื่น` },
  keysTooMany: { en: `at most ${maxContextKeys} names`, th: `ได้ไม่เกิน ${maxContextKeys} ชื่อ` },
  keysTwice: { en: 'a name is listed twice', th: 'มีชื่อซ้ำกัน' },
  shopName: { en: 'at most 80 characters', th: 'ไม่เกิน 80 ตัวอักษร' },
  colour: { en: '“{colour}” is not a colour: use #rrggbb, e.g. #2563eb', th: '“{colour}” ไม่ใช่สี ใช้รูปแบบ #rrggbb เช่น #2563eb' },
} satisfies Record<string, Localized>;

const filled = (text: Localized, values: Record<string, string>): Localized => ({ en: fill(text.en, values), th: fill(text.th, values) });

/** The survey form's field labels, by the field's name in the form. */
const surveyLabels: Record<string, Localized> = {
  id: words.id, type: words.type, questionEn: words.questionEn, questionTh: words.questionTh, contextKeys: words.keys,
};
const problem = (field: string, message: Localized): FieldProblem => ({ field, label: surveyLabels[field] ?? words.keys, message });

/** An id that is already another survey's (a new survey never silently replaces a printed one). */
export const idTaken = (id: string): FieldProblem => problem('id', filled(problemText.idTaken, { id }));

type Issue = { path: PropertyKey[]; code: string; message: string };

/** One problem per issue, in the words of the form the owner filled in. */
function describe(issues: Issue[], keys: string[]): FieldProblem[] {
  return issues.map(({ path, code }) => {
    const [field, index] = path;
    if (field === 'question') return problem(path[1] === 'th' ? 'questionTh' : 'questionEn', problemText.question);
    if (field === 'contextKeys') {
      if (typeof index !== 'number') return problem('contextKeys', code === 'too_big' ? problemText.keysTooMany : problemText.keysTwice);
      return problem('contextKeys', filled(code === 'custom' ? problemText.keyReserved : problemText.keyPattern, { key: keys[index] ?? '' }));
    }
    return problem(String(field), field === 'type' ? problemText.type : problemText.id);
  });
}

/** Checks the survey form: the survey to save, or the problems to show next to what was typed. */
export function parseSurveyForm(values: SurveyFormValues): { survey: LinkSurvey } | { problems: FieldProblem[] } {
  const question: LinkSurvey['question'] = {};
  if (values.questionEn.trim()) question.en = values.questionEn;
  if (values.questionTh.trim()) question.th = values.questionTh;
  const contextKeys = values.contextKeys.split(',').map((key) => key.trim()).filter(Boolean);
  const result = linkSurveySchema.safeParse({ id: values.id, type: values.type, question, contextKeys, singleUse: values.singleUse });
  return result.success ? { survey: result.data } : { problems: describe(result.error.issues, contextKeys) };
}

/** Checks the shop's name (at most 80 characters) and colour (`#rrggbb`). */
export function parseLookForm(fields: Record<string, string>): { look: ShopLook } | { problems: FieldProblem[] } {
  const shopName = (fields.shopName ?? '').trim().normalize('NFC');
  const colour = (fields.colour ?? '').trim();
  const problems: FieldProblem[] = [];
  if ([...shopName].length > 80) problems.push({ field: 'shopName', label: words.shopName, message: problemText.shopName });
  if (!isHexColour(colour)) problems.push({ field: 'colour', label: words.colour, message: filled(problemText.colour, { colour }) });
  return problems.length ? { problems } : { look: { shopName, colour: colour.toLowerCase() } };
}
