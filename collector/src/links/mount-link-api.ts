import type { Context } from 'hono';
import { z } from 'zod';
import type { App, AppEnv } from '../app-env';
import { describeProblems } from '../auth/credentials';
import { requireUser } from '../auth/require-user';
import { problem } from '../http/problem';
import type { LinkSigner } from './link-signer';
import type { LinkStore } from './link-store';
import { makeSurveyLink } from './make-link';

const linkRequestSchema = z.strictObject({
  survey: z.string({ message: 'must be the id of a link survey, as a string' }),
  fields: z.record(z.string(), z.string({ message: 'must be a string' }), { message: 'must be an object of field names to strings, e.g. { "order": "1001" }' }).optional(),
}, { message: 'must be a JSON object like { "survey": "receipt", "fields": { "order": "1001" } }' });

/**
 * `POST /api/links` (an API token, or the signed-in owner): JSON `{ survey, fields }` → 200
 * `{ url, sig }` — a survey link with those fields, signed when the survey is single-use (`sig`
 * is then also in the URL; other surveys' links need none and get none). 400 `{ problems }` names
 * each bad field; 404 for a survey that does not exist; staff get 403.
 */
export function mountLinkApi(app: App, { store, signer, publicUrl }: { store: LinkStore; signer: LinkSigner; publicUrl: (c: Context<AppEnv>) => string }) {
  app.post('/api/links', requireUser(), async (c) => {
    const user = c.var.user;
    if (user.via !== 'token' && user.role !== 'owner') return problem(c, 403, 'only the owner (or an API token) can make survey links');
    const body = await c.req.json().catch(() => undefined);
    const parsed = linkRequestSchema.safeParse(body);
    if (!parsed.success) return problem(c, 400, describeProblems(parsed.error));
    const survey = await store.get(parsed.data.survey);
    if (!survey) return problem(c, 404, `survey: there is no link survey "${parsed.data.survey}" (make it on the links page first)`);
    const made = await makeSurveyLink(signer, publicUrl(c), survey, parsed.data.fields ?? {});
    if (!made.ok) return problem(c, 400, made.problems);
    return c.json({ url: made.url, sig: made.sig ?? null }, 200);
  });
}
