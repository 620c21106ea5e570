import type { CaseFigures } from '../inbox/case-store';
import { scoreChanges, type ScoreMetrics } from '../stats/score-metrics';
import type { BreakdownRow, ContextKey, DashboardQueries, TrendPoint } from './dashboard-queries';
import { previousPeriod, type Filters } from './filters';

export interface DashboardSummary {
  filters: Filters;
  summary: ScoreMetrics;
  /** The same figures for the period of the same length just before, and whether each change is within the noise. */
  previous?: { from: string; to: string; summary: ScoreMetrics; change: ReturnType<typeof scoreChanges> };
  /** `cut`: the range held more than `MAX_PERIODS` periods; the newest are shown. */
  trend: { unit: 'week' | 'month'; points: TrendPoint[]; cut: boolean };
  breakdown?: { key: string; rows: BreakdownRow[]; othersCount: number };
  reasons: Awaited<ReturnType<DashboardQueries['reasons']>>;
  contextKeys: ContextKey[];
  surveys: Awaited<ReturnType<DashboardQueries['surveys']>>;
  cases: CaseFigures;
}

/**
 * What the dashboard page shows first for one set of filters, in one response: scores with
 * intervals, the change since the previous period, the trend, a breakdown by one context key
 * (`by`, else a key the filters narrow, else the first key with 2–50 values),
 * reasons, the context keys to filter by, and the inbox's figures. Comment themes, the costliest
 * part (every sampled comment segmented), come after first paint from `GET /api/themes`.
 */
export async function loadDashboardSummary(
  queries: DashboardQueries,
  caseFigures: (filters: Filters) => Promise<CaseFigures>,
  filters: Filters,
  { by, unit }: { by?: string; unit: 'week' | 'month' },
): Promise<DashboardSummary> {
  const before = previousPeriod(filters);
  // The keys decide which breakdown to show; the rest does not wait for them (on PostgreSQL the
  // queries run side by side, so the request takes the longest chain, not keys + the longest).
  const keysAndBreakdown = (async () => {
    const contextKeys = await queries.contextKeys(filters);
    // Without a chosen key: the key the filters narrow (so filtering by a branch keeps the branch
    // breakdown, now of one row), else the first that groups answers (2–50 values).
    const key = by ?? Object.keys(filters.context).find((k) => contextKeys.some((c) => c.key === k))
      ?? contextKeys.find((k) => k.distinctValues >= 2 && k.distinctValues <= 50)?.key;
    return { contextKeys, key, breakdown: key ? await queries.breakdown(filters, key) : undefined };
  })();
  const [summary, previousSummary, trend, { contextKeys, key, breakdown }, reasons, surveys, cases] = await Promise.all([
    queries.summary(filters),
    before ? queries.summary(before) : undefined,
    queries.trend(filters, unit),
    keysAndBreakdown,
    queries.reasons(filters),
    queries.surveys(),
    caseFigures(filters),
  ]);
  return {
    filters,
    summary,
    ...(before && previousSummary ? { previous: { from: before.from!, to: before.to!, summary: previousSummary, change: scoreChanges(previousSummary, summary) } } : {}),
    trend: { unit, ...trend },
    ...(key && breakdown ? { breakdown: { key, ...breakdown } } : {}),
    reasons, contextKeys, surveys, cases,
  };
}
