import { parseOptions, type Config } from '../config/parse-options';
import type { Survey } from '../config/survey-schema';
import { createEmitter } from '../common/emitter';
import type { HearbackEvents, ShowCause } from './events';
import type { Hearback, HearbackOptions } from './hearback-types';
import { resolveLocale } from '../i18n/resolve-locale';
import { guard, guardSync } from '../common/guard';
import { openPrompt } from './open-prompt';
import { createInertInstance, idleStatus } from './inert-instance';
import type { Logger } from '../common/log';
import type { Outbox, OutboxEmit } from '../outbox/outbox-types';
import { answerContext } from '../payload/answer-context';
import { dataBoundsProblem } from '../payload/data-bounds';
import { plainContext } from '../payload/plain-context';
import { resolveSurvey } from './resolve-survey';
import type { Rules } from '../rules/rule-types';
import type { KeyValueStore } from '../storage/key-value-store';
import type { OnFire, Triggers } from '../triggers/trigger-types';
import type { PromptSource } from '../ui/prompt-types';
import type { WhenIdle } from '../common/when-idle';
import { couldShowHere } from './could-show-here';
import { createPendingPrompts } from './pending-prompts';
import { createPromptLoader, type PromptLoader } from './prompt-loader';
import { createLateTriggers } from './late-triggers';
import { mergeSurveys } from '../published/published-surveys';
import { createShownReport, type ShownReport } from '../shown/shown-report';
import { shownEntry } from '../shown/shown-entry';

/** The replaceable parts of the engine. `init` passes the real ones; tests pass fakes. */
export interface EngineParts {
  supportedLocales: readonly string[];
  store(deps: { log: Logger }): KeyValueStore;
  outbox(deps: { config: Config; store: KeyValueStore; emit: OutboxEmit; log: Logger }): Outbox;
  rules(deps: { config: Config; store: KeyValueStore; log: Logger }): Rules;
  triggers(deps: { config: Config; store: KeyValueStore; onFire: OnFire; log: Logger }): Triggers;
  /** Brings the prompt's code and a language's texts on demand (an `import()`, or the script tag's chunks). */
  prompt(deps: { config: Config }): PromptSource;
  /** When to do the start-up work no prompt waits for. */
  whenIdle: WhenIdle;
  /** Makes the console logger (`debug` lines only when asked): common/log.ts's `createLogger`, passed in so the script tag's engine uses the loader's. */
  logger(debug?: boolean): Logger;
  /** The survey definitions published at `options.surveysUrl` (never rejects: the last copy, or none). */
  published(deps: { url: string; store: KeyValueStore; log: Logger }): Promise<Survey[]>;
}

interface Started {
  store: KeyValueStore;
  /** The inline surveys, with the published ones (`surveysUrl`) once read; inline ones win by `id`. */
  surveys: Promise<Survey[]>;
  triggers: Triggers;
  /** The prompt UI: fetched in idle time when a survey could show on this page, at once when one is due. */
  prompt: PromptLoader;
  /**
   * Both open IndexedDB as they are created (the outbox reads its queue back and delivers what
   * earlier visits left; the rules read their state): made in idle time, or as soon as needed.
   */
  outbox?: Outbox;
  rules?: Rules;
  cancelIdle(): void;
}

/**
 * Wires one instance: options → config → triggers → rules → ui → outbox → events.
 * Never throws: bad options are logged and an instance that does nothing is returned.
 */
