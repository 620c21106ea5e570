import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/database';

/** The query parameter, and the answer's context key, that carries a link's signature. */
export const signatureKey = 'sig';

/** Context keys that are not the link's fields: the signature itself and the derived `channel`. */
const unsignedKeys = new Set([signatureKey, 'channel']);

/** Why an answer's link fields are not accepted as signed. */
export type SignatureProblem = 'missing' | 'wrong';

/**
 * What is signed: a version tag, the survey id and the fields sorted by key, as JSON (keys are
 * `a-z0-9_`, values letters, digits and `. _ - / #`, but JSON leaves no doubt whatever they hold).
 */
function signedText(surveyId: string, fields: Record<string, unknown>): string {
  const entries = Object.keys(fields).filter((key) => !unsignedKeys.has(key)).sort().map((key) => [key, fields[key]]);
  return JSON.stringify(['hearback-link/1', surveyId, entries]);
}

/**
 * Signs a survey link's fields, and checks the fields an answer brings: an HMAC-SHA256 (node's
 * crypto) with the database's link key (migration 121), cut to 128 bits (22 base64url
 * characters) so a signed link still makes a small QR code. The key is read once per process,
 * through whichever connection asks first (the answer's transaction, on PGlite's one connection).
 */
export function createLinkSigner(db: Queryable) {
  let key: Promise<Buffer> | undefined;
  const keyVia = (q: Queryable) => (key ??= q.query<{ secret: string }>('SELECT secret FROM link_signing_key WHERE id = 1').then(({ rows }) => {
    if (!rows[0]) throw new Error('the link signing key is missing: run the migrations (hearback-collector migrate)');
    return Buffer.from(rows[0].secret, 'utf8');
  }).catch((error: unknown) => {
    key = undefined;
    throw error;
  }));
  const mac = async (q: Queryable, surveyId: string, fields: Record<string, unknown>) =>
    createHmac('sha256', await keyVia(q)).update(signedText(surveyId, fields)).digest().subarray(0, 16);

  return {
    /** The `sig` of a link to `surveyId` with these fields (`channel` and `sig` are never signed). */
    async sign(surveyId: string, fields: Record<string, string>): Promise<string> {
      return (await mac(db, surveyId, fields)).toString('base64url');
    },
    /** Whether `context` (an answer's, or a link's fields with their `sig`) is signed for `surveyId`. */
    async check(surveyId: string, context: Record<string, unknown> | undefined, via: Queryable = db): Promise<SignatureProblem | undefined> {
      const given = context?.[signatureKey];
      if (typeof given !== 'string' || given === '') return 'missing';
      const expected = Buffer.from((await mac(via, surveyId, context ?? {})).toString('base64url'));
      const actual = Buffer.from(given);
      return actual.length === expected.length && timingSafeEqual(actual, expected) ? undefined : 'wrong';
    },
  };
}

export type LinkSigner = ReturnType<typeof createLinkSigner>;
