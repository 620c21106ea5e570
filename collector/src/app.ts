/**
 * The owner's app, defined apart from `listen` (`server.ts` listens; tests call `app.request()` or
 * serve it on port 0).
 *
 * How a feature plugs in
 * - A feature is a folder under `src/` (`inbox/`, `alerts/`, `links/`…) exporting
 *   `mountX(app, deps)`: a `MountFeature` (see `app-env.ts`). It adds one line to the list at the
 *   bottom of `createApp`. In `mountX` it:
 *   - adds routes with `app.get/post(…)`. Every route needs sign-in unless it is public by
 *     contract: put `requireUser()` (APIs: 401) or `requireUser({ page: true })` (pages: redirect
 *     to sign-in) in front, `requireUser({ role: 'owner' })` for owner-only actions. Read the
 *     person from `c.var.user`, the interface language from `c.var.lang`.
 *   - renders pages with `deps.page(c, { title, main, scripts, styles })`: the signed-in shell
 *     under the strict CSP, in Thai and English. Client code is an entry in `collector/client/`
 *     (`client/inbox.tsx` → `/assets/inbox.js`, `client/inbox.css` → `/assets/inbox.css`).
 *   - adds its menu entry: `deps.nav.add({ href, label: { en, th }, order })`.
 *   - reacts to new answers: `deps.answerHooks.onAnswerStored(async (tx, answer, { settingsVersion }) => …,
 *     { precheck })` runs in the transaction that stores the answer (database work only; a throw
 *     rolls the answer back). Its `precheck(answer)` says in memory whether it would write for
 *     that answer; when no hook would, the answer is stored by one statement. Settings a hook
 *     reads on every answer go through `createSettingsCache` (`settings-cache.ts`), and tables
 *     holding them get the `bump_settings_version()` trigger. Fields every stored answer gets
 *     in its `context` (the derived channel) come from `answerHooks.enrichContext(…)`.
 *   - keeps its tables in `collector/migrations/NNN-name.sql` (core 001–019, dashboard and inbox
 *     020–039, alerts 040–059, survey links 060–079, surveys 200–209, site settings 210–219,
 *     inbox 220–229, LINE 230–239, one-tap links 240–249), applied in order on start.
 * - State-changing requests (POST, PUT, PATCH, DELETE) pass the CSRF check below for every route
 *   (same-origin only, or an API token); forms need nothing extra. Public cross-site POST routes
 *   are listed in `crossSite`.
 * - Security headers, the request log, language choice and sign-in lookup wrap every route.
 */
import { Hono } from 'hono';
import * as receiverKit from 'hearback/receiver';
import { mountAlerts, type AlertsFeature } from './alerts/mount-alerts';
import { mountBackup } from './backup/mount-backup';
import { createAnswerHooks, type AnswerHooks } from './answer-hooks';
import type { App, AppEnv, FeatureDeps, MountFeature } from './app-env';
import { createAccounts, type Accounts } from './auth/accounts';
import { identify } from './auth/identify';
import { mountAuth } from './auth/mount-auth';
import { mountPasswords } from './auth/mount-passwords';
import { sessionCookie } from './auth/session-cookie';
import type { Config } from './config';
import { mountDashboard } from './dashboard/mount-dashboard';
import type { Database } from './db/database';
import { isDatabaseUnavailable } from './db/database-unavailable';
import { mountHealth } from './health/mount-health';
import { mountInbox } from './inbox/mount-inbox';
import { csrfCheck } from './http/csrf';
import { databaseAway } from './http/database-away';
import { inputGuard } from './http/input-guard';
import { createLog, type Log } from './http/log';
import { problem } from './http/problem';
import { requestLog } from './http/request-log';
import { securityHeaders } from './http/security-headers';
import { createOriginPolicy } from './responses/origin-policy';
import { mountResponses } from './responses/mount-responses';
import { createResponsesStore } from './responses/responses-store';
import { mountLinks } from './links/mount-links';
import { lineWebhookPath, mountLine } from './line/mount-line';
import { mountOneTap, type OneTapFeature } from './one-tap/mount-one-tap';
import { mountPrivacy } from './privacy/mount-privacy';
import { loadScriptFiles, type ScriptFiles, type ScriptMissing } from './script/script-files';
import { mountScript } from './script/mount-script';
import { mountSettings } from './settings/mount-settings';
import { mountShown } from './shown/mount-shown';
import { mountResponseRates } from './response-rates/mount-response-rates';
import { mountSnippet } from './snippet/mount-snippet';
import { mountSurveys } from './surveys/mount-surveys';
import { createSurveyStore } from './surveys/survey-store';
import { createLiveSettings, liveConfig } from './site-settings/live-settings';
import { createRefusedSites } from './site-settings/refused-sites';
import { createSiteSettingsStore } from './site-settings/site-settings-store';
import { pickLang } from './shell/lang';
import { mountShell } from './shell/mount-shell';
import { createNav } from './shell/nav';
import { notFound } from './shell/not-found';
import { createPageRenderer } from './shell/page';

