// Link fields as the app signs them, for tests that post a single-use survey's answers directly.
import type { Queryable } from '../../src/db/database';
import { createLinkSigner } from '../../src/links/link-signer';

/** `fields` plus the `sig` this database's key gives them for `survey`: an answer's context from a link the app made. */
export async function signed(db: Queryable, survey: string, fields: Record<string, string>): Promise<Record<string, string>> {
  return { ...fields, sig: await createLinkSigner(db).sign(survey, fields) };
}
