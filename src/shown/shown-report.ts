import type { Logger } from '../common/log';
import { watchPage } from '../outbox/page-lifecycle';
import { toJson } from '../payload/to-json';
import type { SurveyType } from '../surveys/kinds';

/** One prompt shown, as `shownUrl` receives it: no `user`, the page `url` trimmed like an answer's. */
export interface ShownEntry {
  survey: string;
  type: SurveyType;
  mode: 'popup' | 'inline' | 'kiosk';
  locale: string;
  url: string;
  context?: Record<string, unknown>;
  /** When it was shown (ISO 8601, UTC). */
  at: string;
}

export interface ShownReport {
  add(entry: ShownEntry): void;
  /** Consent was withdrawn: what was collected is forgotten, unsent. */
  forget(): void;
  /** Sends what was collected (the widget is going away), and stops. */
  destroy(): void;
}

export interface ShownReportDeps {
  /** `options.shownUrl`. */
  url: string;
  log: Logger;
  window?: Window;
  /** A page that stays this long after its first prompt reports then, not at page hide. @default 5 minutes */
  longStayMs?: number;
}

/**
 * The prompts shown on this page view, reported to `shownUrl` in one POST at most: at page hide
 * (`visibilitychange` to hidden, `pagehide`) with `keepalive` (else `sendBeacon`), or when the page stays five minutes
 * after its first prompt (a single-page app left open). Body `{ v: 1, shown: [...] }` as
 * `text/plain` JSON (no CORS preflight), no credentials. A prompt shown after that one POST is not
 * reported (a debug line says so): the response rate of such a page counts its first prompts only.
 */
export function createShownReport(deps: ShownReportDeps): ShownReport {
  const { url, log } = deps;
  const win = deps.window ?? (typeof window === 'object' ? window : undefined);
  const entries: ShownEntry[] = [];
  let sent = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let unwatch: (() => void) | undefined;
  // Captured now: a host that patches fetch later neither breaks nor sees the report.
  const fetcher = typeof win?.fetch === 'function' ? win.fetch.bind(win) : undefined;

  const stop = () => {
    clearTimeout(timer);
    unwatch?.();
    unwatch = undefined;
  };
  const send = () => {
    stop();
    if (sent || !entries.length) return;
    sent = true;
    post(win, fetcher, url, toJson({ v: 1, shown: entries.splice(0) })!, log);
  };

  return {
    add(entry) {
      if (sent) return log.debug(`${entry.survey}: shown after this page's one report to shownUrl; not reported`);
      entries.push(entry);
      unwatch ??= watchPage(win, { hide: send, online: () => undefined });
      timer ??= setTimeout(send, deps.longStayMs ?? 5 * 60_000);
    },
    forget() {
      entries.length = 0;
      stop();
      timer = undefined;
    },
    destroy: send,
  };
}

/**
 * `fetch` with `keepalive` outlives the page and sends no cookies; where it is missing (Firefox
 * before 133 has no `Request.prototype.keepalive`), `sendBeacon`, which always sends cookies.
 */
function post(win: Window | undefined, fetcher: typeof fetch | undefined, url: string, body: string, log: Logger) {
  const fail = (error: unknown) => log.debug(`the shown report could not be sent (${String(error)})`);
  try {
    const Request = (win as (Window & typeof globalThis) | undefined)?.Request;
    if (fetcher && typeof Request === 'function' && 'keepalive' in Request.prototype) {
      void fetcher(url, { method: 'POST', body, headers: { 'content-type': 'text/plain;charset=UTF-8' }, credentials: 'omit', keepalive: true, referrerPolicy: 'strict-origin' }).catch(fail);
    } else if (!win?.navigator?.sendBeacon?.(url, body)) fail('sendBeacon refused it');
  } catch (error) {
    fail(error);
  }
}
