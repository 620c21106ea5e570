import type { Emitter } from '../common/emitter';
import type { HearbackEvents } from './events';
import type { Hearback } from './hearback-types';
import type { Logger } from '../common/log';
import type { OutboxStatus } from '../outbox/outbox-types';

/** The status of an instance that has not started (or never will). */
export const idleStatus: OutboxStatus = { pending: 0, storage: 'memory' };

/** What a caller gets when the options cannot work: every command is a harmless no-op. */
export function createInertInstance(emitter: Emitter<HearbackEvents>, log: Logger): Hearback {
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
