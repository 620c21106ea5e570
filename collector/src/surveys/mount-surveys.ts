import type { Context } from 'hono';
import { html } from 'hono/html';
import type { App, AppEnv, FeatureDeps } from '../app-env';
import { requireUser } from '../auth/require-user';
import { formFields } from '../http/form-fields';
import { problem } from '../http/problem';
import { problemLines, type FieldProblem } from '../shell/field-problems';
import type { Localized } from '../shell/lang';
import { formFromSurvey, surveyFromForm, type EditorFields } from './editor-form';
import { deletePrompt, surveyEditorPage, surveyListPage } from './editor-page';
import { editorText as t } from './editor-text';
import { mountPublishedSurveys } from './mount-published-surveys';
import { mountSurveyPreview } from './mount-survey-preview';
import { createSurveyStore, type EditorSurvey } from './survey-store';
import { isTemplateName, surveyTemplates } from './templates';

type Ctx = Context<AppEnv>;

/**
 * The survey editor (website and kiosk surveys; link surveys stay on the Links page).
 * - Signed in: `GET /app/surveys` (the list), `GET /app/surveys/<id>` (the editor; read-only for
 *   staff), `POST /app/surveys/check` (the form → the definition the preview shows, or problems),
 *   the preview frame (`mount-survey-preview.ts`).
 * - Owner: `GET /app/surveys/new?template=…`, `POST /app/surveys` (save a draft; form or JSON
 *   with the same fields), `POST /app/surveys/<id>/publish|unpublish|delete`.
 * - Public: `GET /api/surveys.json` (`mount-published-surveys.ts`).
 * Every save, publish, unpublish and delete is kept in the survey's history with who and when.
 */
export function mountSurveys(app: App, deps: FeatureDeps) {
  const { db, nav, page, config } = deps;
  const store = createSurveyStore(db);
  nav.add({ href: '/app/surveys', label: t.nav, order: 28 });
  mountPublishedSurveys(app, deps, store);
  mountSurveyPreview(app);

  const signedIn = requireUser({ page: true });
  const ownerOnly = requireUser({ page: true, role: 'owner' });
  const isOwner = (c: Ctx) => c.var.user.role === 'owner';
  const notices: Record<string, Localized> = { saved: t.saved, published: t.publishedNote, unpublished: t.unpublishedNote };
  const noticeOf = (c: Ctx) => notices[c.req.query('done') ?? ''];

  const showEditor = async (c: Ctx, fields: EditorFields, survey: EditorSurvey | undefined, problems: FieldProblem[] = [], status: 200 | 400 | 409 = 200) =>
    page(c, {
      title: survey ? survey.id : t.newTitle[c.var.lang], status: status === 409 ? 400 : status,
      styles: ['survey-editor'], scripts: ['survey-editor'],
      main: surveyEditorPage({
        lang: c.var.lang, fields, survey, problems, isOwner: isOwner(c), notice: noticeOf(c),
        history: survey ? await store.history(survey.id) : [], timeZone: config.timezone,
      }),
    });
  const notFound = (c: Ctx) => page(c, { title: t.notFound[c.var.lang], status: 404, main: html`<p>${t.notFound[c.var.lang]}</p><p><a href="/app/surveys">${t.back[c.var.lang]}</a></p>` });

  app.get('/app/surveys', signedIn, async (c) =>
    page(c, { title: t.nav[c.var.lang], styles: ['survey-editor'], main: surveyListPage({ lang: c.var.lang, surveys: await store.list(), isOwner: isOwner(c), notice: c.req.query('done') === 'deleted' ? t.actions.deleted : undefined }) }));

  app.get('/app/surveys/new', ownerOnly, (c) => {
    const name = c.req.query('template') ?? 'csat-checkout';
    const template = surveyTemplates[isTemplateName(name) ? name : 'csat-checkout'];
    return showEditor(c, formFromSurvey(template as never), undefined);
  });

  app.post('/app/surveys/check', requireUser(), async (c) => {
    const parsed = surveyFromForm((await formFields(c)).fields);
    if ('problems' in parsed) return problem(c, 400, problemLines(parsed.problems, c.var.lang));
    return c.json(parsed);
  });

  app.post('/app/surveys', ownerOnly, async (c) => {
    const { fields, json } = await formFields(c);
    const existing = fields.existing === 'on' || fields.existing === 'true';
    const before = fields.id ? await store.get(fields.id.trim()) : undefined;
    const parsed = surveyFromForm(fields);
    if ('problems' in parsed) {
      return json ? problem(c, 400, problemLines(parsed.problems, c.var.lang)) : showEditor(c, fields, existing ? before : undefined, parsed.problems, 400);
    }
    // A new survey never silently replaces one that may be live on a site.
    if (!existing && before) {
      const clash: FieldProblem = { field: 'id', label: t.fields.id, message: { en: `a survey "${before.id}" already exists: open it to change it, or pick another id`, th: `มีแบบสอบถาม “${before.id}” อยู่แล้ว เปิดแบบสอบถามนั้นเพื่อแก้ไข หรือเลือกรหัสอื่น` } };
      return json ? problem(c, 409, problemLines([clash], c.var.lang)) : showEditor(c, fields, undefined, [clash], 409);
    }
    await store.save(parsed.survey, parsed.look, c.var.user.email);
    return json ? c.json({ survey: parsed.survey, look: parsed.look }, before ? 200 : 201) : c.redirect(`/app/surveys/${parsed.survey.id}?done=saved`, 303);
  });

  app.get('/app/surveys/:id', signedIn, async (c) => {
    const survey = await store.get(c.req.param('id'));
    return survey ? showEditor(c, formFromSurvey(survey.draft, survey.look), survey) : notFound(c);
  });

  for (const action of ['publish', 'unpublish'] as const) {
    app.post(`/app/surveys/:id/${action}`, ownerOnly, async (c) => {
      const id = c.req.param('id');
      if (!(await store[action](id, c.var.user.email))) return problem(c, 404, `no survey "${id}"`);
      return c.redirect(`/app/surveys/${id}?done=${action}ed`, 303);
    });
  }

  app.post('/app/surveys/:id/delete', ownerOnly, async (c) => {
    const id = c.req.param('id');
    const survey = await store.get(id);
    if (!survey) return problem(c, 404, `no survey "${id}"`);
    const { fields } = await formFields(c);
    if (fields.confirm !== 'yes') {
      const lang = c.var.lang;
      return page(c, {
        title: t.remove[lang], styles: ['survey-editor'],
        main: html`<h1>${t.remove[lang]}</h1><p>${deletePrompt(lang, id)}</p>
<form method="post" action="/app/surveys/${id}/delete"><input type="hidden" name="confirm" value="yes"><button class="button danger" type="submit">${t.remove[lang]}</button> <a href="/app/surveys/${id}">${t.back[lang]}</a></form>`,
      });
    }
    await store.remove(id, c.var.user.email);
    return c.redirect('/app/surveys?done=deleted', 303);
  });
}
