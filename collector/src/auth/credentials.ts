import { z } from 'zod';

/** An account's email and password rules, shared by the forms, the API, the CLI and the first-owner variables. */
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('must be an email address like owner@shop.example'));
export const passwordSchema = z.string()
  .min(10, 'must be at least 10 characters long')
  .max(200, 'must be at most 200 characters long');

export const credentialsSchema = z.object({ email: emailSchema, password: passwordSchema });

/** Zod issues as sentences naming the field: `password must be at least 10 characters long`. */
export function describeProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || 'body'} ${issue.message}`);
}
