import type { Context } from 'hono';

/**
 * The string fields of a form post (`application/x-www-form-urlencoded`, `multipart/form-data`) or
 * of a JSON object body, so one route serves the page's form and automation alike. JSON `true`,
 * `false` and numbers arrive as their text (`"true"`, `"42"`), as a form would send them, so
 * `{ "singleUse": true }` means what it says. Anything else (a bad JSON body, files, arrays,
 * objects, null) yields no field rather than an exception.
 */
export async function formFields(c: Context): Promise<{ fields: Record<string, string>; json: boolean }> {
  const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json') {
    const body = await c.req.json().catch(() => null);
    const fields: Record<string, string> = {};
    if (body && typeof body === 'object' && !Array.isArray(body)) {
      for (const [key, value] of Object.entries(body)) {
        if (typeof value === 'string') fields[key] = value;
        else if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) fields[key] = String(value);
      }
    }
    return { fields, json: true };
  }
  if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
    const body = await c.req.parseBody().catch(() => ({}));
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries(body)) if (typeof value === 'string') fields[key] = value;
    return { fields, json: false };
  }
  return { fields: {}, json: false };
}
