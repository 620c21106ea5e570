import type { Kinds, SurveyType } from '../stats/score-metrics';

const threshold = (kinds: Kinds, alias: string, pick: (kind: Kinds[SurveyType]) => number) =>
  `CASE ${alias}.type ${(Object.keys(kinds) as SurveyType[]).map((type) => `WHEN '${type}' THEN ${Math.trunc(pick(kinds[type]))}`).join(' ')} END`;

/**
 * The answer's band (`'detractor' | 'passive' | 'promoter'`) as a SQL expression, from the SDK's
 * survey kinds, so the database and the SDK draw the lines in the same place.
 */
export function bandSql(kinds: Kinds, alias = 'r'): string {
  return `(CASE WHEN ${alias}.score >= ${threshold(kinds, alias, (k) => k.promoterFrom)} THEN 'promoter' ` +
    `WHEN ${alias}.score >= ${threshold(kinds, alias, (k) => k.passiveFrom)} THEN 'passive' ELSE 'detractor' END)`;
}

/** True for answers in the detractor band of their type. */
export function detractorSql(kinds: Kinds, alias = 'r'): string {
  return `(${alias}.score < ${threshold(kinds, alias, (k) => k.passiveFrom)})`;
}
