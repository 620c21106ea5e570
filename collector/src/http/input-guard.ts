import type { MiddlewareHandler } from 'hono';
import { unstorableTextProblem } from 'hearback/receiver';
import { limitBody } from './limit-body';
import { problem } from './problem';

/** The largest body a form or API route of this app reads (the answer receiver has its own 64 KB). */
export const MAX_FORM_BODY_BYTES = 1024 * 1024;

const withBody = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Bad input every route would otherwise meet only in the database, as a 500: a NUL character or an
 * unpaired surrogate in the path, a query parameter or a form/JSON body (no text column stores
 * them) → 400 naming where; a body over 1 MB (sign-in and the other public forms included) → 413
 * before it is read. Routes in `skip` (the answer receiver) check their own bodies; the body is
 * read from a clone, so routes still parse it as usual.
 */
export function inputGuard({ skip }: { skip: string[] }): MiddlewareHandler {
  const skipped = new Set(skip);
  const limit = limitBody(MAX_FORM_BODY_BYTES);
  return async (c, next) => {
    const inAddress = unstorableTextProblem({ path: c.req.path, query: c.req.queries() });
    if (inAddress) return problem(c, 400, inAddress);
    if (!withBody.has(c.req.method) || skipped.has(c.req.path)) return next();
    return limit(c, async () => {
      const inBody = await bodyProblem(c.req.raw.clone(), c.req.header('content-type') ?? '');
      if (inBody) c.res = problem(c, 400, inBody);
      else await next();
    });
  };
}

async function bodyProblem(request: Request, contentType: string): Promise<string | undefined> {
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type === 'multipart/form-data') {
    // Files (a logo) are bytes, NULs and all; only the text fields go into text columns.
    const form = await request.formData().catch(() => undefined);
    if (!form) return undefined; // the route says what is wrong with its form
    return unstorableTextProblem(Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === 'string')), 'form');
  }
  const text = await request.text().catch(() => '');
  if (!text) return undefined;
  if (type === 'application/json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return undefined; // the route says what is wrong with its JSON
    }
    return unstorableTextProblem(value, 'body');
  }
  if (type === 'application/x-www-form-urlencoded') {
    return unstorableTextProblem(Object.fromEntries(new URLSearchParams(text)), 'form');
  }
  return text.includes('\u0000') ? 'body contains a NUL character (U+0000), which cannot be stored as text; remove it' : undefined;
}
