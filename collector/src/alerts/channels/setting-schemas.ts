import { z } from 'zod';

/** Settings more than one kind of channel asks for, with the same checks and messages. */
export const httpUrl = z
  .string()
  .trim()
  .url({ message: 'must be a full URL starting with https:// (or http:// for a server on this machine)' })
  .refine((url) => /^https?:$/.test(new URL(url).protocol), { message: 'must start with https:// or http://' });

export const emailAddress = z.string().trim().email({ message: 'must be an email address like owner@example.com' });
