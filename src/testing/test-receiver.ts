import { http, HttpResponse } from 'msw';
import type { Answer } from '../payload/answer-schema';
import { parseAnswer } from '../receiver/parse-answer';

export interface TestReceiver {
  /** msw request handlers: pass them to `setupServer(...)` or `setupWorker(...)`. */
  handlers: ReturnType<typeof http.post>[];
  /**
   * Distinct answers received, in arrival order (a repeated `id` is stored once; a repeat with the
   * answer's own `key` adds the comment, reasons, contact consent or `contactVia` it lacked, and
   * nothing else).
   */
  answers: Answer[];
  /** Every POST body as received, duplicates included. */
  requests: unknown[];
  /** Makes the next `count` requests fail with `status` (e.g. 503), to test retries. */
  failNext(count: number, status?: number): void;
  reset(): void;
}

/**
 * A deduplicating receiver for tests, as msw handlers: it validates each body with the receiver
 * kit (400 with the problems if invalid), answers 201 for a new `id` and 200 `{ duplicate: true }`
 * for a repeat, completing the stored answer (`completed: true`) only when the repeat carries the
 * answer's `key` — exactly what a production receiver should do.
 *
 * @example
 * const receiver = createTestReceiver('https://example.com/feedback');
 * const server = setupServer(...receiver.handlers); server.listen();
 * // … answer a prompt …
 * expect(receiver.answers[0].score).toBe(9);
 */
export function createTestReceiver(endpoint: string): TestReceiver {
  const answers: Answer[] = [];
  const requests: unknown[] = [];
  let failures: { count: number; status: number } = { count: 0, status: 503 };
  const handler = http.post(endpoint, async ({ request }) => {
    const text = await request.text();
    requests.push(text);
    if (failures.count > 0) {
      failures.count--;
      return new HttpResponse(null, { status: failures.status });
    }
    const result = parseAnswer(text);
    if (!result.ok) return HttpResponse.json({ problems: result.problems }, { status: 400 });
    const stored = answers.find((answer) => answer.id === result.answer.id);
    if (stored) return HttpResponse.json(complete(stored, result.answer) ? { duplicate: true, completed: true } : { duplicate: true }, { status: 200 });
    answers.push(result.answer);
    return HttpResponse.json({ id: result.answer.id }, { status: 201 });
  });
  return {
    handlers: [handler],
    answers,
    requests,
    failNext: (count, status = 503) => void (failures = { count, status }),
    reset() {
      answers.length = 0;
      requests.length = 0;
      failures = { count: 0, status: 503 };
    },
  };
}

/** Adds to `stored` the follow-up it lacks, when `repeat` carries its key; says whether it did. */
function complete(stored: Answer, repeat: Answer): boolean {
  if (!stored.key || repeat.key !== stored.key) return false;
  const before = JSON.stringify(stored);
  if (stored.comment === undefined && repeat.comment !== undefined) stored.comment = repeat.comment;
  if (stored.reasons === undefined && repeat.reasons !== undefined) stored.reasons = repeat.reasons;
  if (!stored.contact && repeat.contact) stored.contact = true;
  if (stored.contactVia === undefined && repeat.contactVia !== undefined) stored.contactVia = repeat.contactVia;
  return JSON.stringify(stored) !== before;
}
