// The bench's figures as Markdown, from bench/results.json: bench/run.mjs prints this and writes
// it into docs/performance.md between the bench markers, and a unit test fails if the page's copy
// differs from what results.json renders to — so the page says what the last run measured.
export const startMarker = '<!-- bench:start — written by npm run bench from bench/results.json; do not edit by hand -->';
export const endMarker = '<!-- bench:end -->';
/** The README's one-paragraph quote of the same run, between markers of its own. */
export const headlineMarkers = ['<!-- bench:headline — written by npm run bench from bench/results.json -->', '<!-- bench:headline:end -->'];

/** The middle value (for an even count, the upper of the two middle ones). */
const median = (values) => {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
};
const worst = (values) => Math.max(...values.filter((value) => Number.isFinite(value)));
const kb = (bytes) => (bytes / 1024).toFixed(1) + ' KB';
const ms = (value) => (Number.isFinite(value) ? value.toFixed(1) + ' ms' : 'not measured');

/** The targets of the load measures; `met` decides from the median (and, for tasks, the worst run). */
export const targets = {
  ourWorkAtLoad: { text: '< 5 ms', met: (value) => value < 5 },
  ourLongestTask: { text: '≤ 50 ms', met: (value) => value <= 50 },
  triggerToPrompt: { text: '< 100 ms', met: (value) => value < 100 },
};

