// The bundle gate: size budget and forbidden code for the script-tag bundle. Pure functions so a
// test can prove the gate fails on a deliberate break; scripts/size.mjs is the command.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Budget in bytes of gzip (level 9): the build fails above it. Raise only in the commit that needs
 * it, with the reason. History: 24 → 38 KB when every part first came together (37.5 KB); down to
 * 30 KB while zod/mini and @preact/signals were replaced by hand-written copies (29.1 KB); 40 KB
 * when they came back — the stack the SDK was designed on, whose cost is kept off the main thread
 * instead of out of the bundle (docs/performance.md).
 */
export const gzipBudget = 40 * 1024;

/** What we aim for, from our own code: printed beside the budget, not enforced. */
export const gzipGoal = 34 * 1024;

/**
 * Code that must never reach the bundle: HTML sinks, eval, classic zod, and zod's locales.
 * - Classic zod (`zod`, `zod/v4`) is ~23 KB gzip and probes `new Function` on strict-CSP pages; the
 *   bundle uses zod/mini, whose classes are named `ZodMini…` (classic's are `Zod…`).
 * - zod's locales are message tables (every one spells its format names, `uuidv4: …, uuidv6: …`,
 *   and switches on issue codes such as `"not_multiple_of"`); bundlers have pulled all of them in
 *   through the `locales` namespace that zod/mini and zod/v4/core re-export, and classic zod
 *   installs English ones on import. hearback words its own messages and never calls `z.config`.
 */
export const forbidden = [
  { pattern: /\.innerHTML\s*=|\binnerHTML\b/, why: 'innerHTML (an HTML injection sink)' },
  { pattern: /insertAdjacentHTML/, why: 'insertAdjacentHTML (an HTML injection sink)' },
  { pattern: /document\.write/, why: 'document.write' },
  { pattern: /\beval\(/, why: 'eval( (blocked by strict CSP)' },
  { pattern: /new Function\b|Function\(\s*["'`]/, why: 'new Function (blocked by strict CSP)' },
  { pattern: /["'`]Zod(?!Mini)[A-Z]\w*["'`]/, why: 'classic zod (import zod/mini in the browser bundle)' },
  { pattern: /["']?uuidv4["']?\s*:\s*(["'`])(?:(?!\1).)*\1\s*,\s*["']?uuidv6["']?\s*:|case\s*(["'`])not_multiple_of\2/, why: 'a zod locale (zod/v4/locales message tables)' },
  { pattern: /Too small: expected|Invalid input: expected/, why: "zod's English messages (a zod locale, or z.config)" },
];

export function measure(code) {
  const buffer = Buffer.from(code);
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Returns { sizes, problems }: problems is empty when the bundle passes. */
export function checkBundle(code, budget = gzipBudget) {
  const sizes = measure(code);
  const problems = [];
  if (sizes.gzip > budget) problems.push(`gzip size ${sizes.gzip} B exceeds the budget of ${budget} B`);
  for (const { pattern, why } of forbidden) if (pattern.test(code)) problems.push(`bundle contains ${why}`);
  return { sizes, problems };
}
