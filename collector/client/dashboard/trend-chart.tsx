import { CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { surveyTypeRegistry, surveyTypes, type SurveyType } from 'hearback/receiver';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TrendPoint } from '../../src/dashboard/dashboard-queries';
import type { Format } from './format';
import { t, tooFewLabel, type Lang } from './messages';

type MetricName = SurveyType;
const colours: Record<MetricName, string> = { nps: '#1d4ed8', csat: '#15803d', ces: '#7e22ce' };
const scales = (metric: MetricName) => surveyTypeRegistry[metric].metric.range;

/**
 * The trend of one score per week or month, with its 95% interval drawn as a shaded band (the
 * low and high lines filled between). chart.js draws on a canvas, so nothing breaks the strict CSP;
 * the same figures are in a table for screen readers and for copying.
 */
export function TrendChart({ lang, format, points, cut, unit, onUnit }: {
  lang: Lang; format: Format; points: TrendPoint[]; cut: boolean; unit: 'week' | 'month'; onUnit: (unit: 'week' | 'month') => void;
}) {
  const [metric, setMetric] = useState<MetricName>('nps');
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  const label = (period: string) => (unit === 'month' ? format.month(period) : format.day(period));

  useEffect(() => {
    Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Filler, Tooltip, Legend);
    // The unfinished period is its own dashed dataset, joined to the last finished point, so a
    // week with one answer so far is never drawn as the line's plunge.
    const values = points.map((p) => (p.unfinished ? null : p[metric].value));
    const last = points.findIndex((p) => p.unfinished);
    const soFar = points.map((p, i) => (i === last || (last > 0 && i === last - 1) ? p[metric].value : null));
    const config = {
      type: 'line' as const,
      data: {
        labels: points.map((p) => label(p.period)),
        datasets: [
          { label: '95% low', data: points.map((p) => p[metric].low), borderWidth: 0, pointRadius: 0, fill: false, spanGaps: true },
          { label: t(lang, 'trendBand'), data: points.map((p) => p[metric].high), borderWidth: 0, pointRadius: 0, backgroundColor: `${colours[metric]}26`, fill: '-1', spanGaps: true },
          { label: t(lang, `${metric}Title`), data: values, borderColor: colours[metric], backgroundColor: colours[metric], borderWidth: 2, pointRadius: 3, fill: false, spanGaps: true },
          ...(last < 0 ? [] : [{
            label: `${t(lang, `${metric}Title`)}: ${t(lang, 'unfinished')} (${points[last][metric].responses})`, data: soFar,
            borderColor: colours[metric], backgroundColor: '#ffffff', borderDash: [6, 4], borderWidth: 2, pointRadius: 4, fill: false, spanGaps: false,
          }]),
        ],
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false as const,
        scales: { y: { min: scales(metric)[0], max: scales(metric)[1] } },
        plugins: { legend: { labels: { filter: (item: { text: string }) => item.text !== '95% low' } } },
      },
    };
    chart.current?.destroy();
    chart.current = new Chart(canvas.current!, config);
    return () => chart.current?.destroy();
  }, [points, metric, lang, unit]);

  const show = (value: number | null) => (value === null ? '–' : surveyTypeRegistry[metric].metric.kind === 'mean' ? format.one(value) : format.whole(value));
  return (
    <article class="card trend" aria-labelledby="trend-title">
      <div class="card-head">
        <h2 id="trend-title">{t(lang, 'trend')}</h2>
        <div class="segmented" role="group" aria-label={t(lang, 'metric')}>
          {surveyTypes.map((name) => (
            <button type="button" key={name} aria-pressed={metric === name} onClick={() => setMetric(name)}>{t(lang, `${name}Title`)}</button>
          ))}
        </div>
        <div class="segmented" role="group" aria-label={t(lang, 'period')}>
          <button type="button" aria-pressed={unit === 'week'} onClick={() => onUnit('week')}>{t(lang, 'byWeek')}</button>
          <button type="button" aria-pressed={unit === 'month'} onClick={() => onUnit('month')}>{t(lang, 'byMonth')}</button>
        </div>
      </div>
      {cut && <p class="muted small" role="note">{t(lang, 'trendCut')}</p>}
      {points.some((p) => p.unfinished) && <p class="muted small" data-testid="trend-unfinished">{t(lang, 'unfinishedNote')}</p>}
      <div class="chart">
        <canvas ref={canvas} role="img" aria-label={`${t(lang, 'trend')}: ${t(lang, `${metric}Title`)}, ${t(lang, 'trendBand')}`} />
      </div>
      <details>
        <summary>{t(lang, 'showTable')}</summary>
        <table class="data">
          <thead><tr><th scope="col">{t(lang, 'period')}</th><th scope="col">{t(lang, `${metric}Title`)}</th><th scope="col">{t(lang, 'range95')}</th><th scope="col">{t(lang, 'answers')}</th></tr></thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.period}>
                <th scope="row">{label(p.period)}{p.unfinished && <span class="muted small too-few"> ({t(lang, 'unfinished')})</span>}</th>
                <td>{show(p[metric].value)}</td>
                <td>{p[metric].value === null ? '–' : p[metric].low === null ? <span class="too-few">{tooFewLabel(lang, p[metric].responses)}</span> : `${show(p[metric].low)} – ${show(p[metric].high)}`}</td>
                <td>{format.whole(p[metric].responses)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </article>
  );
}
