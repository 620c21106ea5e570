import { z } from 'zod';

/** Settings more than one kind of channel asks for, with the same checks and messages. */
export const httpUrl = z
  .string()
  .trim()
  // abort: a value that is no URL stops here, so the refine below never parses it (it would throw).
  .url({ message: 'must be a full URL starting with https:// (or http:// for a server on this machine)', abort: true })
  .refine((url) => /^https?:$/.test(new URL(url).protocol), { message: 'must start with https:// or http://' });

export const emailAddress = z.string().trim().email({ message: 'must be an email address like owner@example.com' });
