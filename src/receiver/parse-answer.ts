import { safeParse } from '../common/shielded';
import { getAnswerSchema, type Answer } from '../payload/answer-schema';
import { utf8Length } from '../payload/data-bounds';
import { describeIssues } from './describe-issues';
import { unstorableTextProblem } from './unstorable-text';

/** Bodies larger than this are refused unparsed: the SDK's keepalive budget is 64 KB per request. */
export const MAX_BODY_BYTES = 64 * 1024;

export type ParseAnswerResult = { ok: true; answer: Answer } | { ok: false; problems: string[] };

/** How far `answeredAt` may run ahead of the receiver's clock: phones' clocks drift. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/**
 * How old `answeredAt` may be. The SDK drops answers it could not deliver within 7 days, so an
 * older one is a replay or a broken clock; a year leaves room for a receiver catching up on a backlog.
 */
const MAX_ANSWER_AGE_MS = 365 * 24 * 3600_000;

export interface ParseAnswerOptions {
  /** The receiver's clock, for the `answeredAt` window. @default new Date() */
  now?: Date | number;
}

/**
 * Validates one answer as the SDK posts it (payload version 1). Takes the raw request body (a
 * string, whatever the Content-Type said) or an already-parsed object. Never throws: bad JSON, a
 * body over 64 KB and every schema problem come back as readable sentences, each worth a 400.
 *
 * Beyond the payload's shape it refuses what a receiver must not store: a `scale` other than the
 * one its `type` fixes (nps `[0, 10]`, csat `[1, 5]`, ces `[1, 7]`) and a score outside it; an
 * `answeredAt` more than 5 minutes ahead of `now` (clock skew) or more than a year before it; a
 * `user` or `context` nested more than 5 levels deep or over 4,096 bytes as JSON; text (values or
 * keys) holding a NUL character or an unpaired surrogate, which no database stores.
 * @example
 * const result = parseAnswer(body);
 * if (!result.ok) return res.writeHead(400).end(JSON.stringify({ problems: result.problems }));
 * save(result.answer); // deduplicate on result.answer.id
 */
export function parseAnswer(body: string | object, options: ParseAnswerOptions = {}): ParseAnswerResult {
  let value: unknown = body;
  if (typeof body === 'string') {
    const bytes = utf8Length(body);
    if (bytes > MAX_BODY_BYTES) return refuse(`body is ${bytes} bytes; the limit is ${MAX_BODY_BYTES}`);
    if (!body.trim()) return refuse('body is empty; expected one answer as JSON');
    try {
      value = JSON.parse(body);
    } catch (error) {
      return refuse(`body is not valid JSON: ${(error as Error).message}`);
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return refuse(`body must be one answer object (got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value})`);
  }
  const result = safeParse(getAnswerSchema(), value);
  if (!result.success) return { ok: false, problems: describeIssues(result.error.issues, value) };
  const late = timeProblem(result.data.answeredAt, Number(options.now ?? Date.now())) ?? unstorableTextProblem(result.data);
  return late ? refuse(late) : { ok: true, answer: result.data };
}

function timeProblem(answeredAt: string, now: number): string | undefined {
  const at = Date.parse(answeredAt);
  if (at > now + MAX_CLOCK_SKEW_MS) return `answeredAt is more than 5 minutes in the future (got "${answeredAt}")`;
  if (at < now - MAX_ANSWER_AGE_MS) return `answeredAt is more than a year in the past (got "${answeredAt}")`;
  return undefined;
}

const refuse = (problem: string): ParseAnswerResult => ({ ok: false, problems: [problem] });

