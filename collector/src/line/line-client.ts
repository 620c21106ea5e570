import { z } from 'zod';
import { DeliveryError } from '../alerts/channels/delivery-error';
import type { DestinationPolicy } from '../alerts/channels/destination';
import { postJson, type PostOptions } from '../alerts/channels/post-json';

/** A quick-reply button that posts `data` back to the webhook and shows `displayText` in the chat. */
export interface QuickReplyItem {
  type: 'action';
  action: { type: 'postback'; label: string; data: string; displayText: string };
}

/** The message kinds the app sends: text, optionally with quick-reply buttons (at most 13). */
export interface LineMessage {
  type: 'text';
  text: string;
  quickReply?: { items: QuickReplyItem[] };
}

export interface LineClientOptions {
  /** LINE's API base, `https://api.line.me` (HEARBACK_LINE_API_URL; tests point it at a local fake). */
  apiUrl: string;
  /** The channel access token. */
  token: string;
  /** Which addresses the API's host may resolve to (HEARBACK_ALLOW_PRIVATE_DESTINATIONS). */
  destinations: DestinationPolicy;
  now?: () => number;
}

const botInfoSchema = z.object({ userId: z.string().optional(), basicId: z.string().default(''), displayName: z.string().default('') });
const webhookTestSchema = z.object({ success: z.boolean(), statusCode: z.number().optional(), reason: z.string().optional() });
const quotaSchema = z.object({ type: z.enum(['none', 'limited']), value: z.number().optional() });
const consumptionSchema = z.object({ totalUsage: z.number() });
const groupSchema = z.object({ groupId: z.string(), groupName: z.string().default('') });

export type BotInfo = z.infer<typeof botInfoSchema>;
export type WebhookTest = z.infer<typeof webhookTestSchema>;
/** This month's messages: `limit` null when the plan has none. */
export interface Quota {
  limit: number | null;
  used: number;
}

/** Replies are read up to this size: none of the endpoints used answers with more. */
const replyBytes = 16 * 1024;

/**
 * The one LINE Messaging API client: alerts push with it, chat surveys reply and push with it, the
 * LINE page checks the account and reads the quota with it. Every call goes through the destination
 * check (`postJson`); failures are `DeliveryError`s that say whether a retry can help.
 */
export function createLineClient({ apiUrl, token, destinations, now }: LineClientOptions) {
  const base = apiUrl.replace(/\/+$/, '');
  const call = (path: string, options: Partial<PostOptions> = {}, treatAsSent?: (status: number) => boolean) =>
    postJson({ url: `${base}${path}`, destinations, now, ...options, headers: { authorization: `Bearer ${token}`, ...options.headers } }, treatAsSent);
  const read = async <T>(path: string, schema: z.ZodType<T>, options: Partial<PostOptions> = {}): Promise<T> => {
    const result = await call(path, { method: 'GET', readBodyBytes: replyBytes, ...options });
    let parsed: unknown;
    try {
      parsed = JSON.parse(result.body ?? '');
    } catch {
      parsed = undefined;
    }
    const checked = schema.safeParse(parsed);
    if (!checked.success) throw new DeliveryError({ code: 'unknown' }, { retryable: false });
    return checked.data;
  };
  return {
    /**
     * `POST /v2/bot/message/push`. `retryKey` (a UUID) goes in `X-Line-Retry-Key`: LINE answers 409
     * to a key it already accepted, which counts as sent, so a retry never sends twice.
     */
    async push(to: string, messages: LineMessage[], retryKey: string): Promise<void> {
      await call('/v2/bot/message/push', { body: JSON.stringify({ to, messages }), headers: { 'x-line-retry-key': retryKey } }, (status) => status === 409);
    },
    /** `POST /v2/bot/message/reply`: answers an event with its reply token (free of charge, once per token). */
    async reply(replyToken: string, messages: LineMessage[]): Promise<void> {
      await call('/v2/bot/message/reply', { body: JSON.stringify({ replyToken, messages }) });
    },
    /** `GET /v2/bot/info`: the bot's name and basic id (`@123abcde`, for the chat's QR link). */
    botInfo: () => read('/v2/bot/info', botInfoSchema),
    /** `POST /v2/bot/channel/webhook/test`: LINE calls `endpoint` and says whether it answered 200. */
    testWebhook: (endpoint: string) => read('/v2/bot/channel/webhook/test', webhookTestSchema, { method: 'POST', body: JSON.stringify({ endpoint }) }),
    /** `GET /v2/bot/message/quota` and `/quota/consumption`: this month's limit and use. */
    async quota(): Promise<Quota> {
      const [quota, used] = await Promise.all([read('/v2/bot/message/quota', quotaSchema), read('/v2/bot/message/quota/consumption', consumptionSchema)]);
      return { limit: quota.type === 'limited' ? quota.value ?? 0 : null, used: used.totalUsage };
    },
    /** `GET /v2/bot/group/{id}/summary`: a group's name. */
    groupSummary: (groupId: string) => read(`/v2/bot/group/${encodeURIComponent(groupId)}/summary`, groupSchema),
  };
}

export type LineClient = ReturnType<typeof createLineClient>;