export function createEngine(options: HearbackOptions | unknown, parts: EngineParts): Hearback {
  const { config, errors, warnings } = parseOptions(options);
  const log = parts.logger(config?.debug);
  errors.forEach(log.error);
  warnings.forEach(log.warn);
  const emitter = createEmitter<HearbackEvents>((event, error) =>
    log.error(`a "${event}" handler threw: ${String(error)}`),
  );
  if (!config) return createInertInstance(emitter, log);

  let user: Record<string, unknown> = { ...config.user };
  let consented = config.consent;
  let started: Started | undefined;
  let destroyed = false;
  let opening = false;
  const pending = createPendingPrompts();
  const locale = () => resolveLocale(config.locale, parts.supportedLocales);
  const isOpen = () => !!started?.prompt.current()?.isOpen();

  const outboxEmit: OutboxEmit = (event, detail) => emitter.emit(event, detail);

  // The rules decide while the prompt's code loads. A prompt whose code cannot load stays due.
  const onFire: OnFire = (survey, cause, fireOptions) => {
    void guard(log, async () => {
      if (!started || destroyed || !consented) return;
      pending.forget(survey.id);
      if (opening || isOpen()) return log.debug(`${survey.id}: skipped, another prompt is open`);
      opening = true;
      let loaded = false;
      // One language per prompt: the one its texts are loaded for is the one it opens in.
      const lang = locale();
      try {
        const [verdict, ui] = await Promise.all([rules().decide(survey, cause), started.prompt.load(lang)]);
        log.debug(verdict.reason);
        loaded = !!ui;
        if (!verdict.show || destroyed) return;
        if (!ui) {
          log.debug(`${survey.id}: the prompt could not load; it stays due and is tried again when the browser is online or a later trigger loads it`);
          return pending.add(survey.id, () => onFire(survey, cause, fireOptions));
        }
        if (consented && !ui.isOpen()) open(survey, cause, lang, !!fireOptions?.takeFocus, fireOptions?.context);
      } finally {
        opening = false;
        if (loaded && !isOpen()) pending.retry();
      }
    });
  };

  const outbox = (): Outbox => (started!.outbox ??= parts.outbox({ config, store: started!.store, emit: outboxEmit, log }));
  const rules = (): Rules => {
    if (!started!.rules) {
      started!.rules = parts.rules({ config, store: started!.store, log });
      started!.rules.identify(user.id as string | undefined);
    }
    return started!.rules;
  };

  /** Only what a trigger needs now; then the outbox and the rules, each in an idle period of its own. */
  const start = () => {
    if (started || destroyed) return;
    const store = parts.store({ log });
    const prompt = createPromptLoader({ source: parts.prompt({ config }), log, idle: parts.whenIdle });
    const url = config.surveysUrl;
    // Published surveys are read at once (their triggers wait for them); inline ones start now.
    const surveys = url
      ? parts.published({ url, store, log }).then((published) => mergeSurveys(config.surveys, published), () => config.surveys)
      : Promise.resolve(config.surveys);
    const triggersFor = (list: Survey[]) => parts.triggers({ config: { ...config, surveys: list }, store, onFire, log });
    const triggers = url ? createLateTriggers(surveys.then((list) => () => triggersFor(list)), log) : triggersFor(config.surveys);
    const begun: Started = { store, surveys, prompt, triggers, cancelIdle: () => undefined };
    started = begun;
    const prefetch = () => void surveys.then((list) => !destroyed && couldShowHere(list) && prompt.prefetch(locale()));
    begun.cancelIdle = parts.whenIdle(() => {
      guardSync(log, outbox);
      begun.cancelIdle = parts.whenIdle(() => {
        guardSync(log, rules);
        begun.cancelIdle = parts.whenIdle(() => guardSync(log, prefetch));
      });
    });
  };

  let shown: ShownReport | undefined;
  /** Opens `survey` in `lang` (whose texts are loaded); a prompt the UI could not open is neither an event nor shown. */
  const open = (survey: Survey, cause: ShowCause, lang: string, takeFocus: boolean, fromEvent?: Record<string, unknown>) => {
    const context = answerContext(config!.context, fromEvent, log);
    const opened = openPrompt({ survey, cause, takeFocus, config: config!, context, user, locale: lang, emitter, log, ui: started!.prompt.current()!, outbox: outbox(), rules: rules() });
    if (opened && config!.shownUrl) (shown ??= createShownReport({ url: config!.shownUrl, log })).add(shownEntry(survey, lang, context, config!.sendFullUrl));
    return opened;
  };

  const instance: Hearback = {
    async show(surveyIdOrType, overrides) {
      return guard(log, async () => {
        if (!started || destroyed || !consented) {
          log.debug(`${surveyIdOrType}: not shown, ` + (destroyed ? 'destroyed' : 'waiting for consent(true)'));
          return false;
        }
        const { context, ...surveyOverrides } = overrides && typeof overrides === 'object' ? overrides : ({} as NonNullable<typeof overrides>);
        const survey = resolveSurvey(await started.surveys, surveyIdOrType, surveyOverrides, log);
        if (!survey) return false;
        const lang = locale();
        const ui = await started.prompt.load(lang);
        if (!ui || destroyed || !consented) {
          if (!ui) log.debug(`${surveyIdOrType}: not shown, the prompt could not load`);
          return false;
        }
        if (ui.isOpen()) ui.close();
        return open(survey, 'show', lang, true, plainContext(context, `show("${surveyIdOrType}") context`, log));
      }).then((shown) => !!shown);
    },
    track(event, props) {
      if (typeof event !== 'string' || !event) return log.error(`track needs an event name string (got ${JSON.stringify(event)})`);
      void guard(log, () => started?.triggers.track(event, props));
    },
    identify(userId, traits) {
      if (typeof userId !== 'string' || !userId) return log.error(`identify needs a user id string (got ${JSON.stringify(userId)})`);
      const next = { ...user, ...plainContext(traits, `identify("${userId}") traits`, log), id: userId };
      const problem = dataBoundsProblem(next);
      if (problem) log.warn(`identify("${userId}") traits not attached to answers: with them the user ${problem}`);
      user = problem ? { ...user, id: userId } : next;
      started?.rules?.identify(userId);
    },
    on: (event, handler) => emitter.on(event, handler),
    off: (event, handler) => emitter.off(event, handler),
    flush: () => guard(log, () => (started && !destroyed ? outbox().flush() : undefined)).then(() => undefined),
    consent(granted) {
      consented = granted === true;
      if (consented) start();
      else {
        started?.prompt.current()?.close();
        shown?.forget();
      }
    },
    status: () => (started && !destroyed ? outbox() : started?.outbox)?.status() ?? idleStatus,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      pending.destroy();
      if (started) {
        started.cancelIdle();
        for (const part of [started.triggers, started.prompt, started.outbox, shown]) if (part) guardSync(log, part.destroy);
      }
      emitter.clear();
    },
  };
  if (consented) start();
  return instance;
}
