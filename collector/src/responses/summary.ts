import { ces, csat, nps, surveyKinds, type Scored } from '../../../src/receiver';
import type { AnswerRecord } from './answer-record';
import { surveyTypes, type SurveyType } from './survey-types';

export interface ScoreCount { type: SurveyType; score: number; count: number }
export interface WeeklyScoreCount extends ScoreCount { week: string }

const metrics = (counts: ScoreCount[]) => {
  const scored = expand(counts);
  return { nps: nps(scored), csat: csat(scored), ces: ces(scored) };
};

/**
 * The dashboard's numbers from grouped counts, through the receiver kit's metric helpers so the
 * dashboard and any receiver agree to the decimal. Counts are expanded to one shared object per
 * (type, score): memory grows by one pointer per answer, not one object.
 */
export function summarise({ counts, weekly, comments, callbacks, surveys }: {
  counts: ScoreCount[];
  weekly: WeeklyScoreCount[];
  comments: AnswerRecord[];
  callbacks: AnswerRecord[];
  surveys: { survey: string; type: SurveyType; count: number }[];
}) {
  const overall = metrics(counts);
  const distribution = Object.fromEntries(surveyTypes.map((type) => {
    const [min, max] = surveyKinds[type].scale;
    const scores = Array.from({ length: max - min + 1 }, (_, i) => min + i);
    return [type, scores.map((score) => ({ score, count: counts.find((c) => c.type === type && c.score === score)?.count ?? 0 }))];
  }));
  const trend = weeksBetween(weekly).map((week) => {
    const weekMetrics = metrics(weekly.filter((row) => row.week === week));
    return { week, ...Object.fromEntries(surveyTypes.map((type) => [type, { score: weekMetrics[type].score, responses: weekMetrics[type].responses }])) };
  });
  return { total: counts.reduce((sum, row) => sum + row.count, 0), ...overall, distribution, trend, comments, callbacks, surveys };
}

function expand(counts: ScoreCount[]): Scored[] {
  const scored: Scored[] = [];
  for (const { type, score, count } of counts) {
    const one = { type, score };
    for (let i = 0; i < count; i++) scored.push(one);
  }
  return scored;
}

/** Every Monday from the first week with answers to the last, so gaps show as gaps. At most 104. */
function weeksBetween(weekly: WeeklyScoreCount[]): string[] {
  if (!weekly.length) return [];
  const first = Date.parse(`${weekly[0].week}T00:00:00Z`);
  const last = Date.parse(`${weekly[weekly.length - 1].week}T00:00:00Z`);
  const weeks: string[] = [];
  for (let time = Math.max(first, last - 103 * 7 * 86_400_000); time <= last; time += 7 * 86_400_000) {
    weeks.push(new Date(time).toISOString().slice(0, 10));
  }
  return weeks;
}
