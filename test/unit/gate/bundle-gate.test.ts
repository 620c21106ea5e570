import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { checkBundle, gzipBudget } from '../../../scripts/bundle-gate.mjs';

const clean = '(()=>{window.hearback=function(){};})();';

describe('bundle gate', () => {
  it('passes a clean, small bundle', () => {
    expect(checkBundle(clean).problems).toEqual([]);
  });

  it('fails a bundle over the gzip budget (deliberate break: incompressible bytes)', () => {
    const bloated = clean + '/*' + randomBytes(gzipBudget).toString('base64') + '*/';
    const { problems, sizes } = checkBundle(bloated);
    expect(sizes.gzip).toBeGreaterThan(gzipBudget);
    expect(problems).toEqual([`gzip size ${sizes.gzip} B exceeds the budget of ${gzipBudget} B`]);
  });

  it.each([
    ['el.innerHTML=x', 'innerHTML (an HTML injection sink)'],
    ['el.insertAdjacentHTML("beforeend",x)', 'insertAdjacentHTML (an HTML injection sink)'],
    ['document.write(x)', 'document.write'],
    ['eval("1")', 'eval( (blocked by strict CSP)'],
    ['new Function("return 1")', 'new Function (blocked by strict CSP)'],
    ['"Too small: expected string to have >=1 characters"', 'zod locale messages (classic zod or z.config(en()))'],
    ['inst._zod.def=def', 'zod (options and records are checked with src/schema)'],
  ])('fails on a forbidden sink: %s', (snippet, why) => {
    expect(checkBundle(clean + snippet).problems).toEqual([`bundle contains ${why}`]);
  });
});
