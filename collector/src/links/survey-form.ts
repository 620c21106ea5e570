import { linkSurveySchema, type LinkSurvey } from './link-survey';
import type { SurveyFormValues } from './links-page';
import { isHexColour, type ShopLook } from './shop-look';

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

/** One sentence per problem: the field, what was wrong, what is allowed. */
function describe(issues: { path: PropertyKey[]; message: string }[], values: SurveyFormValues): string[] {
  return issues.map(({ path, message }) => {
    const [field, index] = path;
    if (field === 'contextKeys' && typeof index === 'number') {
      const key = values.contextKeys.split(',').map((k) => k.trim()).filter(Boolean)[index];
      return `contextKeys: "${key}" ${message}`;
    }
    return `${path.map(String).join('.')}: ${message}`;
  });
}

/** Checks the survey form: the survey to save, or the problems to show next to what was typed. */
export function parseSurveyForm(values: SurveyFormValues): { survey: LinkSurvey } | { problems: string[] } {
  const question: LinkSurvey['question'] = {};
  if (values.questionEn.trim()) question.en = values.questionEn;
  if (values.questionTh.trim()) question.th = values.questionTh;
  const result = linkSurveySchema.safeParse({
    id: values.id,
    type: values.type,
    question,
    contextKeys: values.contextKeys.split(',').map((key) => key.trim()).filter(Boolean),
    singleUse: values.singleUse,
  });
  return result.success ? { survey: result.data } : { problems: describe(result.error.issues, values) };
}

/** Checks the shop's name (at most 80 characters) and colour (`#rrggbb`). */
export function parseLookForm(fields: Record<string, string>): { look: ShopLook } | { problems: string[] } {
  const shopName = (fields.shopName ?? '').trim().normalize('NFC');
  const colour = (fields.colour ?? '').trim();
  const problems: string[] = [];
  if ([...shopName].length > 80) problems.push('shopName: must be at most 80 characters');
  if (!isHexColour(colour)) problems.push(`colour: "${colour}" is not a colour; use #rrggbb, e.g. #2563eb`);
  return problems.length ? { problems } : { look: { shopName, colour: colour.toLowerCase() } };
}
