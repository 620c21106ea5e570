import { loadAnswer, loadAnswersBetween } from './answer-rows';
import { defaultBackoff, retryDelay, type BackoffPolicy } from './backoff';
import { digestChannels, loadChannel, type Channel } from './channel-store';
import { plainBox, type SecretBox } from './secret-box';
import { isDeliveryError, reasonInEnglish, reasonOf } from './channels/delivery-error';
import { storedReason } from './delivery-text';
import type { SendDeps } from './channels/kind-spec';
import { sendToChannel } from './channels/sender';
import type { Database } from '../db/database';
import { isDatabaseUnavailable } from '../db/database-unavailable';
import { digestMessage, dueDigest, localDay } from './digest';
import { answerMessage, overdueMessage, type AlertMessage } from './message';
import { loadOverdueCase, queueOverdueAlerts } from './overdue';
import { claimDue, enqueueDigest, heldBetween, markFailed, markHeld, markRetry, markSent, capSpent, type QueuedDelivery } from './queue';
import { afterQuietHours } from './quiet-hours';
import { createContextLabelStore } from '../context-labels/context-label-store';

export interface AlertWorkerOptions {
  db: Database;
  send: SendDeps;
  publicUrl: string;
  timeZone: string;
  now?: () => Date;
  random?: () => number;
  backoff?: BackoffPolicy;
  /**
   * How long a claim lasts: a send that takes longer may be sent again by another collector. The
   * batch is sent in parallel, and each send gives up within about 40 s (HTTP 10 s, SMTP's
   * connection, greeting and socket timeouts), so the default leaves room.
   */
  leaseMs?: number;
  batchSize?: number;
  pollMs?: number;
  /**
   * Alerts (not digests) one channel is sent per rolling hour; the rest are held and counted in its
   * next digest, so a flood of answers cannot use up a LINE quota. 0: no cap. @default 30
   */
  perHour?: number;
  /** Opens the channels' stored secrets. @default stored as typed */
  box?: SecretBox;
  log?: (line: string) => void;
}

export interface AlertWorker {
  /** Queues due digests and overdue cases' alerts, then claims and sends one batch; resolves with how many it handled. */
  tick(): Promise<number>;
  start(): void;
  /** Polls now instead of at the next interval (new deliveries were queued); nothing unless started. */
  wake(): void;
  /** Stops polling and waits for the batch in hand. */
  stop(): Promise<void>;
}

