const types = ['nps', 'csat', 'ces'];

/**
 * Builds the dashboard's numbers from grouped counts, through the receiver kit's metric helpers so
 * the dashboard and any receiver agree to the decimal. Counts are expanded to one shared object per
 * (type, score): memory grows by one pointer per answer, not one object.
 * @param {{ nps: Function, csat: Function, ces: Function, surveyKinds: Record<string, { scale: readonly [number, number] }> }} kit
 */
export function createSummary(kit) {
  const metrics = (counts) => {
    const scored = expand(counts);
    return { nps: kit.nps(scored), csat: kit.csat(scored), ces: kit.ces(scored) };
  };

  return function summarise({ counts, weekly, comments, callbacks, surveys }) {
    const overall = metrics(counts);
    const distribution = Object.fromEntries(types.map((type) => {
      const [min, max] = kit.surveyKinds[type].scale;
      const scores = Array.from({ length: max - min + 1 }, (_, i) => min + i);
      return [type, scores.map((score) => ({ score, count: counts.find((c) => c.type === type && c.score === score)?.count ?? 0 }))];
    }));
    const trend = weeksBetween(weekly).map((week) => {
      const weekMetrics = metrics(weekly.filter((row) => row.week === week));
      return {
        week,
        ...Object.fromEntries(types.map((type) => [type, { score: weekMetrics[type].score, responses: weekMetrics[type].responses }])),
      };
    });
    return {
      total: counts.reduce((sum, row) => sum + row.count, 0),
      ...overall,
      distribution,
      trend,
      comments,
      callbacks,
      surveys,
    };
  };
}

function expand(counts) {
  const scored = [];
  for (const { type, score, count } of counts) {
    const one = { type, score };
    for (let i = 0; i < count; i++) scored.push(one);
  }
  return scored;
}

/** Every Monday from the first week with answers to the last, so gaps show as gaps. Max 104. */
function weeksBetween(weekly) {
  if (!weekly.length) return [];
  const first = Date.parse(`${weekly[0].week}T00:00:00Z`);
  const last = Date.parse(`${weekly[weekly.length - 1].week}T00:00:00Z`);
  const weeks = [];
  for (let time = Math.max(first, last - 103 * 7 * 86_400_000); time <= last; time += 7 * 86_400_000) {
    weeks.push(new Date(time).toISOString().slice(0, 10));
  }
  return weeks;
}
