import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv, Lang } from '../app-env';

export const LANG_COOKIE = 'hearback_lang';
export const langs: readonly Lang[] = ['en', 'th'];

/** Text in every interface language. */
export type Localized = Record<Lang, string>;

/** Fills `{name}` placeholders: `fill('Remove {email}', { email })`. */
export const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));

/** `c.var.lang`: the `hearback_lang` cookie (the switch in the shell), else Accept-Language, else English. */
export function pickLang(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('lang', langOf(c));
    await next();
  };
}

function langOf(c: Context): Lang {
  const chosen = getCookie(c, LANG_COOKIE);
  if (chosen === 'th' || chosen === 'en') return chosen;
  const ranked = (c.req.header('accept-language') ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1);
      return { base: tag.split('-')[0], q: Number.isFinite(q) ? q : 0 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return (ranked.find((entry) => entry.base === 'th' || entry.base === 'en')?.base as Lang | undefined) ?? 'en';
}
