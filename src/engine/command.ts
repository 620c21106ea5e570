import type { Hearback, HearbackOptions } from './hearback-types';
import { createLogger } from '../common/log';
import { whenIdle } from '../common/when-idle';
import { surveySchema } from '../config/survey-schema';
import { triggerSchema } from '../config/trigger-schema';

/** `hearback('command', …args)`: the script-tag face of the same engine, with its stub queue. */
export type HearbackCommandFunction = {
  (command: 'init', options: HearbackOptions): void;
  (command: 'show', surveyIdOrType: string, overrides?: Parameters<Hearback['show']>[1]): Promise<boolean>;
  (command: 'track', event: string, props?: Record<string, unknown>): void;
  (command: 'identify', userId: string, traits?: Record<string, unknown>): void;
  <K extends Parameters<Hearback['on']>[0]>(command: 'on' | 'off', event: K, handler: Parameters<Hearback['on']>[1]): void;
  (command: 'flush'): Promise<void>;
  (command: 'consent', granted: boolean): void;
  (command: 'status'): Promise<ReturnType<Hearback['status']>>;
  (command: 'destroy'): void;
  /** Calls made before the file arrived (the stub queue). */
  q?: ArrayLike<unknown>[];
  version: string;
};

const commands = ['init', 'show', 'track', 'identify', 'on', 'off', 'flush', 'consent', 'status', 'destroy'] as const;
type Command = (typeof commands)[number];

/** Runs `work` later; the returned function runs it sooner (in a task of its own) if it has not run yet. */
export type Defer = (work: () => void) => (() => void) | void;

/**
 * By default `init` waits for idle time, so that loading the script costs the page almost nothing
 * before a prompt is due; a command queued behind it (a `track`, a `show`) hurries it into the next
 * task. The first build of the schemas is most of the cost of checking options, so it gets idle
 * periods of its own (the trigger schema, then the rest of the survey schema) before the one that
 * checks the options and starts: none of them is a long task.
 */
const whenIdleOrHurried: Defer = (work) => {
  let done = false;
  let cancel = () => {};
  const run = () => {
    if (done) return;
    done = true;
    cancel();
    work();
  };
  const steps = [triggerSchema, surveySchema, run];
  const next = () => {
    if (!done) cancel = whenIdle(() => (steps.shift()!(), next()));
  };
  next();
  return () => void setTimeout(run, 0);
};

/**
 * Creates the command function. Every call runs in call order: commands given before `init` wait
 * and run once it arrives; `on`/`off` before init are kept too. `init` itself runs in a task of its
 * own (`defer`: idle time, or sooner when a command waits on it), so that loading the script and
 * starting hearback are short tasks apart; calls made meanwhile queue behind it. Results come back
 * as Promises; nothing throws into the caller.
 */
export function createCommandFunction(start: (options: unknown) => Hearback, version: string, defer: Defer = whenIdleOrHurried): HearbackCommandFunction {
  const log = createLogger();
  let instance: Hearback | undefined;
  let starting = false;
  let hurry: (() => void) | void;
  const queue: Array<{ command: Command; args: unknown[]; resolve: (value: unknown) => void }> = [];

  const run = (command: Exclude<Command, 'init'>, args: unknown[]): unknown => {
    try {
      const result = (instance![command] as (...args: unknown[]) => unknown)(...args);
      return command === 'status' ? Promise.resolve(result) : result;
    } catch (error) {
      log.error(`${command} failed: ${String(error)}`);
      return undefined;
    }
  };

  const replace = (options: unknown) => {
    try {
      if (instance) {
        log.warn('init called again: the previous instance was destroyed and replaced');
        instance.destroy();
      }
      instance = start(options);
    } catch (error) {
      log.error(`init failed: ${String(error)}`);
    }
  };

  /** Runs what can run now, in order; without an instance, the first init goes first. */
  const pump = () => {
    while (!starting && queue.length) {
      const index = instance ? 0 : queue.findIndex((call) => call.command === 'init');
      if (index < 0) return;
      const [call] = queue.splice(index, 1);
      if (call.command !== 'init') {
        call.resolve(run(call.command, call.args));
        continue;
      }
      starting = true;
      hurry = defer(() => {
        replace(call.args[0]);
        starting = false;
        hurry = undefined;
        call.resolve(undefined);
        pump();
      });
    }
  };

  const hearback = function (command: unknown, ...args: unknown[]): unknown {
    if (!commands.includes(command as Command)) {
      log.error(`unknown command ${JSON.stringify(command)}; commands are ${commands.join(', ')}`);
      return undefined;
    }
    let resolve: (value: unknown) => void = () => undefined;
    const result = new Promise((done) => (resolve = done));
    queue.push({ command: command as Command, args, resolve });
    if (starting && command !== 'on' && command !== 'off') hurry?.();
    pump();
    return command === 'show' || command === 'flush' || command === 'status' ? result : undefined;
  } as HearbackCommandFunction;
  hearback.version = version;
  return hearback;
}
