import type { DashboardSummary } from '../../src/dashboard/dashboard-summary';
import type { Estimate } from '../../src/stats/nps-interval';
import type { FiltersModel } from './filters-model';
import type { Format } from './format';
import { t, tooFewLabel, type Lang } from './messages';

/**
 * NPS, CSAT%, CES and counts for each value of one context key (branch, touchpoint…), each with its
 * range, so two branches are compared with their uncertainty in view. A value's button filters
 * the whole dashboard to it.
 */
export function BreakdownTable({ lang, format, data, by, onBy, filters }: {
  lang: Lang; format: Format; data: DashboardSummary; by?: string; onBy: (key: string) => void; filters: FiltersModel;
}) {
  const keys = data.contextKeys.filter((key) => key.distinctValues <= 50);
  const cell = (label: string, estimate: Estimate, show: (v: number) => string) =>
    estimate.value === null ? <td data-label={label}>–</td> : (
      <td data-label={label}>
        <strong>{show(estimate.value)}</strong>{' '}
        <span class={`muted small${estimate.low === null ? ' too-few' : ''}`}>({estimate.low === null ? tooFewLabel(lang, estimate.responses) : `${show(estimate.low)} – ${show(estimate.high!)}`})</span>
      </td>
    );
  return (
    <article class="card breakdown" aria-labelledby="breakdown-title">
      <div class="card-head">
        <h2 id="breakdown-title">{t(lang, 'breakdown')}</h2>
        {keys.length > 0 && (
          <div class="filter inline">
            <label for="breakdown-by">{t(lang, 'breakdownBy')}</label>
            <select id="breakdown-by" value={by ?? ''} onChange={(event) => onBy((event.target as HTMLSelectElement).value)}>
              {keys.map((key) => <option key={key.key} value={key.key}>{format.key(key.key)}</option>)}
            </select>
          </div>
        )}
      </div>
      {!keys.length || !data.breakdown ? <p class="muted">{t(lang, 'noContext')}</p> : (
        <div>
          <table class="data stack-table" data-testid="breakdown">
            <thead>
              <tr>
                <th scope="col">{format.key(data.breakdown.key)}</th><th scope="col">{t(lang, 'answers')}</th>
                <th scope="col">NPS</th><th scope="col">CSAT</th><th scope="col">CES</th>
              </tr>
            </thead>
            <tbody>
              {data.breakdown.rows.map((row) => (
                <tr key={String(row.value)}>
                  <th scope="row">
                    {row.value === null ? t(lang, 'none') : (
                      <button type="button" class="link" title={`${t(lang, 'filterTo')} ${format.key(data.breakdown!.key)} = ${format.value(data.breakdown!.key, row.value)}`} onClick={() => filters.setContext(data.breakdown!.key, row.value!)}>{format.value(data.breakdown!.key, row.value)}</button>
                    )}
                  </th>
                  <td data-label={t(lang, 'answers')}>{format.whole(row.responses)}</td>
                  {cell('NPS', row.nps, (v) => format.whole(v))}
                  {cell('CSAT', row.csat, (v) => `${format.whole(v)}%`)}
                  {cell('CES', row.ces, (v) => format.one(v))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}
