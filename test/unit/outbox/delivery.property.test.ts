import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOutbox } from '../../../src/outbox/outbox';
import type { Outbox } from '../../../src/outbox/outbox-types';
import type { Transport } from '../../../src/outbox/transport';
import type { KeyValueStore } from '../../../src/storage/key-value-store';
import { createMemoryStore } from '../../../src/storage/memory-store';
import { configFor, makeAnswer, quietLog, settle } from './helpers';

type Step = 'enqueue' | 'enqueue-held' | 'release' | 'fail' | 'succeed' | 'flush' | 'wait' | 'crash' | 'restart';

/** Everything that happened, in one order: POSTs the server saw and `sent` events the host saw. */
interface World {
  log: Array<{ post: string; accepted: boolean } | { sent: string }>;
  serverUp: boolean;
  clock: number;
}

/** A tab that crashed stops dead: none of its pending or later work settles. */
function mortal<T extends object>(target: T, isDead: () => boolean): T {
  return new Proxy(target, {
    get(object, key) {
      const value = Reflect.get(object, key);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (isDead()) return new Promise(() => undefined);
        const result = value.apply(object, args);
        return result instanceof Promise ? new Promise((resolve, reject) => result.then((v) => !isDead() && resolve(v), (e) => !isDead() && reject(e))) : result;
      };
    },
  });
}

function tab(world: World, store: KeyValueStore) {
  let dead = false;
  const transport: Transport = {
    async post(body) {
      const id = JSON.parse(body).id as string;
      world.log.push({ post: id, accepted: world.serverUp });
      if (!world.serverUp) throw new TypeError('Failed to fetch');
      return { status: 200, retryAfter: null };
    },
  };
  const outbox = createOutbox({
    config: configFor(),
    store: mortal(store, () => dead),
    transport: mortal(transport, () => dead),
    emit: (event, detail) => { if (event === 'sent' && !dead) world.log.push({ sent: (detail as { id: string }).id }); },
    log: quietLog(),
    locks: undefined,
    now: () => world.clock,
    random: () => 0.5,
  });
  return { outbox, crash: () => ((dead = true), outbox.destroy()) };
}

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
afterEach(() => vi.useRealTimers());

describe('delivery property', () => {
  it('for any enqueue / fail / succeed / crash / restart sequence: every answer is delivered at least once, none after it was acknowledged', async () => {
    const step = fc.constantFrom<Step>('enqueue', 'enqueue-held', 'release', 'fail', 'succeed', 'flush', 'wait', 'crash', 'restart');
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const world: World = { log: [], serverUp: true, clock: Date.parse('2026-11-23T10:00:00Z') };
        const store = createMemoryStore();
        const given: string[] = [];
        const held: string[] = [];
        let current = tab(world, store);
        const tabs: Outbox[] = [current.outbox];
        const restart = () => {
          current = tab(world, store);
          tabs.push(current.outbox);
        };

        for (const action of steps) {
          if (action === 'enqueue' || action === 'enqueue-held') {
            const answer = makeAnswer();
            await current.outbox.enqueue(answer, { held: action === 'enqueue-held' });
            given.push(answer.id);
            if (action === 'enqueue-held') held.push(answer.id);
          } else if (action === 'release' && held.length) await current.outbox.release(held.shift()!);
          else if (action === 'fail') world.serverUp = false;
          else if (action === 'succeed') world.serverUp = true;
          else if (action === 'flush') await current.outbox.flush();
          else if (action === 'wait') {
            world.clock += 5_000;
            await vi.advanceTimersByTimeAsync(5_000);
          } else if (action === 'crash') {
            current.crash();
            restart();
          } else if (action === 'restart') {
            current.outbox.destroy();
            restart();
          }
          await settle(5);
        }

        // The network heals and the visitor comes back later: past every lease and backoff.
        world.serverUp = true;
        for (let visit = 0; visit < 6; visit++) {
          world.clock += 10 * 60_000;
          current.outbox.destroy();
          restart();
          await current.outbox.flush();
          await settle(5);
          if (given.every((id) => world.log.some((entry) => 'post' in entry && entry.post === id && entry.accepted))) break;
        }
        tabs.forEach((outbox) => outbox.destroy());

        for (const id of given) {
          expect(world.log.some((entry) => 'post' in entry && entry.post === id && entry.accepted), `answer ${id} delivered`).toBe(true);
          const acknowledged = world.log.findIndex((entry) => 'sent' in entry && entry.sent === id);
          const posts = world.log.flatMap((entry, index) => ('post' in entry && entry.post === id ? [index] : []));
          expect(posts.filter((index) => acknowledged >= 0 && index > acknowledged), `answer ${id} POSTed after its ack`).toEqual([]);
        }
        expect(await store.entries('outbox:')).toEqual([]);
      }),
      { numRuns: 150, seed: Number(process.env.FC_SEED ?? 4242) },
    );
  });
});