/** Sends queued alerts and digests: claim, render from the database, send, record the outcome. */
export function createAlertWorker(options: AlertWorkerOptions): AlertWorker {
  const { db, send, publicUrl, timeZone, box = plainBox, backoff = defaultBackoff, leaseMs = 120_000, batchSize = 10, pollMs = 2_000, perHour = 30 } = options;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const log = options.log ?? ((line: string) => console.log(line));
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<number> | null = null;
  let stopped = true;
  /** Set by `stop()`: a step waiting for the database gives up (the claim is taken again after its lease). */
  let stopping = false;
  /** Rounds failed in a row (the database away): the next round waits longer, up to 30 s. */
  let failedRounds = 0;
  const roundBackoff: BackoffPolicy = { baseMs: pollMs, capMs: Math.max(pollMs, 30_000), maxAttempts: Infinity };
  const stepBackoff: BackoffPolicy = { baseMs: 250, capMs: 5_000, maxAttempts: Infinity };

  /**
   * Runs a database step of a claimed delivery again while the database is away (waits from
   * 250 ms doubling to 5 s), until it succeeds or the worker stops; other errors at once.
   * `until` ends the waiting early (the claim is about to pass to another collector).
   */
  async function whileAway<T>(step: () => Promise<T>, until = () => false): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await step();
      } catch (error) {
        if (!isDatabaseUnavailable(error) || stopping || until()) throw error;
        await new Promise((resolve) => setTimeout(resolve, retryDelay(attempt, stepBackoff, random, null)));
      }
    }
  }

  const contextLabels = createContextLabelStore(db);

  async function messageFor(delivery: QueuedDelivery, channel: Channel): Promise<AlertMessage | null> {
    const settings = { locale: channel.locale, publicUrl, timeZone };
    if (delivery.answerId) {
      const answer = await loadAnswer(db, delivery.answerId);
      if (!answer) return null;
      const named = { ...settings, contextLabels: await contextLabels.labels() };
      if (delivery.kind === 'answer') return answerMessage(answer, named);
      const overdue = await loadOverdueCase(db, delivery.answerId);
      return overdue && overdueMessage(answer, overdue, named);
    }
    const day = localDay(delivery.digestDate!, timeZone);
    return digestMessage(delivery.digestDate!, await loadAnswersBetween(db, day.from, day.to), settings, await heldBetween(db, channel.id, day.from, day.to));
  }

  /**
   * Sends one claimed delivery and records the outcome. Exactly once across a database outage: a
   * send that went out is recorded as sent as soon as the database is back (never retried as if
   * it had failed), and nothing is sent once half the claim's lease is gone (another collector
   * may claim it after the lease; until then the claim is this one's).
   */
  async function deliver(delivery: QueuedDelivery, claimedAt: number, budget: Map<string, number>): Promise<void> {
    // Taken before the first await, so a batch's deliveries to one channel share the hour's budget.
    const left = delivery.answerId && perHour > 0 ? budget.get(delivery.channelId) ?? perHour : Infinity;
    if (left <= 0) {
      await whileAway(() => markHeld(db, delivery, storedReason({ code: 'capped', perHour })));
      return;
    }
    if (delivery.answerId && perHour > 0) budget.set(delivery.channelId, left - 1);
    const claimRunningOut = () => now().getTime() - claimedAt > leaseMs / 2;
    const prepared = await whileAway(async () => {
      const channel = await loadChannel(db, delivery.channelId, box);
      const message = channel && (await messageFor(delivery, channel));
      return channel && message ? { channel, message } : null;
    }, claimRunningOut);
    // The channel or answer was deleted since: the cascade removes the row too; nothing to send.
    if (!prepared || claimRunningOut()) return;
    const { channel, message } = prepared;
    let failure: unknown;
    try {
      await sendToChannel(channel, message, { deliveryId: delivery.id, timestamp: now() }, send);
    } catch (error) {
      failure = error ?? new Error('the send failed');
    }
    if (failure === undefined) return whileAway(() => markSent(db, delivery, now()));
    const reason = reasonOf(failure);
    const text = storedReason(reason);
    const retryable = isDeliveryError(failure) && failure.retryable;
    if (!retryable || delivery.attempts >= backoff.maxAttempts) {
      await whileAway(() => markFailed(db, delivery, text));
      log(`hearback alerts: gave up on delivery ${delivery.id} to "${channel.name}" after ${delivery.attempts} tries: ${reasonInEnglish(reason)}`);
      return;
    }
    const wait = retryDelay(delivery.attempts, backoff, random, isDeliveryError(failure) ? failure.retryAfterMs : null);
    const dueAt = new Date(now().getTime() + wait);
    await whileAway(() => markRetry(db, delivery, delivery.answerId ? afterQuietHours(dueAt, channel.quiet, timeZone) : dueAt, text));
  }

  async function queueDigests(): Promise<void> {
    const at = now();
    for (const channel of await digestChannels(db, box)) {
      const due = dueDigest(at, channel.digestHour!, timeZone);
      // A channel added after today's digest hour starts with tomorrow's.
      if (due && channel.createdAt <= due.dueAt) await enqueueDigest(db, channel.id, due.date, due.dueAt);
    }
  }

  async function runOnce(): Promise<number> {
    await queueDigests();
    await queueOverdueAlerts(db, now(), timeZone);
    const claimedAt = now();
    const deliveries = await claimDue(db, claimedAt, leaseMs, batchSize);
    // What each channel may still be sent this hour (another collector's sends in flight counted).
    const alerted = [...new Set(deliveries.filter((d) => d.answerId).map((d) => d.channelId))];
    const spent = perHour > 0 ? await capSpent(db, alerted, new Date(claimedAt.getTime() - 3_600_000), claimedAt, deliveries.map((d) => d.id)) : new Map<string, number>();
    const budget = new Map(alerted.map((id) => [id, perHour - (spent.get(id) ?? 0)]));
    const outcomes = await Promise.allSettled(deliveries.map((delivery) => deliver(delivery, claimedAt.getTime(), budget)));
    // A delivery whose outcome could not be written (the worker stopped while the database was
    // away) is claimed again after its lease.
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') log(`hearback alerts: could not record a delivery: ${String(outcome.reason)}`);
    }
    return deliveries.length;
  }

  function tick(): Promise<number> {
    // One batch at a time per collector; a tick during a batch waits for it.
    running ??= runOnce().finally(() => (running = null));
    return running;
  }

  function schedule(delay: number) {
    if (stopped) return;
    timer = setTimeout(async () => {
      let handled = 0;
      try {
        handled = await tick();
        if (failedRounds) log(`hearback alerts: delivering again after ${failedRounds} failed round${failedRounds === 1 ? '' : 's'}`);
        failedRounds = 0;
      } catch (error) {
        failedRounds++;
        const wait = retryDelay(failedRounds, roundBackoff, random, null);
        log(`hearback alerts: delivery round failed, next try in ${Math.ceil(wait / 1000)} s: ${error instanceof Error ? error.message : String(error)}`);
        schedule(wait);
        return;
      }
      // A full batch means more may be waiting.
      schedule(handled >= batchSize ? 0 : pollMs);
    }, delay);
    timer.unref?.();
  }

  return {
    tick,
    wake() {
      if (stopped || running) return;
      if (timer) clearTimeout(timer);
      schedule(0);
    },
    start() {
      if (!stopped) return;
      stopped = false;
      stopping = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      stopping = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => 0);
    },
  };
}
