import type { HttpBindings } from '@hono/node-server';
import type { Hono } from 'hono';
import type * as receiverKit from 'hearback/receiver';
import type { AnswerHooks } from './answer-hooks';
import type { Config } from './config';
import type { Database } from './db/database';
import type { Log } from './http/log';
import type { OriginPolicy } from './responses/origin-policy';
import type { LiveSettings } from './site-settings/live-settings';
import type { RefusedSites } from './site-settings/refused-sites';
import type { Nav } from './shell/nav';
import type { RenderPage } from './shell/page';

export type Role = 'owner' | 'staff';

/** Who made the request: a signed-in person (session cookie) or an API token acting for one. */
export interface SignedInUser {
  id: string;
  email: string;
  role: Role;
  via: 'session' | 'token';
}

export type Lang = 'en' | 'th';

/** Hono's environment for every route: read `c.var.user` after `requireUser`, `c.var.lang` anywhere. */
export type AppEnv = {
  Bindings: HttpBindings;
  Variables: {
    /** Resolves the session cookie or bearer token once, on first use; null when neither is valid. */
    identify: () => Promise<SignedInUser | null>;
    /** Set by `requireUser`. */
    user: SignedInUser;
    /** The interface language: the `hearback_lang` cookie, else Accept-Language, else English. */
    lang: Lang;
  };
};

export type App = Hono<AppEnv>;

/** What every feature's mount function receives. */
export interface FeatureDeps {
  db: Database;
  config: Config;
  /** `answerHooks.onAnswerStored(hook)`: run inside the transaction that stores an answer. */
  answerHooks: AnswerHooks;
  /** `nav.add({ href, label: { en, th }, order })`: one entry in the signed-in shell's menu. */
  nav: Nav;
  /** `hearback/receiver`: parseAnswer, surveyKinds, metrics. */
  kit: typeof receiverKit;
  now: () => Date;
  log: Log;
  /** `page(c, { title, main, scripts, styles })`: an owner page inside the signed-in shell. */
  page: RenderPage;
  /**
   * `origins.check(c)`: whether the request's `Origin` may post answers (and read the script with
   * CORS): HEARBACK_ALLOWED_ORIGINS, this app's own origin, or no Origin (server to server).
   */
  origins: OriginPolicy;
  /**
   * The settings set in the app (Settings → Site), in effect now: `settings.current()`, and
   * `settings.inboxDueHours()`. `config` reads the app settings it shares (allowed sites, time
   * zone, public address, retention) through it, so `config.timezone` is always current.
   */
  settings: LiveSettings;
  /** `refusedSites.record(origin)`: an answer, shown report or surveys read refused for its site. */
  refusedSites: RefusedSites;
}

/** A feature: mounts its routes (and registers its hooks and nav entry) on the app. */
export type MountFeature = (app: App, deps: FeatureDeps) => void;
