// The dashboard page: filters, NPS / CSAT% / CES as ranges with the change since the previous
// period, the trend with its interval band, a breakdown by a context key, reason chips and comment
// themes — from GET /api/summary, then the themes from GET /api/themes once the rest is drawn.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { DashboardSummary } from '../src/dashboard/dashboard-summary';
import type { DashboardQueries } from '../src/dashboard/dashboard-queries';
import { BreakdownTable } from './dashboard/breakdown-table';
import { FilterBar } from './dashboard/filter-bar';
import { createFiltersModel, type FiltersModel } from './dashboard/filters-model';
import type { Format } from './dashboard/format';
import { t, type Lang } from './dashboard/messages';
import { markReady, pageContext } from './dashboard/page-context';
import { Reasons, Themes } from './dashboard/reasons-themes';
import { ScoreCards } from './dashboard/score-cards';
import { StatusLine } from './dashboard/status-line';
import { TrendChart } from './dashboard/trend-chart';
import { useLoader } from './dashboard/use-loader';

function Dashboard({ lang, format, filters }: { lang: Lang; format: Format; filters: FiltersModel }) {
  const [by, setBy] = useState(new URLSearchParams(location.search).get('by') ?? '');
  const [unit, setUnit] = useState<'week' | 'month'>('week');
  const query = filters.query.value;
  const { data, error, loading } = useLoader<DashboardSummary>(`/api/summary?${query}${by ? `&by=${encodeURIComponent(by)}` : ''}&unit=${unit}`);
  // Themes segment every sampled comment: asked for once the summary is on screen, not before.
  const themes = useLoader<{ themes: Awaited<ReturnType<DashboardQueries['themes']>> }>(data ? `/api/themes?${query}` : null);
  useEffect(() => markReady(!!data && !loading && (data.summary.responses === 0 || (!!themes.data && !themes.loading))));
  return (
    <>
      <div class="view-head">
        <h1>{t(lang, 'dashboard')}</h1>
        <p class="exports">
          {t(lang, 'export')}: <a href={`/api/responses.csv?${query}`} download>CSV</a> · <a href={`/api/responses.json?${query}`}>JSON</a>
        </p>
      </div>
      <FilterBar lang={lang} format={format} filters={filters} choices={data} id="dashboard" />
      <StatusLine lang={lang} loading={loading} error={error} />
      {data && (
        data.summary.responses === 0 ? <p class="card muted">{t(lang, 'noAnswers')}</p> : (
          <div class="dashboard-grid">
            <ScoreCards lang={lang} format={format} data={data} />
            <TrendChart lang={lang} format={format} points={data.trend.points} cut={data.trend.cut} unit={unit} onUnit={setUnit} />
            <BreakdownTable lang={lang} format={format} data={data} by={data.breakdown?.key} onBy={setBy} filters={filters} />
            <Reasons lang={lang} format={format} reasons={data.reasons} filtersQuery={query} />
            {themes.data ? <Themes lang={lang} format={format} themes={themes.data.themes} filtersQuery={query} /> : <StatusLine lang={lang} loading={themes.loading} error={themes.error} />}
          </div>
        )
      )}
    </>
  );
}

const { root, lang, format } = pageContext();
render(<Dashboard lang={lang} format={format} filters={createFiltersModel('30d')} />, root);
