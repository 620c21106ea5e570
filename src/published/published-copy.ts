import * as z from 'zod/mini';
import { safeParse, shielded } from '../common/shielded';

/** The last answer of `surveysUrl`, as kept under `published:<url>`; each definition is checked when used. */
export interface PublishedCopy {
  surveys: unknown[];
  /** When it was read or confirmed (ms). */
  readAt: number;
  etag?: string;
}

const copySchema = () => z.object({ surveys: z.array(z.unknown()), readAt: z.number(), etag: z.optional(z.string()) });

/** A copy read back from the store, or undefined for anything else (another version, a corrupted write). */
export function readCopy(stored: unknown): PublishedCopy | undefined {
  const result = safeParse(shielded(copySchema), stored);
  return result.success ? result.data : undefined;
}
