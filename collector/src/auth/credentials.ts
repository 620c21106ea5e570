import { z } from 'zod';
import type { Lang } from '../app-env';

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

const formText = {
  email: { en: 'Enter an email address like name@shop.example.', th: 'กรอกอีเมล เช่น name@shop.example' },
  password: { en: 'The password must be 10 to 200 characters long.', th: 'รหัสผ่านต้องยาว 10 ถึง 200 ตัวอักษร' },
};

/** The same problems for a person at a form, in their language: one line per field. */
export function describeForForm(error: z.ZodError, lang: Lang): string[] {
  const fields = new Set(error.issues.map((issue) => (issue.path[0] === 'email' ? 'email' : 'password')));
  return [...fields].map((field) => formText[field][lang]);
}
