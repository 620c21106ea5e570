import type { App, FeatureDeps } from '../app-env';
import { requireUser } from '../auth/require-user';
import { formFields } from '../http/form-fields';
import { problem } from '../http/problem';
import { parseSelector, selectorKind } from './answer-selector';
import { createAnswerEraser } from './erase-answers';
import { createAnswerExporter } from './export-answers';

/**
 * A person's rights over their answers, for the owner only (signed in; an API token is refused, so
 * a leaked export token cannot erase data):
 * - `GET /api/privacy/export?user=<id>` (or `email=<user.email>`, or `answer=<id>`): their answers
 *   as JSON, as a download.
 * - `POST /api/privacy/erase` with JSON or a form `{ user }` (or `{ email }`, or `{ answer }`):
 *   deletes them and everything derived from them; 200 `{ about, answers: [ids] }`.
 * 400 `{ problems }` unless exactly one is given.
 */
export function mountPrivacy(app: App, { db, now, log }: FeatureDeps) {
  const exportAnswers = createAnswerExporter({ db, now });
  const erase = createAnswerEraser({ db });

  app.get('/api/privacy/export', requireUser({ role: 'owner' }), async (c) => {
    const parsed = parseSelector({ user: c.req.query('user'), email: c.req.query('email'), answer: c.req.query('answer') });
    if (!parsed.ok) return problem(c, 400, parsed.problems);
    const exported = await exportAnswers(parsed.selector);
    return c.json(exported, 200, { 'content-disposition': `attachment; filename="hearback-export.json"` });
  });

  app.post('/api/privacy/erase', requireUser({ role: 'owner' }), async (c) => {
    const { fields } = await formFields(c);
    const parsed = parseSelector({ user: fields.user, email: fields.email, answer: fields.answer });
    if (!parsed.ok) return problem(c, 400, parsed.problems);
    const erased = await erase(parsed.selector);
    // Who erased how much, for the shop's own record; the ids themselves stay out of the log.
    log.info({ event: 'privacy.erase', by: c.var.user.id, kind: selectorKind(parsed.selector), answers: erased.answers.length });
    return c.json(erased);
  });
}
