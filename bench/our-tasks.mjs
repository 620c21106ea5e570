// The main-thread tasks that ran our scripts during one page load, from a Chrome trace: hearback
// defers start-up work to idle time, so "at load" (the tasks before its first idle callback: the
// loader's evaluation) and "over the first seconds" (everything, idle work included: the engine's
// and the prompt's chunks, `init`) are reported apart. Script time = the outermost script events
// inside each task.
const scriptEvents = new Set(['EvaluateScript', 'FunctionCall', 'TimerFire', 'FireIdleCallback', 'RunMicrotasks', 'EventDispatch', 'v8.compile']);
const isTask = (event) => event.ph === 'X' && (event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask');

/** Loads `url` in `tab` (CPU throttle already set) with tracing on; `scriptName` matches our files' names (the first to run is the loader). */
export async function traceOurTasks(cdp, tab, url, scriptName, { afterLoadMs = 3000 } = {}) {
  const events = [];
  const collect = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,toplevel', transferMode: 'ReportEvents' });
  await tab.goto(url, { waitUntil: 'load' });
  await tab.waitForTimeout(afterLoadMs);
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  return ourTasks(events, scriptName);
}

/** Pure: trace events → our tasks in order, each `{ ms, scriptMs, idle }`, and the at-load / total sums. */
export function ourTasks(events, scriptName) {
  const ours = (event) => {
    const args = JSON.stringify(event.args ?? {});
    return typeof scriptName === 'string' ? args.includes(scriptName) : scriptName.test(args);
  };
  const evaluation = events.find((event) => event.name === 'EvaluateScript' && ours(event));
  if (!evaluation) throw new Error(`no evaluation of ${scriptName} in the trace`);
  const thread = events.filter((event) => event.pid === evaluation.pid && event.tid === evaluation.tid && event.ph === 'X');
  const tasks = [];
  // Tasks nest (RunTask inside ThreadControllerImpl::RunTask): keep the outermost.
  for (const task of thread.filter(isTask).sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
    const last = tasks.at(-1);
    if (task.ts + task.dur >= evaluation.ts && (!last || task.ts >= last.ts + last.dur)) tasks.push(task);
  }
  const result = [];
  for (const task of tasks) {
    const inside = thread.filter((event) => event !== task && event.ts >= task.ts && event.ts + (event.dur ?? 0) <= task.ts + task.dur + 1);
    if (!inside.some(ours)) continue;
    let scriptUs = 0;
    let end = 0;
    for (const event of inside.filter((e) => scriptEvents.has(e.name)).sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
      if (event.ts < end) continue;
      scriptUs += event.dur;
      end = event.ts + event.dur;
    }
    result.push({ ms: task.dur / 1000, scriptMs: scriptUs / 1000, idle: inside.some((event) => event.name === 'FireIdleCallback') });
  }
  const firstIdle = result.findIndex((task) => task.idle);
  const atLoad = firstIdle < 0 ? result : result.slice(0, firstIdle);
  const sum = (list) => ({ scriptMs: list.reduce((total, task) => total + task.scriptMs, 0), longestMs: Math.max(0, ...list.map((task) => task.ms)), tasks: list.length });
  return { tasks: result, atLoad: sum(atLoad), total: sum(result) };
}
