import { surveyTypeRegistry, surveyTypes } from 'hearback/receiver';
import type { ContextKey } from '../../src/dashboard/dashboard-queries';
import type { FiltersModel } from './filters-model';
import type { Format } from './format';
import { t, type Lang } from './messages';

export interface FilterChoices {
  surveys: { survey: string; type: string; count: number }[];
  contextKeys: ContextKey[];
}

const ranges = [['7d', 'range7d'], ['30d', 'range30d'], ['90d', 'range90d'], ['quarter', 'rangeQuarter'], ['all', 'rangeAll']] as const;

/**
 * The filters every view shares: dates (presets), survey, type, language, and one select per
 * context key the answers hold (touchpoint, branch…), with that key's most frequent values.
 */
export function FilterBar({ lang, format, filters, choices, id }: { lang: Lang; format: Format; filters: FiltersModel; choices?: FilterChoices; id: string }) {
  const plain = filters.plain.value;
  const context = filters.context.value;
  const keys = (choices?.contextKeys ?? []).filter((key) => key.distinctValues <= 50 || context[key.key]);
  const select = (name: 'range' | 'survey' | 'type' | 'language', label: string, options: [string, string][]) => (
    <div class="filter">
      <label for={`${id}-${name}`}>{label}</label>
      <select id={`${id}-${name}`} value={plain[name] ?? ''} onChange={(event) => filters.set(name, (event.target as HTMLSelectElement).value)}>
        {options.map(([value, text]) => <option value={value} key={value}>{text}</option>)}
      </select>
    </div>
  );
  return (
    <form class="filter-bar" aria-label={t(lang, 'filters')} onSubmit={(event) => event.preventDefault()}>
      {select('range', t(lang, 'range'), [
        ...(plain.from || plain.to ? [['', `${plain.from ?? '…'} – ${plain.to ?? '…'}`] as [string, string]] : []),
        ...ranges.map(([value, key]) => [value, t(lang, key)] as [string, string]),
      ])}
      {select('survey', t(lang, 'survey'), [['', t(lang, 'allSurveys')], ...(choices?.surveys ?? []).map((s) => [s.survey, s.survey] as [string, string])])}
      {select('type', t(lang, 'type'), [['', t(lang, 'allTypes')], ...surveyTypes.map((type) => [type, surveyTypeRegistry[type].label[lang]] as [string, string])])}
      {select('language', t(lang, 'language'), [['', t(lang, 'allLanguages')], ['th', 'ไทย'], ['en', 'English']])}
      {keys.map((key) => {
        const values = key.values.map((v) => v.value);
        if (context[key.key] && !values.includes(context[key.key])) values.unshift(context[key.key]);
        return (
          <div class="filter" key={key.key}>
            <label for={`${id}-context-${key.key}`}>{format.key(key.key)}</label>
            <select id={`${id}-context-${key.key}`} value={context[key.key] ?? ''} onChange={(event) => filters.setContext(key.key, (event.target as HTMLSelectElement).value)}>
              <option value="">{t(lang, 'any')}</option>
              {values.map((value) => <option value={value} key={value}>{format.value(key.key, value)}</option>)}
            </select>
          </div>
        );
      })}
      <button type="button" class="link" onClick={() => filters.clear()}>{t(lang, 'clearFilters')}</button>
    </form>
  );
}
