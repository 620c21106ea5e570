import { parseOptions, type Config } from './config/parse-options';
import { surveySchema, type Survey } from './config/survey-schema';
import { createEmitter, type Emitter } from './emitter';
import type { HearbackEvents, ShowCause } from './events';
import type { Hearback, HearbackOptions } from './hearback-types';
import { resolveLocale } from './i18n/resolve-locale';
import { createLogger, type Logger } from './log';
import type { Outbox, OutboxEmit, OutboxStatus } from './outbox/outbox-types';
import { createAnswerId } from './payload/answer-id';
import type { Answer } from './payload/answer-schema';
import { buildAnswer, type AnswerInput } from './payload/build-answer';
import type { Rules } from './rules/rule-types';
import type { KeyValueStore } from './storage/key-value-store';
import type { OnFire, Triggers } from './triggers/trigger-types';
import type { PromptUi } from './ui/prompt-types';

/** The replaceable parts of the engine. `init` passes the real ones; tests pass fakes. */
export interface EngineParts {
  supportedLocales: readonly string[];
  store(deps: { log: Logger }): KeyValueStore;
  outbox(deps: { config: Config; store: KeyValueStore; emit: OutboxEmit; log: Logger }): Outbox;
  rules(deps: { config: Config; store: KeyValueStore; log: Logger }): Rules;
  triggers(deps: { config: Config; store: KeyValueStore; onFire: OnFire; log: Logger }): Triggers;
  ui(deps: { log: Logger }): PromptUi;
}

interface Started {
  outbox: Outbox;
  rules: Rules;
  triggers: Triggers;
  ui: PromptUi;
}

const idleStatus: OutboxStatus = { pending: 0, storage: 'memory' };

/**
 * Wires one instance: options → config → triggers → rules → ui → outbox → events.
 * Never throws: bad options are logged and an instance that does nothing is returned.
 */
export function createEngine(options: HearbackOptions | unknown, parts: EngineParts): Hearback {
  const wantsDebug = !!(options && typeof options === 'object' && (options as { debug?: unknown }).debug === true);
  const log = createLogger(wantsDebug);
  const { config, errors, warnings } = parseOptions(options);
  errors.forEach(log.error);
  warnings.forEach(log.warn);
  const emitter = createEmitter<HearbackEvents>((event, error) =>
    log.error(`a "${event}" handler threw: ${String(error)}`),
  );
  if (!config) return inert(emitter, log);

  let user: Record<string, unknown> = { ...config.user };
  let consented = config.consent;
  let started: Started | undefined;
  let destroyed = false;
  let opening = false;

  const outboxEmit: OutboxEmit = (event, detail) => emitter.emit(event, detail);

  const onFire: OnFire = (survey, cause, fireOptions) => {
    void guard(log, async () => {
      if (!started || destroyed || !consented) return;
      if (opening || started.ui.isOpen()) return log.debug(`${survey.id}: skipped, another prompt is open`);
      opening = true;
      try {
        const verdict = await started.rules.decide(survey, cause);
        log.debug(verdict.reason);
        if (verdict.show && !destroyed && consented && !started.ui.isOpen()) open(survey, cause, !!fireOptions?.takeFocus);
      } finally {
        opening = false;
      }
    });
  };

  const start = () => {
    if (started || destroyed) return;
    const store = parts.store({ log });
    const outbox = parts.outbox({ config, store, emit: outboxEmit, log });
    const rules = parts.rules({ config, store, log });
    rules.identify(user.id as string | undefined);
    const ui = parts.ui({ log });
    started = { outbox, rules, ui, triggers: parts.triggers({ config, store, onFire, log }) };
    void guard(log, outbox.flush);
  };

  function open(survey: Survey, cause: ShowCause, takeFocus: boolean) {
    const { ui, outbox, rules } = started!;
    const locale = resolveLocale(config!.locale, parts.supportedLocales);
    let draft: Answer | undefined;
    let final = true;

    const finish = () => {
      if (!draft || final) return;
      final = true;
      void guard(log, () => outbox.release(draft!.id));
      emitter.emit('answer', { id: draft.id, survey: survey.id, answer: draft });
    };
    const build = (input: AnswerInput, id: string, now: Date) =>
      buildAnswer(survey, input, { id, now, locale, href: location.href, sendFullUrl: config!.sendFullUrl, user, context: config!.context });

    ui.open({
      survey,
      locale,
      theme: config!.theme,
      nonce: config!.nonce,
      values: placeholderValues(config!.context, user),
      takeFocus,
      outbox: { status: outbox.status, subscribe: outbox.subscribe },
      async onScore(score) {
        finish();
        draft = build({ score }, createAnswerId(), new Date());
        final = false;
        await outbox.enqueue(draft, { held: true });
        void guard(log, () => rules.answered(survey));
      },
      async onComplete(input) {
        if (!draft || final) return;
        draft = build({ ...input, score: draft.score }, draft.id, new Date(draft.answeredAt));
        await outbox.amend(draft);
        final = true;
        emitter.emit('answer', { id: draft.id, survey: survey.id, answer: draft });
      },
      onClose(reason) {
        const answered = !!draft;
        finish();
        if (reason !== 'dismiss') return;
        emitter.emit('dismiss', { survey: survey.id, answered });
        if (!answered) void guard(log, () => rules.dismissed(survey));
      },
    });
    emitter.emit('show', { survey: survey.id, type: survey.type, cause });
    void guard(log, () => rules.shown(survey));
  }

  const instance: Hearback = {
    async show(surveyIdOrType, overrides) {
      return guard(log, async () => {
        if (!started || destroyed || !consented) {
          log.debug(`${surveyIdOrType}: not shown, ` + (destroyed ? 'destroyed' : 'waiting for consent(true)'));
          return false;
        }
        const survey = resolveSurvey(config.surveys, surveyIdOrType, overrides, log);
        if (!survey) return false;
        if (started.ui.isOpen()) started.ui.close();
        open(survey, 'show', true);
        return true;
      }).then((shown) => !!shown);
    },
    track(event, props) {
      if (typeof event !== 'string' || !event) return log.error(`track needs an event name string (got ${JSON.stringify(event)})`);
      void guard(log, () => started?.triggers.track(event, props));
    },
    identify(userId, traits) {
      if (typeof userId !== 'string' || !userId) return log.error(`identify needs a user id string (got ${JSON.stringify(userId)})`);
      user = { ...user, ...(traits && typeof traits === 'object' ? traits : {}), id: userId };
      started?.rules.identify(userId);
    },
    on: (event, handler) => emitter.on(event, handler),
    off: (event, handler) => emitter.off(event, handler),
    flush: () => guard(log, () => started?.outbox.flush()).then(() => undefined),
    consent(granted) {
      consented = granted === true;
      if (consented) start();
      else started?.ui.close();
    },
    status: () => started?.outbox.status() ?? idleStatus,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      if (started) for (const part of [started.triggers, started.ui, started.outbox]) guardSync(log, part.destroy);
      emitter.clear();
    },
  };
  if (consented) start();
  return instance;
}

