import { findSurvey } from '../config/find-survey';
import { surveyTypes } from '../surveys/kinds';
import type { Config } from '../config/parse-options';
import type { Survey } from '../config/survey-schema';
import type { Trigger } from '../config/trigger-schema';
import type { ShowCause } from '../engine/events';
import type { Logger } from '../common/log';
import { plainContext } from '../payload/plain-context';
import type { KeyValueStore } from '../storage/key-value-store';
import { watchClicks } from './click-selector';
import { bridgeDataLayer } from './data-layer';
import { watchDelay, type Stop } from './delay';
import { matchesEvent } from './event';
import { watchExitIntent } from './exit-intent';
import { countPageView } from './page-views';
import { watchScrollDepth } from './scroll-depth';
import { watchShowAttribute } from './show-attribute';
import { watchRoutes } from './spa-routes';
import type { OnFire, Triggers } from './trigger-types';
import { matchesUrl } from './url-match';

interface Watched {
  survey: Survey;
  trigger: Trigger;
  /** Stops for the armed moments while the conditions hold; undefined while they do not. */
  armed?: Stop[];
}


/**
 * Watches the page and calls `onFire` when a survey's trigger says "now" (the rules decide after).
 * Per survey: `url` and `pageViews` are conditions that must all hold; `event`, `delay`, `scroll`,
 * `exitIntent` and `selector` are moments, any one of which fires while the conditions hold. A
 * trigger with conditions only fires when they start to hold (at load or on an SPA route change).
 * Moments are armed when the conditions start to hold and cancelled when they stop holding.
 * `<… data-hearback-show="id|nps|csat|ces">` clicks always fire, regardless of triggers.
 */
export function createTriggers(deps: { config: Config; store: KeyValueStore; onFire: OnFire; log: Logger; window?: Window }): Triggers {
  const { config, store, onFire, log } = deps;
  const win = deps.window ?? (typeof window === 'object' ? window : undefined);
  const watched: Watched[] = config.surveys.flatMap((survey) => (survey.trigger ? [{ survey, trigger: survey.trigger }] : []));
  const countsViews = watched.some((w) => w.trigger.pageViews);
  const stops: Stop[] = [];
  let alive = true;
  let views = 0;

  const fire = (survey: Survey, cause: ShowCause, detail = '', context?: Record<string, unknown>) => {
    if (!alive) return;
    log.debug(`${survey.id}: ${cause} trigger${detail}`);
    onFire(survey, cause, cause === 'selector' || cause === 'attribute' ? { takeFocus: true } : context && { context });
  };
  const path = () => (win ? win.location.pathname + win.location.search : '');
  const fails = ({ trigger: t }: Watched) =>
    t.url && !(win && matchesUrl(t.url, win.location))
      ? `url rule does not match ${path()}`
      : t.pageViews && views < t.pageViews
        ? `page view ${views} of ${t.pageViews}`
        : '';

  const arm = (w: Watched): Stop[] => {
    const { survey, trigger: t } = w;
    const once = (cause: ShowCause) => () => fire(survey, cause);
    const armed: Stop[] = [];
    if (t.delay !== undefined) armed.push(watchDelay(t.delay, once('delay')));
    if (win && t.scroll !== undefined) armed.push(watchScrollDepth(win, t.scroll, once('scroll')));
    if (win && t.exitIntent) armed.push(watchExitIntent(win, once('exitIntent')));
    if (win && t.selector)
      armed.push(watchClicks(win.document, t.selector, once('selector'), () => log.error(`${survey.id}: trigger.selector must be a valid CSS selector (got ${t.selector})`)));
    const moments = t.event !== undefined || armed.length;
    if (!moments && (t.url || t.pageViews)) fire(survey, t.pageViews ? 'pageViews' : 'url', ` (${path()})`);
    return armed;
  };

  const evaluate = () => {
    for (const w of watched) {
      const reason = fails(w);
      if (!reason && !w.armed) w.armed = arm(w);
      else if (reason && w.armed) {
        w.armed.forEach((stop) => stop());
        w.armed = undefined;
        log.debug(`${w.survey.id}: waiting, ${reason}; pending triggers cancelled`);
      } else if (reason) log.debug(`${w.survey.id}: waiting, ${reason}`);
    }
  };

  // Page views come from the store, so everything waits for the count; `track` calls queue behind it.
  let ready: Promise<unknown> = (countsViews ? countPageView(store).then((n) => (views = n)) : Promise.resolve()).then(
    () => alive && evaluate(),
  );
  const later = (work: () => unknown) => {
    ready = ready.then(work).catch((error) => log.error(`internal error: ${String(error)}`));
  };

  function showFromAttribute(id: string) {
    const survey = findSurvey(config.surveys, id);
    if (survey) fire(survey, 'attribute');
    else log.error(`data-hearback-show="${id}": no such survey (nor ${surveyTypes.join(', ')})`);
  }

  const api: Triggers = {
    track(event, props) {
      later(() => {
        const firing = watched.filter((w) => w.armed && matchesEvent(w.trigger.event, event));
        // Props are read only when they may open a prompt, and warned about once per event.
        const context = firing.length ? plainContext(props, `track("${event}") props`, log) : undefined;
        for (const w of firing) fire(w.survey, 'event', ` (${event})`, context);
      });
    },
    destroy() {
      alive = false;
      for (const w of watched) w.armed?.forEach((stop) => stop());
      stops.forEach((stop) => stop());
    },
  };
  if (win) {
    stops.push(watchShowAttribute(win.document, (id) => showFromAttribute(id)));
    if (watched.some((w) => w.trigger.url || w.trigger.pageViews)) {
      let lastPath = win.location.pathname;
      stops.push(
        watchRoutes(win, () =>
          later(async () => {
            if (countsViews && win.location.pathname !== lastPath) views = await countPageView(store);
            lastPath = win.location.pathname;
            if (alive) evaluate();
          }),
        ),
      );
    }
    if (config.dataLayer) stops.push(bridgeDataLayer(win, (event, props) => api.track(event, props)));
  }
  for (const w of config.surveys) if (!w.trigger) log.debug(`${w.id}: no trigger, shows only on show() or a button`);
  return api;
}
