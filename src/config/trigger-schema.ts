import * as s from '../schema/schema';
import { between, flag, nonEmpty, wholeAtLeast } from './checks';
import { lazy } from './lazy';

/**
 * A URL rule item: a path (`/checkout/done`, exact; a string with `*` is a glob), a glob
 * (`/blog/*` one segment, `/shop/**` any depth), a prefix (`{ prefix: '/help' }`), an exact path
 * (`{ exact: '/' }`) or a regular expression tested against path + query
 * (`{ regex: '^/order/\\d+$' }`). Patterns starting with `http` match origin + path.
 */
const urlPattern = () => s.union(
  [
    s.string(),
    s.strictObject({ prefix: s.string() }),
    s.strictObject({
      regex: s.check(s.string(), s.refine(isRegex, 'must be a valid regular expression, e.g. "^/order/\\d+$"')),
    }),
    s.strictObject({ glob: s.string() }),
    s.strictObject({ exact: s.string() }),
  ],
  'must be a path string, or { prefix | glob | regex | exact: "…" }',
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

type UrlPatternInput = s.Input<ReturnType<typeof urlPattern>>;

const urlRule = () => s.union(
  [
    urlPattern(),
    s.array(urlPattern()),
    s.strictObject({ include: s.optional(s.array(urlPattern())), exclude: s.optional(s.array(urlPattern())) }),
  ],
  'must be a pattern, a list of patterns, or { include: [...], exclude: [...] }',
);

const buildTriggerSchema = () => s.strictObject(
  {
    event: s.optional(
      s.union([nonEmpty('an event name'), s.array(nonEmpty('an event name'))], 'must be an event name or a list of event names'),
    ),
    delay: s.optional(between(0, 86_400, 'a number of seconds')),
    scroll: s.optional(between(1, 100, 'a scroll depth in percent')),
    exitIntent: s.optional(flag()),
    url: s.optional(urlRule()),
    pageViews: s.optional(wholeAtLeast(1)),
    selector: s.optional(nonEmpty('a CSS selector')),
  },
  'must be an object like { event: "checkout" }',
);

export type UrlPattern = UrlPatternInput;
/** A survey's `trigger`, validated (built on first use). */
export const triggerSchema = lazy(buildTriggerSchema);
export type Trigger = s.Output<ReturnType<typeof buildTriggerSchema>>;
