import type { Hearback, HearbackOptions } from './hearback-types';
import { createLogger } from './log';

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

/**
 * Creates the command function. `start` creates an instance from init options. Commands given
 * before `init` wait (in order) and run once it arrives; `on`/`off` before init are kept too.
 * Results come back as Promises; nothing throws into the caller.
 */
export function createCommandFunction(start: (options: unknown) => Hearback, version: string): HearbackCommandFunction {
  const log = createLogger();
  let instance: Hearback | undefined;
  let waiting: Array<() => void> = [];

  const run = (instance: Hearback, command: Exclude<Command, 'init'>, args: unknown[]): unknown => {
    const method = instance[command] as (...args: unknown[]) => unknown;
    const result = method(...args);
    return command === 'status' ? Promise.resolve(result) : result;
  };

  const hearback = function (command: unknown, ...args: unknown[]): unknown {
    try {
      if (!commands.includes(command as Command)) {
        log.error(`unknown command ${JSON.stringify(command)}; commands are ${commands.join(', ')}`);
        return undefined;
      }
      if (command === 'init') {
        if (instance) {
          log.warn('init called again: the previous instance was destroyed and replaced');
          instance.destroy();
        }
        instance = start(args[0]);
        const queued = waiting;
        waiting = [];
        queued.forEach((call) => call());
        return undefined;
      }
      if (instance) return run(instance, command as Exclude<Command, 'init'>, args);
      const result = new Promise((resolve) => waiting.push(() => resolve(run(instance!, command as Exclude<Command, 'init'>, args))));
      return command === 'show' || command === 'flush' || command === 'status' ? result : undefined;
    } catch (error) {
      log.error(`${String(command)} failed: ${String(error)}`);
      return undefined;
    }
  } as HearbackCommandFunction;
  hearback.version = version;
  return hearback;
}
