/**
 * Values for `{placeholders}` in survey texts: `context` first (`{product}`), then the user as
 * `{user.id}`, `{user.name}`, … (context wins on a clash).
 */
export function placeholderValues(context: Record<string, unknown>, user: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(user)) values['user.' + key] = value;
  return { ...values, ...context };
}
