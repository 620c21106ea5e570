import { perZone } from '../site-settings/per-zone';
import { html } from 'hono/html';
import type { App, FeatureDeps } from '../app-env';
import { requireUser } from '../auth/require-user';
import { requestFilters } from '../dashboard/request-filters';
import { formFields } from '../http/form-fields';
import { problem } from '../http/problem';
import { createContextLabelStore } from '../context-labels/context-label-store';
import { createUsers } from '../auth/users';
import { decodeCaseCursor } from './case-cursor';
import { createCaseStore } from './case-store';
import { caseStates, type CaseState } from './case-states';
import { caseWrite, createCaseOpener } from './open-case';

const NOTE_LIMIT = 2_000;

/**
 * The inbox of cases (signed in): every answer in the detractor band of its type is a case, opened
 * with the answer (the `onAnswerStored` hook). `GET /inbox` (the first menu entry, so a phone
 * lands on it), drawn by `client/inbox.tsx`, and its API:
 * - `GET /api/cases` (+ the dashboard's filters, `state`, `assignee` = `me`, `nobody` or an account
 *   id, `cursor`, `limit` up to 100): the signed-in person's own cases first, each group newest
 *   first; each case has its assignee, due time and whether it is overdue;
 * - `GET /api/cases/assignees`: the accounts a case can be given to (owners and staff);
 * - `POST /api/cases/:id/assignee` `{ assignee }` (an account id, or "" for nobody);
 * - `GET /api/cases/figures`: cases per state, the share closed, the median time to close;
 * - `GET /api/cases/:id`: one case with its history (who did what, when);
 * - `POST /api/cases/:id/state` `{ state, note? }`: open → contacted → resolved (or back to open);
 *   409 for a move the workflow does not allow;
 * - `POST /api/cases/:id/notes` `{ note }`.
 * State changes pass the app's CSRF check (same-origin pages, or an API token).
 */
export function mountInbox(app: App, deps: FeatureDeps) {
  const { db, config, kit, nav, page, answerHooks } = deps;
  const cases = perZone(() => config.timezone, (timeZone) => createCaseStore({ db, timeZone, kinds: kit.surveyKinds, now: deps.now }));
  const openCase = createCaseOpener(kit.surveyKinds, deps.now, () => deps.settings.inboxDueHours());
  answerHooks.onAnswerStored(openCase, { precheck: openCase.precheck, grouped: caseWrite });

  nav.add({ href: '/inbox', label: { en: 'Inbox', th: 'กล่องงาน' }, order: 10, count: { read: () => cases().newCount(), label: { en: 'new cases', th: 'เคสใหม่' } } });
  const users = createUsers(db);
  const contextLabels = createContextLabelStore(db);
  app.get('/inbox', requireUser({ page: true }), async (c) =>
    page(c, {
      title: c.var.lang === 'th' ? 'กล่องงาน' : 'Inbox',
      scripts: ['inbox'],
      styles: ['dashboard'],
      main: html`<div id="app" class="dash-app" data-view="inbox" data-timezone="${config.timezone}" data-context-labels="${JSON.stringify(await contextLabels.labels())}"><p class="muted" role="status">${c.var.lang === 'th' ? 'กำลังโหลด…' : 'Loading…'}</p></div>`,
    }));

  app.get('/api/cases', requireUser(), async (c) => {
    const parsed = requestFilters(c, deps);
    if (!parsed.ok) return problem(c, 400, parsed.problems);
    const { params } = parsed;
    const problems: string[] = [];
    const state = params.get('state') || undefined;
    if (state && !(caseStates as readonly string[]).includes(state)) problems.push(`state: ${JSON.stringify(state)} must be ${caseStates.join(', ')}`);
    const cursor = params.get('cursor') || undefined;
    if (cursor && !decodeCaseCursor(cursor)) problems.push('cursor: not one this API gave out; start again without it');
    const assignee = params.get('assignee') || undefined;
    if (assignee && assignee.length > 200) problems.push('assignee: must be "me", "nobody" or an account id (at most 200 characters)');
    const limit = Number(params.get('limit') ?? 25);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) problems.push(`limit: ${JSON.stringify(params.get('limit'))} must be a whole number from 1 to 100`);
    if (problems.length) return problem(c, 400, problems);
    return c.json(await cases().list(parsed.filters, { state: state as CaseState | undefined, assignee, viewer: c.var.user.id, cursor, limit }));
  });

  app.get('/api/cases/assignees', requireUser(), async (c) =>
    c.json({ me: c.var.user.id, assignees: (await users.list()).map(({ id, email, role }) => ({ id, email, role })) }));

  app.get('/api/cases/figures', requireUser(), async (c) => {
    const parsed = requestFilters(c, deps);
    if (!parsed.ok) return problem(c, 400, parsed.problems);
    return c.json(await cases().figures(parsed.filters));
  });

  app.get('/api/cases/:id', requireUser(), async (c) => {
    const found = await cases().get(c.req.param('id'));
    return found ? c.json(found) : problem(c, 404, `no case for answer ${c.req.param('id')}`);
  });

  app.post('/api/cases/:id/state', requireUser(), async (c) => {
    const { fields } = await formFields(c);
    const problems: string[] = [];
    const state = fields.state;
    if (!(caseStates as readonly string[]).includes(state)) problems.push(`state: ${JSON.stringify(state ?? null)} must be ${caseStates.join(', ')}`);
    const note = fields.note?.trim() || undefined;
    if (note && note.length > NOTE_LIMIT) problems.push(`note: must be at most ${NOTE_LIMIT.toLocaleString('en')} characters`);
    if (problems.length) return problem(c, 400, problems);
    const moved = await cases().move(c.req.param('id'), state as CaseState, c.var.user.email, note);
    return moved.ok ? c.json(moved.case) : problem(c, moved.status, moved.problem);
  });

  app.post('/api/cases/:id/assignee', requireUser(), async (c) => {
    const { fields } = await formFields(c);
    const assignee = fields.assignee?.trim();
    if (assignee === undefined) return problem(c, 400, 'assignee: give an account id from GET /api/cases/assignees, or "" for nobody');
    const assigned = await cases().assign(c.req.param('id'), assignee || null, c.var.user.email);
    return assigned.ok ? c.json(assigned.case) : problem(c, assigned.status, assigned.problem);
  });

  app.post('/api/cases/:id/notes', requireUser(), async (c) => {
    const { fields } = await formFields(c);
    const note = fields.note?.trim();
    if (!note) return problem(c, 400, 'note: write something (it may not be empty)');
    if (note.length > NOTE_LIMIT) return problem(c, 400, `note: must be at most ${NOTE_LIMIT.toLocaleString('en')} characters`);
    const added = await cases().addNote(c.req.param('id'), c.var.user.email, note);
    return added.ok ? c.json(added.case) : problem(c, added.status, added.problem);
  });
}