/** `show('after-checkout')` finds a configured survey; `show('nps')` the built-in one. */
function resolveSurvey(surveys: Survey[], idOrType: string, overrides: unknown, log: Logger): Survey | undefined {
  const base = surveys.find((survey) => survey.id === idOrType) ??
    (['nps', 'csat', 'ces'].includes(idOrType) ? { id: idOrType, type: idOrType } : undefined);
  if (!base) {
    log.error(`show: no survey "${idOrType}"; configured: ${surveys.map((s) => s.id).join(', ') || 'none'}; built-in: nps, csat, ces`);
    return undefined;
  }
  const merged = overrides && typeof overrides === 'object' ? { ...base, ...overrides } : base;
  const result = surveySchema().safeParse(merged);
  if (!result.success) {
    for (const issue of result.error.issues) log.error(`show("${idOrType}"): ${issue.path.join('.')} ${issue.message}`);
    return undefined;
  }
  return result.data;
}

export function placeholderValues(context: Record<string, unknown>, user: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(user)) values['user.' + key] = value;
  return { ...values, ...context };
}

/** Runs host-facing work so that nothing ever throws into the page. */
async function guard<T>(log: Logger, work: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    log.error(`internal error: ${String(error)}`);
    return undefined;
  }
}

function guardSync(log: Logger, work: () => void) {
  try {
    work();
  } catch (error) {
    log.error(`internal error: ${String(error)}`);
  }
}

/** What a caller gets when the options cannot work: every command is a harmless no-op. */
function inert(emitter: Emitter<HearbackEvents>, log: Logger): Hearback {
  const refuse = () => log.error('not started: fix the options error above');
  return {
    show: async () => (refuse(), false),
    track: refuse,
    identify: refuse,
    on: (event, handler) => emitter.on(event, handler),
    off: (event, handler) => emitter.off(event, handler),
    flush: async () => undefined,
    consent: () => undefined,
    status: () => idleStatus,
    destroy: () => emitter.clear(),
  };
}