export interface AppDeps {
  db: Database;
  config: Config;
  /** The receiver kit. @default `hearback/receiver` from this repository's source */
  kit?: typeof receiverKit;
  now?: () => Date;
  log?: Log;
  /**
   * Routes served alongside the app, mounted before it (the demo shop in `npm start`). They get
   * the same headers and sign-in lookup; they may set their own Content-Security-Policy.
   */
  site?: MountFeature;
  /** The widget script to serve. @default the SDK's `dist/` in this repository, read once here */
  script?: ScriptFiles | ScriptMissing;
  /** How old this instance's copy of the site settings may get before a request reads it again. @default 1000 */
  settingsFreshMs?: number;
}

export interface CollectorApp {
  app: App;
  /** The hooks every feature registered (tests may add their own). */
  answerHooks: AnswerHooks;
  accounts: Accounts;
  deps: FeatureDeps;
  /** The alerts' delivery worker: `server.ts` starts it; tests call `alerts.worker.tick()`. */
  alerts: AlertsFeature;
  /** One-tap email links: `server.ts` runs `oneTap.sendQueuedEmails` as a periodic job; tests call it. */
  oneTap: OneTapFeature;
}

/**
 * Routes other sites POST to: the answer receiver and the shown reports (they check origins
 * against the allow list themselves), LINE's webhook (it checks LINE's signature of the raw
 * body itself), and the one-click unsubscribe that mail apps POST to (RFC 8058; its link is signed).
 */
const crossSite = ['/api/responses', '/api/shown', lineWebhookPath, '/s/_/unsubscribe'];

export function createApp({ db, config: startConfig, kit = receiverKit, now = () => new Date(), log = createLog(), site, script = loadScriptFiles(), settingsFreshMs }: AppDeps): CollectorApp {
  const https = startConfig.publicUrl?.startsWith('https://') ?? false;
  const app = new Hono<AppEnv>();
  const nav = createNav();
  const answerHooks = createAnswerHooks();
  const page = createPageRenderer(nav);
  // Settings set in the app (Settings → Site) over the environment's; `config` reads them live.
  const settings = createLiveSettings({ store: createSiteSettingsStore(db), config: startConfig, log, freshMs: settingsFreshMs });
  const config = liveConfig(startConfig, settings);
  const refusedSites = createRefusedSites({ db, timeZone: () => config.timezone, now });
  const deps: FeatureDeps = { db, config, answerHooks, nav, kit, now, log, page, origins: createOriginPolicy(config), settings, refusedSites };
  const accounts = createAccounts(db, now);
  const cookie = sessionCookie(https);

  app.onError((error, c) => {
    if (isDatabaseUnavailable(error)) {
      log.error('request refused: the database is unavailable', { method: c.req.method, path: c.req.path, error: error.message });
      return databaseAway(c);
    }
    log.error('request failed', { method: c.req.method, path: c.req.path, error: String(error?.stack ?? error) });
    return problem(c, 500, 'something went wrong on our side; it has been logged');
  });
  app.notFound(notFound(page));

  app.use(requestLog(log));
  app.use(async (_, next) => {
    await settings.refresh();
    await next();
  });
  app.use(securityHeaders({ https }));
  app.use(pickLang());
  app.use(identify({ sessions: accounts.sessions, apiTokens: accounts.apiTokens, cookie }));
  app.use(csrfCheck(config, { crossSite }));
  app.use(inputGuard({ skip: crossSite }));

  site?.(app, deps);

  // One line per feature.
  mountHealth(app, deps);
  mountShell(app, deps);
  mountAuth(app, deps, { accounts, cookie });
  mountPasswords(app, deps, { cookie });
  mountResponses(app, deps, { store: createResponsesStore({ db, hooks: answerHooks }) });
  mountShown(app, deps);
  mountInbox(app, deps);
  mountDashboard(app, deps);
  // The survey editor's published surveys are listed live before a page reports them.
  const surveys = createSurveyStore(db);
  mountResponseRates(app, deps, { published: async () => (await surveys.published()).map((survey) => survey.id) });
  mountSettings(app, deps, { accounts });
  mountScript(app, { script });
  mountSnippet(app, deps, { script });
  mountPrivacy(app, deps);
  const alerts = mountAlerts(app, deps);
  const oneTap = mountOneTap(app, deps);
  mountLinks(app, deps);
  mountSurveys(app, deps);
  mountLine(app, deps);
  mountBackup(app, deps);

  return { app, answerHooks, accounts, deps, alerts, oneTap };
}
