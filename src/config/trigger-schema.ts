import * as z from 'zod/mini';
import { between, flag, nonEmpty, wholeAtLeast } from './checks';
import { lazy } from '../common/lazy';

/**
 * A URL rule item: a path (`/checkout/done`, exact; a string with `*` is a glob), a glob
 * (`/blog/*` one segment, `/shop/**` any depth), a prefix (`{ prefix: '/help' }`), an exact path
 * (`{ exact: '/' }`) or a regular expression tested against path + query
 * (`{ regex: '^/order/\\d+$' }`). Patterns starting with `http` match origin + path.
 */
const urlPattern = () => z.union(
  [
    z.string(),
    z.strictObject({ prefix: z.string() }),
    z.strictObject({
      regex: z.string().check(z.refine(isRegex, { error: 'must be a valid regular expression, e.g. "^/order/\\d+$"' })),
    }),
    z.strictObject({ glob: z.string() }),
    z.strictObject({ exact: z.string() }),
  ],
  { error: 'must be a path string, or { prefix | glob | regex | exact: "…" }' },
);
/** `new RegExp` compiles, it does not evaluate code: allowed under a strict CSP. */
function isRegex(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** One pattern schema serves every place a pattern may stand: zod schemas are immutable, and each costs time to build. */
const urlRule = (pattern = urlPattern()) => z.union(
  [
    pattern,
    z.array(pattern),
    z.strictObject({ include: z.optional(z.array(pattern)), exclude: z.optional(z.array(pattern)) }),
  ],
  { error: 'must be a pattern, a list of patterns, or { include: [...], exclude: [...] }' },
);

const eventNames = (name = nonEmpty('an event name')) =>
  z.union([name, z.array(name)], { error: 'must be an event name or a list of event names' });

const buildTriggerSchema = () => z.strictObject(
  {
    event: z.optional(eventNames()),
    delay: z.optional(between(0, 86_400, 'a number of seconds')),
    scroll: z.optional(between(1, 100, 'a scroll depth in percent')),
    exitIntent: z.optional(flag()),
    url: z.optional(urlRule()),
    pageViews: z.optional(wholeAtLeast(1)),
    selector: z.optional(nonEmpty('a CSS selector')),
  },
  { error: 'must be an object like { event: "checkout" }' },
);

export type UrlPattern = z.input<ReturnType<typeof urlPattern>>;
/** A survey's `trigger`, validated (built on first use). */
export const triggerSchema = lazy(buildTriggerSchema);
export type Trigger = z.output<ReturnType<typeof buildTriggerSchema>>;
