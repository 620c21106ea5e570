/**
 * Thrown by an answer hook to refuse an answer for a reason of the owner's rules (not a database
 * failure): the transaction rolls back, and the receiver answers `status` with `message` as its
 * problem instead of a 5xx. 409 tells the SDK the answer counts as delivered (it stops retrying);
 * 400 tells it the answer can never be stored.
 */
export class AnswerRefused extends Error {
  override name = 'AnswerRefused';
  constructor(readonly status: 400 | 409, message: string) {
    super(message);
  }
}

export function isAnswerRefused(error: unknown): error is AnswerRefused {
  return error instanceof Error && error.name === 'AnswerRefused' && 'status' in error;
}
