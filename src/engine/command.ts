import type { Hearback, HearbackOptions } from './hearback-types';
import { createLogger } from '../common/log';
import { whenIdle } from '../common/when-idle';

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

/** Whether a call waiting on init hurries it: every command but `on`/`off`, which only register handlers. */
const hurries = (command: Command) => command !== 'on' && command !== 'off';

/** What `start` gives: an instance, or undefined when the options give nothing to start (a later `init` is then the first). */
type Started = Hearback | undefined;

/** Runs `work` later; the returned function runs it sooner (in a task of its own) if it has not run yet. */
export type Defer = (work: () => void) => (() => void) | void;

/**
 * By default `init` waits for idle time, so that loading the script costs the page almost nothing
 * before a prompt is due; a command queued behind it (a `track`, a `show`) hurries it into the next
 * task.
 */
const whenIdleOrHurried: Defer = (work) => {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cancel();
    work();
  };
  const cancel = whenIdle(run);
  return () => void setTimeout(run, 0);
};

/**
 * Creates the command function. Every call runs in call order: commands given before `init` wait
 * and run once it arrives; `on`/`off` before init are kept too. `init` itself runs in a task of its
 * own (`defer`: idle time, or sooner when a command waits on it), so that loading the script and
 * starting hearback are short tasks apart; calls made meanwhile queue behind it. `start` may take
 * time (the script tag fetches the engine's chunk): calls keep queueing until it resolves. When it
 * rejects (the chunk cannot load), `init` and the calls behind it stay queued and are tried again
 * when the browser comes back online or the next command is given. Results come back as Promises;
 * nothing throws into the caller.
 */
export function createCommandFunction(start: (options: unknown) => Started | Promise<Started>, version: string, defer: Defer = whenIdleOrHurried): HearbackCommandFunction {
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

  let retryOnline = false;
  const retryWhenOnline = () => {
    if (retryOnline || typeof window !== 'object') return;
    retryOnline = true;
    window.addEventListener('online', () => ((retryOnline = false), pump()), { once: true });
  };

  /** Starts an instance, then calls `done(true)`; `done(false)` when it cannot start now and `init` stays queued. */
  const replace = (options: unknown, done: (started: boolean) => void) => {
    let result: Started | Promise<Started>;
    try {
      if (instance) {
        log.warn('init called again: the previous instance was destroyed and replaced');
        instance.destroy();
        instance = undefined;
      }
      result = start(options);
    } catch (error) {
      log.error(`init failed: ${String(error)}`);
      return done(true);
    }
    // A start that is here at once (the npm path, tests) finishes in this task.
    if (typeof (result as Partial<Promise<Started>> | undefined)?.then !== 'function') return (instance = result as Started), done(true);
    (result as Promise<Started>).then(
      (started) => ((instance = started), done(true)),
      (error: unknown) => {
        log.debug(`not started yet (${String(error)}); tried again when the browser is online or with the next command`);
        retryWhenOnline();
        done(false);
      },
    );
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
        replace(call.args[0], (started) => {
          starting = false;
          hurry = undefined;
          if (!started) return void queue.unshift(call);
          call.resolve(undefined);
          pump();
        });
      });
      // Calls already waiting behind this init (given while an init before it ran, one that started
      // nothing) hurry it too, as they would have hurried it had it come first.
      if (queue.some((waiting) => hurries(waiting.command))) hurry?.();
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
    if (starting && hurries(command as Command)) hurry?.();
    pump();
    return command === 'show' || command === 'flush' || command === 'status' ? result : undefined;
  } as HearbackCommandFunction;
  hearback.version = version;
  return hearback;
}