function table(header, rows) {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

/** The median of one page figure over the runs: `side` is without, with, cold or posthog; `when` a later reading (firstSeconds). */
const pageFigure = (runs) => (side, key, when) => median(runs.map((run) => (when ? run[side]?.[when]?.[key] : run[side]?.[key])));

/** One figure of every traced load (a run kept one trace, or a list of them). */
const tracedFigures = (runs) => (key) => runs.flatMap((run) => [run.traced].flat().map((trace) => trace[key]));

/** The medians (and the worst longest task) the three targets are judged on. */
function targetFigures({ load }) {
  const ours = tracedFigures(load.runs);
  return {
    atLoad: median(ours('atLoadScriptMs')),
    longest: median(ours('longestTaskMs')),
    longestWorst: worst(ours('longestTaskMs')),
    trigger: median(load.runs.map((run) => run.with.triggerMs)),
    cold: median(load.runs.map((run) => run.cold?.coldMs)),
  };
}

/** The same page's first 3 s with hearback and with posthog-js, when the run measured both (else nothing). */
function peerHeadline(runs) {
  if (!runs.some((run) => run.posthog?.firstSeconds && run.with.firstSeconds)) return '';
  const page = pageFigure(runs);
  return (
    `over the page's first 3 s, ${ms(page('with', 'scriptMs', 'firstSeconds'))} of the whole page's script time (Chrome's metric) and ${ms(page('with', 'blockingMs', 'firstSeconds'))} of blocking time with hearback, ` +
    `${ms(page('posthog', 'scriptMs', 'firstSeconds'))} and ${ms(page('posthog', 'blockingMs', 'firstSeconds'))} with posthog-js and its surveys; `
  );
}

/** The README's quote of one run: the three targets, measured, and where the rest is. */
export function renderHeadline(results) {
  const { atLoad, longest, longestWorst, trigger, cold } = targetFigures(results);
  return (
    `Measured by \`npm run bench\` on ${results.date} (${results.load.runs.length} loads of each page, ${tracedFigures(results.load.runs)('atLoadScriptMs').length} traced, at ${results.load.throttle}× CPU throttle, ` +
    `2 shared cores): ${ms(atLoad)} of our main-thread work at load (target ${targets.ourWorkAtLoad.text}), ` +
    `our longest task ${ms(longest)}, worst ${ms(longestWorst)} (target ${targets.ourLongestTask.text}), ` +
    `trigger → interactive prompt ${ms(trigger)} with the prompt's chunk fetched in idle time (target ${targets.triggerToPrompt.text}), ${ms(cold)} cold; ` +
    peerHeadline(results.load.runs) +
    `every figure is in [performance](docs/performance.md).`
  );
}

/** Markdown for a results object as bench/run.mjs writes it. */
export function renderResults(results) {
  const { size, load, benches } = results;
  const parts = [];
  parts.push(`Measured ${results.date} at commit \`${results.commit}\` on ${results.machine} (Chromium ${results.chromium}, Node ${results.node}).`);

  parts.push('### Script size (gzip -9 / brotli -q 11)');
  parts.push(
    table(
      ['bundle', 'gzip', 'brotli', '× ours (gzip)'],
      [
        ...(size.parts ?? []).map((part) => [part.name, kb(part.gzip), kb(part.brotli), '']),
        [size.parts ? 'hearback: the most a page loads (loader, engine, prompt, one language)' : 'hearback.min.js (everything)', kb(size.ours.gzip), kb(size.ours.brotli), '1.0'],
        ...size.peers.map((peer) => [peer.name, kb(peer.gzip), kb(peer.brotli), (peer.gzip / size.ours.gzip).toFixed(peer.gzip < size.ours.gzip ? 2 : 1)]),
      ],
    ),
  );

  const runs = load.runs;
  const ours = tracedFigures(runs);
  const traces = ours('atLoadScriptMs').length;
  const page = pageFigure(runs);
  // The same page with posthog-js and its surveys, when the run measured it (bench/peer-posthog.mjs).
  const peer = runs.some((run) => run.posthog);
  const row = (measure, key, when, format = ms) => [measure, format(page('without', key, when)), format(page('with', key, when)), ...(peer ? [format(page('posthog', key, when))] : [])];
  const ourRow = (measure, value, target = '', verdictText = '') => [measure, '—', value, ...(peer ? ['—'] : []), target, verdictText];
  const firstSeconds = runs.some((run) => run.with.firstSeconds);
  const { atLoad, longest, longestWorst, trigger, cold } = targetFigures(results);
  const verdict = (target, ...values) => (values.every((value) => targets[target].met(value)) ? 'met' : '**missed**');
  parts.push(`### In Chromium at ${load.throttle}× CPU throttle (median of ${runs.length} ${runs.length === 1 ? 'load' : 'loads'} of each page)`);
  parts.push(
    table(
      ['measure', 'page without hearback', 'page with hearback', ...(peer ? ['page with posthog-js and its surveys'] : []), 'target', ''],
      [
        ourRow(`our main-thread work at load, before a prompt is due (median of ${traces} traced loads: the snippet and the loader's evaluation, up to the first idle callback)`, ms(atLoad), targets.ourWorkAtLoad.text, verdict('ourWorkAtLoad', atLoad)),
        ourRow('our longest task, idle-time start-up included (traced, first 3 s)', `${ms(longest)} (worst of ${traces}: ${ms(longestWorst)})`, targets.ourLongestTask.text, verdict('ourLongestTask', longest, longestWorst)),
        ourRow('trigger → visible, interactive prompt (the prompt\'s chunk fetched in idle time, before it is due)', ms(trigger), targets.triggerToPrompt.text, verdict('triggerToPrompt', trigger)),
        ...(Number.isFinite(cold) ? [ourRow('show() → visible, interactive prompt, cold (the prompt\'s chunk fetched, run and rendered when due; localhost)', ms(cold))] : []),
        ourRow('our script over the first 3 s, in all (traced)', `${ms(median(ours('totalScriptMs')))} in ${median(ours('tasks'))} tasks`),
        [...row('main-thread script time, whole page, at load', 'scriptMs'), '', ''],
        [...row('main-thread task time, whole page, at load', 'taskMs'), '', ''],
        [...row('longest task of any kind, at load (long-task observer; 0 = none over 50 ms)', 'longestTaskMs'), '', ''],
        [...row('total blocking time, at load', 'blockingMs'), 'no more than without', page('with', 'blockingMs') <= page('without', 'blockingMs') ? 'met' : '**missed**'],
        ...(firstSeconds
          ? [
              [...row('main-thread script time, whole page, first 3 s', 'scriptMs', 'firstSeconds'), '', ''],
              [...row('main-thread task time, whole page, first 3 s', 'taskMs', 'firstSeconds'), '', ''],
              [...row('longest task of any kind, first 3 s', 'longestTaskMs', 'firstSeconds'), '', ''],
              [...row('total blocking time, first 3 s', 'blockingMs', 'firstSeconds'), 'no more than without', page('with', 'blockingMs', 'firstSeconds') <= page('without', 'blockingMs', 'firstSeconds') ? 'met' : '**missed**'],
            ]
          : []),
        [...row(firstSeconds ? 'JS heap after GC, at 3 s' : 'JS heap after GC', 'heapBytes', undefined, kb), '', ''],
      ],
    ),
  );

  for (const [name, bench] of Object.entries(benches)) {
    parts.push(`### ${name}${bench.status === 0 ? '' : ` (exited with status ${bench.status})`}`);
    parts.push('```\n' + bench.output.trim() + '\n```');
  }
  return parts.join('\n\n') + '\n';
}

/** `page` with the text between the bench markers replaced by `block`; throws if a marker is missing. */
export function replaceBlock(page, block, [open, close] = [startMarker, endMarker]) {
  const start = page.indexOf(open);
  const end = page.indexOf(close);
  if (start < 0 || end < start) throw new Error(`the page has no bench markers (${open} … ${close})`);
  return page.slice(0, start + open.length) + '\n\n' + block + '\n' + page.slice(end);
}

/** The text between the bench markers (or `markers`), as replaceBlock writes it. */
export function blockOf(page, [open, close] = [startMarker, endMarker]) {
  const start = page.indexOf(open);
  const end = page.indexOf(close);
  if (start < 0 || end < start) return undefined;
  return page.slice(start + open.length, end).replace(/^\n\n/, '').replace(/\n$/, '');
}
