import type { AlertAnswer } from './answer';
import { allConditionsHold, conditionSchema, type Condition } from './conditions';
import type { Queryable } from '../db/database';
import { afterQuietHours } from './quiet-hours';

export interface QueuedDelivery {
  id: string;
  channelId: string;
  answerId: string | null;
  digestDate: string | null;
  /** What an answer's delivery is about: the answer itself, or its case having gone overdue. */
  kind: AlertKind;
  attempts: number;
  leaseToken: string;
}

export type AlertKind = 'answer' | 'overdue';

const conditionList = conditionSchema.array();

/** One enabled rule's conditions and one channel it sends to, oldest rule first. */
export interface RuleTarget {
  ruleId: string;
  conditions: Condition[];
  channelId: string;
  quiet: { from: string; to: string } | null;
}

/** What `enqueueAnswerAlerts` matches answers against (kept in memory by the alert hook). */
export async function loadRuleTargets(tx: Queryable): Promise<RuleTarget[]> {
  const { rows } = await tx.query<{ rule_id: string; conditions: unknown; channel_id: string; quiet_from: string | null; quiet_to: string | null }>(
    `SELECT r.id AS rule_id, r.conditions, c.id AS channel_id, c.quiet_from, c.quiet_to
       FROM alert_rules r
       JOIN alert_rule_channels rc ON rc.rule_id = r.id
       JOIN alert_channels c ON c.id = rc.channel_id
      WHERE r.enabled
      ORDER BY r.created_at, r.id`,
  );
  return rows.flatMap((row) => {
    const conditions = conditionList.safeParse(row.conditions);
    if (!conditions.success) return [];
    return [{ ruleId: row.rule_id, conditions: conditions.data, channelId: row.channel_id, quiet: row.quiet_from && row.quiet_to ? { from: row.quiet_from, to: row.quiet_to } : null }];
  });
}

/**
 * Queues one delivery per channel that an enabled rule matching `answer` sends to, in the caller's
 * transaction (the answer's own), due now or when the channel's quiet hours end. A channel several
 * rules point at gets one delivery; storing the same answer again queues nothing new. `targets`
 * are the rules as of this transaction (read here when not given). `kind` `overdue`: the alert
 * that the answer's case is overdue, once per channel too.
 */
export async function enqueueAnswerAlerts(tx: Queryable, answer: AlertAnswer, now: Date, timeZone: string, targets?: readonly RuleTarget[], kind: AlertKind = 'answer'): Promise<number> {
  const chosen = new Map<string, { ruleId: string; dueAt: Date }>();
  for (const target of targets ?? (await loadRuleTargets(tx))) {
    if (chosen.has(target.channelId) || !allConditionsHold(target.conditions, answer)) continue;
    chosen.set(target.channelId, { ruleId: target.ruleId, dueAt: afterQuietHours(now, target.quiet, timeZone) });
  }
  let queued = 0;
  for (const [channelId, { ruleId, dueAt }] of chosen) {
    const result = await tx.query(
      `INSERT INTO alert_deliveries (channel_id, answer_id, rule_id, due_at, kind) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (answer_id, channel_id, kind) DO NOTHING RETURNING id`,
      [channelId, answer.id, ruleId, dueAt.toISOString(), kind],
    );
    queued += result.rows.length;
  }
  return queued;
}

