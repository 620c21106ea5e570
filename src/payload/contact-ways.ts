/**
 * The ways a visitor may leave to be reached (`contactVia` in the payload; `askContact.ways` in a
 * survey), and the one pattern each must match: the widget checks what the visitor typed with
 * these before sending, and every receiver kit refuses anything else (answer-schema.ts), so the
 * owner's `tel:`, `mailto:` and copy buttons only ever get one of these.
 * - phone: digits with spaces, dashes, dots, brackets and a leading +: 6–15 digits
 * - email: an address like name@example.com
 * - line: a LINE ID (LINE's own rule: 4–20 of a–z, 0–9, ".", "_", "-"; an official account's starts with "@")
 */
export const contactWays = ['phone', 'email', 'line'] as const;
export type ContactWay = (typeof contactWays)[number];

export const contactViaPatterns: Record<ContactWay, RegExp> = {
  phone: /^\+?(?:[\s().-]*\d){6,15}[\s().-]*$/,
  email: /^[^\s@<>"]{1,64}@[^\s@<>"]+\.[^\s@<>"]{2,}$/,
  line: /^@?[a-z0-9._-]{4,20}$/i,
};

/** The longest value of each way a receiver accepts. */
export const contactWayMaxLength: Record<ContactWay, number> = { phone: 30, email: 254, line: 21 };
