import type { Queryable } from '../db/database';

/** Records that `email` wants no more survey emails; every later send skips it (`email-queue.ts`). */
export async function unsubscribe(db: Queryable, email: string, now: Date): Promise<void> {
  await db.query('INSERT INTO email_unsubscribes (email, unsubscribed_at) VALUES ($1, $2::timestamptz) ON CONFLICT (email) DO NOTHING', [email.toLowerCase(), now.toISOString()]);
}