/** Queues the digest of `date` (YYYY-MM-DD, local) for a channel, once: the key is (channel, date). */
export async function enqueueDigest(db: Queryable, channelId: string, date: string, dueAt: Date): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO alert_deliveries (channel_id, digest_date, due_at) VALUES ($1, $2, $3)
     ON CONFLICT (channel_id, digest_date) DO NOTHING RETURNING id`,
    [channelId, date, dueAt.toISOString()],
  );
  return rows.length > 0;
}

/**
 * Claims up to `limit` due deliveries for `leaseMs` and counts the try. One statement, so it is
 * atomic on its own: on PostgreSQL `FOR UPDATE SKIP LOCKED` lets several collectors claim side by
 * side without taking the same row; PGlite runs one statement at a time, so it cannot race at all.
 * A row still `sending` whose lease has passed belongs to a collector that stopped: it is claimable.
 */
export async function claimDue(db: Queryable, now: Date, leaseMs: number, limit: number): Promise<QueuedDelivery[]> {
  const { rows } = await db.query<{ id: string; channel_id: string; answer_id: string | null; digest_date: string | null; kind: AlertKind; attempts: number; lease_token: string }>(
    `UPDATE alert_deliveries AS d
        SET status = 'sending', attempts = d.attempts + 1, lease_until = $2, lease_token = gen_random_uuid()
      WHERE d.id IN (
        SELECT id FROM alert_deliveries
         WHERE status IN ('pending', 'sending') AND due_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
         ORDER BY due_at
         LIMIT $3
         FOR UPDATE SKIP LOCKED)
      RETURNING d.id, d.channel_id, d.answer_id, d.digest_date::text AS digest_date, d.kind, d.attempts, d.lease_token`,
    [now.toISOString(), new Date(now.getTime() + leaseMs).toISOString(), limit],
  );
  return rows.map((row) => ({
    id: row.id,
    channelId: row.channel_id,
    answerId: row.answer_id,
    digestDate: row.digest_date,
    kind: row.kind,
    attempts: Number(row.attempts),
    leaseToken: row.lease_token,
  }));
}

// Each outcome is written only by the holder of the current lease, so a collector that outlived
// its lease cannot overwrite what the next one did.
export async function markSent(db: Queryable, delivery: QueuedDelivery, now: Date): Promise<void> {
  await db.query(
    `UPDATE alert_deliveries SET status = 'sent', sent_at = $3, lease_until = NULL, lease_token = NULL, last_error = NULL
      WHERE id = $1 AND lease_token = $2`,
    [delivery.id, delivery.leaseToken, now.toISOString()],
  );
}

export async function markRetry(db: Queryable, delivery: QueuedDelivery, dueAt: Date, error: string): Promise<void> {
  await db.query(
    `UPDATE alert_deliveries SET status = 'pending', due_at = $3, lease_until = NULL, lease_token = NULL, last_error = $4
      WHERE id = $1 AND lease_token = $2`,
    [delivery.id, delivery.leaseToken, dueAt.toISOString(), error],
  );
}

/** Not sent: the channel had its hourly share of alerts (`reason` as stored). Counted in its next digest. */
export async function markHeld(db: Queryable, delivery: QueuedDelivery, reason: string): Promise<void> {
  await db.query(
    `UPDATE alert_deliveries SET status = 'held', lease_until = NULL, lease_token = NULL, last_error = $3
      WHERE id = $1 AND lease_token = $2`,
    [delivery.id, delivery.leaseToken, reason],
  );
}

/**
 * How much of each channel's hourly cap is spent: the alerts (not digests) sent since `since`, and
 * those another collector has claimed and may be sending now (a live lease; `ours`, the caller's
 * own batch, left out) — so two instances on one database do not each spend the whole cap. Counting
 * a claim that then fails holds back one alert too many at worst, into the digest.
 */
export async function capSpent(db: Queryable, channelIds: readonly string[], since: Date, now: Date, ours: readonly string[]): Promise<Map<string, number>> {
  if (!channelIds.length) return new Map();
  const { rows } = await db.query<{ channel_id: string; n: number | string }>(
    `SELECT channel_id, count(*) AS n FROM alert_deliveries
      WHERE answer_id IS NOT NULL AND channel_id = ANY($1::uuid[])
        AND ((status = 'sent' AND sent_at > $2) OR (status = 'sending' AND lease_until > $3 AND NOT (id = ANY($4::uuid[]))))
      GROUP BY channel_id`,
    [channelIds, since.toISOString(), now.toISOString(), ours],
  );
  return new Map(rows.map((row) => [row.channel_id, Number(row.n)]));
}

/** How many of a channel's alerts the hourly cap held back, for answers given between `from` and `to` (as the digest counts them). */
export async function heldBetween(db: Queryable, channelId: string, from: Date, to: Date): Promise<number> {
  const { rows } = await db.query<{ n: number | string }>(
    `SELECT count(*) AS n FROM alert_deliveries d JOIN responses r ON r.id = d.answer_id
      WHERE d.channel_id = $1 AND d.status = 'held' AND r.answered_at >= $2 AND r.answered_at < $3`,
    [channelId, from.toISOString(), to.toISOString()],
  );
  return Number(rows[0]?.n ?? 0);
}

export async function markFailed(db: Queryable, delivery: QueuedDelivery, error: string): Promise<void> {
  await db.query(
    `UPDATE alert_deliveries SET status = 'failed', lease_until = NULL, lease_token = NULL, last_error = $3
      WHERE id = $1 AND lease_token = $2`,
    [delivery.id, delivery.leaseToken, error],
  );
}
