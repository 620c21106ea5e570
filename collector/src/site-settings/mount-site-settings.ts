import type { Context } from 'hono';
import type { App, AppEnv, FeatureDeps } from '../app-env';
import { requireUser } from '../auth/require-user';
import { formFields } from '../http/form-fields';
import { problem } from '../http/problem';
import { problemLines, type FieldProblem } from '../shell/field-problems';
import { fill } from '../shell/lang';
import { logoPath } from './logo-path';
import { isWebOrigin } from './refused-sites';
import { parseSiteForm, type SiteFormInput, type SiteFormValues } from './site-form';
import { createSiteSettingsStore } from './site-settings-store';
import { siteText as t } from './site-text';

/** What the settings page shows after a site action. */
export interface SiteOutcome {
  status?: 200 | 400;
  notice?: string;
  errors?: string[];
  draft?: { values: SiteFormValues; problems: FieldProblem[] };
}

/**
 * Settings → Site and Refused sites (owner only), and the shop's logo (public).
 * - `POST /settings/site` (the page's form, multipart for the logo) and `PUT /api/settings`
 *   (JSON, the same fields; 400 `{ problems }` naming each field): saved in the database, in
 *   effect at once here and within a second on every other instance. Fields the environment sets
 *   are locked: left as they are. `GET /api/settings`: what is in effect, and what is locked.
 * - `POST /settings/sites/allow` `origin=…`: adds a refused site to the allowed sites.
 * - `GET /s/_/logo`: the uploaded logo.
 */
export function mountSiteSettings(app: App, { db, settings, refusedSites }: FeatureDeps, { render }: { render: (c: Context<AppEnv>, outcome: SiteOutcome) => Promise<Response> }) {
  const store = createSiteSettingsStore(db);
  const ownerPage = requireUser({ page: true, role: 'owner' });
  const owner = requireUser({ role: 'owner' });

  const save = async (c: Context<AppEnv>, input: SiteFormInput) => {
    const parsed = parseSiteForm(input, settings.locked);
    if ('problems' in parsed) return parsed;
    await store.save(parsed.change, c.var.user.email);
    await settings.refresh({ force: true });
    for (const origin of parsed.change.allowedOrigins ?? []) await refusedSites.forget(origin);
    return undefined;
  };

  app.post('/settings/site', ownerPage, async (c) => {
    const input = await readSiteForm(c);
    const failed = await save(c, input);
    if (failed) return render(c, { status: 400, draft: failed });
    return render(c, { notice: t.saved[c.var.lang] });
  });

  app.post('/settings/sites/allow', ownerPage, async (c) => {
    const { fields } = await formFields(c);
    const origin = (fields.origin ?? '').trim();
    const lang = c.var.lang;
    if (!isWebOrigin(origin)) return render(c, { status: 400, errors: [t.allowBad[lang]] });
    if (settings.locked.allowedOrigins) return render(c, { status: 400, errors: [fill(t.allowLocked[lang], { name: settings.locked.allowedOrigins, origin })] });
    await settings.refresh({ force: true });
    const current = settings.current().allowedOrigins;
    if (!current.includes(origin)) await store.save({ allowedOrigins: [...current, origin] }, c.var.user.email);
    await settings.refresh({ force: true });
    await refusedSites.forget(origin);
    return render(c, { notice: fill(t.allowed[lang], { origin }) });
  });

  app.get('/api/settings', owner, (c) => c.json({ settings: settings.current(), locked: settings.locked }));

  app.put('/api/settings', owner, async (c) => {
    const { fields } = await formFields(c);
    const failed = await save(c, { fields });
    if (failed) return problem(c, 400, problemLines(failed.problems, 'en'));
    return c.json({ settings: settings.current(), locked: settings.locked });
  });

  app.get(logoPath, async (c) => {
    const logo = await store.logo();
    if (!logo) return c.body(null, 404);
    return c.body(new Uint8Array(logo.bytes), 200, { 'content-type': logo.type, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
  });
}

/** The form's fields and its logo file (the form posts multipart/form-data). */
async function readSiteForm(c: Context<AppEnv>): Promise<SiteFormInput> {
  const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'multipart/form-data') return { fields: (await formFields(c)).fields };
  const body = await c.req.parseBody().catch(() => ({} as Record<string, unknown>));
  const fields: Record<string, string> = {};
  let logo: SiteFormInput['logo'];
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') fields[key] = value;
    else if (key === 'logo' && value instanceof File && value.size > 0) logo = { type: value.type, bytes: Buffer.from(await value.arrayBuffer()) };
  }
  return { fields, logo };
}
