import { surveyTypeRegistry } from 'hearback/receiver';
import type { DashboardSummary } from '../../src/dashboard/dashboard-summary';
import type { Change } from '../../src/stats/period-change';
import type { Estimate } from '../../src/stats/nps-interval';
import type { Format } from './format';
import { answersLabel, t, tooFewLabel, type Lang, type MessageKey } from './messages';

interface CardSpec {
  id: 'nps' | 'csat' | 'ces';
  title: MessageKey;
  help: MessageKey;
  scale: readonly [number, number];
  show: (value: number) => string;
  digits: number;
}

/**
 * A score as a range: the value, its 95% interval as a shaded span on the scale, the answers it
 * rests on, and the change since the previous period — saying when that change is within the noise.
 */
function ScoreCard({ lang, format, spec, estimate, change, previousLabel, extra }: {
  lang: Lang; format: Format; spec: CardSpec; estimate: Estimate; change?: Change | null; previousLabel?: string; extra?: string;
}) {
  const [min, max] = spec.scale;
  const at = (value: number) => `${((value - min) / (max - min)) * 100}%`;
  const has = estimate.value !== null;
  return (
    <article class="card score-card" aria-labelledby={`card-${spec.id}`}>
      <h2 id={`card-${spec.id}`}>{t(lang, spec.title)} <span class="muted">{t(lang, spec.help)}</span></h2>
      <p class="score-value" data-testid={`${spec.id}-value`}>{has ? spec.show(estimate.value!) : '–'}</p>
      {has && estimate.low === null && <p class="score-range muted" data-testid={`${spec.id}-range`}>{tooFewLabel(lang, estimate.responses)}</p>}
      {has && estimate.low !== null && (
        <>
          <p class="score-range">
            {t(lang, 'range95')}: <strong data-testid={`${spec.id}-range`}>{spec.show(estimate.low!)} – {spec.show(estimate.high!)}</strong>
          </p>
          <div class="range-bar" aria-hidden="true">
            <span class="range-span" style={{ left: at(estimate.low!), width: `calc(${at(estimate.high!)} - ${at(estimate.low!)})` }} />
            <span class="range-mark" style={{ left: at(estimate.value!) }} />
          </div>
        </>
      )}
      <p class="muted small" data-testid={`${spec.id}-count`}>{format.whole(estimate.responses)} {answersLabel(lang, estimate.responses)}{extra ? ` · ${extra}` : ''}</p>
      {change && previousLabel && (
        <p class={`change ${change.withinNoise ? 'noise' : change.change > 0 ? 'up' : 'down'}`}>
          <strong>{format.signed(change.change, spec.digits)}</strong> {t(lang, 'sincePrevious')} {previousLabel}:{' '}
          {change.tooFew ? tooFewLabel(lang, Math.min(...change.responses)) : t(lang, change.withinNoise ? 'withinNoise' : 'realChange')}
        </p>
      )}
    </article>
  );
}

export function ScoreCards({ lang, format, data }: { lang: Lang; format: Format; data: DashboardSummary }) {
  const { summary, previous } = data;
  const previousLabel = previous ? `${format.day(previous.from)} – ${format.day(previous.to)}` : undefined;
  const specs: CardSpec[] = [
    { id: 'nps', title: 'npsTitle', help: 'npsHelp', scale: surveyTypeRegistry.nps.metric.range, show: (v) => format.whole(v), digits: 0 },
    { id: 'csat', title: 'csatTitle', help: 'csatHelp', scale: surveyTypeRegistry.csat.metric.range, show: (v) => `${format.whole(v)}%`, digits: 0 },
    { id: 'ces', title: 'cesTitle', help: 'cesHelp', scale: surveyTypeRegistry.ces.metric.range, show: (v) => format.one(v), digits: 1 },
  ];
  return (
    <section class="score-cards" aria-label={t(lang, 'metric')}>
      <ScoreCard lang={lang} format={format} spec={specs[0]} estimate={summary.nps} change={previous?.change.nps} previousLabel={previousLabel} />
      <ScoreCard lang={lang} format={format} spec={specs[1]} estimate={summary.csat} change={previous?.change.csat} previousLabel={previousLabel} />
      <ScoreCard
        lang={lang} format={format} spec={specs[2]} estimate={summary.ces} change={previous?.change.ces} previousLabel={previousLabel}
        extra={summary.ces.easyShare === null ? undefined : `${format.whole(summary.ces.easyShare)}% ${t(lang, 'easyShare')}`}
      />
    </section>
  );
}
