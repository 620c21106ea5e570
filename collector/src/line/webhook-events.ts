import { z } from 'zod';
import type { Queryable } from '../db/database';

/** The parts of a LINE webhook event the app reads; anything else in it is ignored. */
export const lineEventSchema = z.object({
  type: z.string(),
  webhookEventId: z.string().max(100).optional(),
  deliveryContext: z.object({ isRedelivery: z.boolean() }).optional(),
  replyToken: z.string().max(200).optional(),
  source: z.object({ type: z.string(), userId: z.string().max(100).optional(), groupId: z.string().max(100).optional() }).optional(),
  message: z.object({ type: z.string(), text: z.string().optional() }).optional(),
  postback: z.object({ data: z.string().max(300) }).optional(),
});

export type LineEvent = z.infer<typeof lineEventSchema>;

/** A webhook body: `destination` (the bot's user id) and up to LINE's batch of events. */
export const webhookBodySchema = z.object({ destination: z.string().optional(), events: z.array(z.unknown()).max(200) });

/** Handled events are remembered this long: LINE redelivers within a day. */
const keepMs = 7 * 24 * 3600_000;

/**
 * Claims an event by its `webhookEventId`: true the first time, false when it was handled already
 * (LINE redelivers an event whose first delivery it did not see acknowledged). An event without an
 * id is always handled.
 */
export async function claimEvent(db: Queryable, event: LineEvent, now: Date): Promise<boolean> {
  if (!event.webhookEventId) return true;
  if (!event.deliveryContext?.isRedelivery) {
    await db.query('DELETE FROM line_webhook_events WHERE received_at < $1', [new Date(now.getTime() - keepMs)]);
  }
  const { rows } = await db.query('INSERT INTO line_webhook_events (event_id, received_at) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING RETURNING event_id', [event.webhookEventId, now]);
  return rows.length === 1;
}
