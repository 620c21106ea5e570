import { getAnswerSchema, type Answer } from '../payload/answer-schema';
import { safeParse } from '../schema/schema';
import { describeIssues } from './describe-issues';

/** Bodies larger than this are refused unparsed: the SDK's keepalive budget is 64 KB per request. */
export const MAX_BODY_BYTES = 64 * 1024;

export type ParseResult = { ok: true; answer: Answer } | { ok: false; problems: string[] };

/**
 * Validates one answer as the SDK posts it (payload version 1). Takes the raw request body (a
 * string, whatever the Content-Type said) or an already-parsed object. Never throws: bad JSON, a
 * body over 64 KB and every schema problem come back as readable sentences.
 * @example
 * const result = parseAnswer(body);
 * if (!result.ok) return res.writeHead(400).end(JSON.stringify({ problems: result.problems }));
 * save(result.answer); // deduplicate on result.answer.id
 */
export function parseAnswer(body: string | object): ParseResult {
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
  if (result.success) return { ok: true, answer: result.data };
  return { ok: false, problems: describeIssues(result.error.issues, value) };
}

const refuse = (problem: string): ParseResult => ({ ok: false, problems: [problem] });

/** UTF-8 byte length without allocating a copy (Thai text is 3 bytes per character). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
