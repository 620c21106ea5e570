import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { rollup, type Plugin } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { checkBundle, gzipBudget } from '../../../scripts/bundle-gate.mjs';

const clean = '(()=>{window.hearback=function(){};})();';
const classicZod = 'classic zod (import zod/mini in the browser bundle)';
const zodLocale = 'a zod locale (zod/v4/locales message tables)';
const zodEnglish = "zod's English messages (a zod locale, or z.config)";

/** Entry modules kept in memory, by name. */
const virtual = (modules: Record<string, string>): Plugin => ({
  name: 'virtual-entries',
  resolveId: (id) => (id in modules ? id : null),
  load: (id) => modules[id] ?? null,
});

/**
 * Minified IIFE bundles built the way the script-tag bundle is (node-resolve for the browser,
 * terser), from in-memory entry modules: `{ name: source }` → `{ name: code }`.
 */
async function bundle(modules: Record<string, string>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(modules)) {
    const build = await rollup({ input: name, plugins: [virtual(modules), nodeResolve({ browser: true })], onwarn: () => {} });
    const { output } = await build.generate({ format: 'iife', plugins: [terser({ ecma: 2020, compress: { passes: 2 } })] });
    await build.close();
    out[name] = output[0].code;
  }
  return out;
}

describe('bundle gate', () => {
  it('passes a clean, small bundle', () => {
    expect(checkBundle(clean).problems).toEqual([]);
  });

  it('fails a bundle over the gzip budget of 42 KB (deliberate break: incompressible bytes)', () => {
    expect(gzipBudget).toBe(42 * 1024);
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
    ['const e=s("ZodObject",(t,n)=>{})', classicZod],
    ['const f={uuid:"UUID",uuidv4:"UUIDv4",uuidv6:"UUIDv6"}', zodLocale],
    ['switch(e.code){case"not_multiple_of":return"x"}', zodLocale],
    ['"Too small: expected string to have >=1 characters"', zodEnglish],
  ])('fails on forbidden code: %s', (snippet, why) => {
    expect(checkBundle(clean + snippet).problems).toEqual([`bundle contains ${why}`]);
  });

  it('passes zod/mini: the bundle uses it at every boundary', async () => {
    const { mini } = await bundle({
      mini: `import * as z from 'zod/mini';
        const options = z.object({ endpoint: z.string().check(z.minLength(1)), delay: z.optional(z.number()), mode: z.enum(['popup', 'inline']) });
        window.result = options.safeParse({ endpoint: '' });`,
    });
    expect(mini).toContain('ZodMiniObject');
    expect(checkBundle(mini).problems).toEqual([]);
  }, 30_000);

  it('fails a bundle that configures a zod locale (z.config, the locales namespace)', async () => {
    const { th, namespace } = await bundle({
      th: `import * as z from 'zod/mini'; import th from 'zod/v4/locales/th.js';
        z.config(th()); window.result = z.string().safeParse(1);`,
      namespace: `import * as z from 'zod/mini';
        window.pick = (name) => z.locales[name]; window.result = z.string().safeParse(1);`,
    });
    expect(checkBundle(th).problems).toEqual([`bundle contains ${zodLocale}`]);
    expect(checkBundle(namespace).problems).toContain(`bundle contains ${zodLocale}`);
  }, 30_000);

  it('fails a bundle with classic zod, which brings its English locale along', async () => {
    const { classic } = await bundle({ classic: `import { z } from 'zod'; window.result = z.object({ a: z.string().min(1) }).safeParse({});` });
    const { problems } = checkBundle(classic);
    expect(problems).toContain(`bundle contains ${classicZod}`);
    expect(problems).toContain(`bundle contains ${zodLocale}`);
  }, 30_000);

  it('catches every locale zod ships, each minified alone', async () => {
    const require = createRequire(import.meta.url);
    const index = join(dirname(require.resolve('zod/package.json')), 'v4', 'locales', 'index.js');
    const files = Object.fromEntries([...readFileSync(index, 'utf8').matchAll(/default as (\w+) \} from "\.\/([\w-]+\.js)"/g)].map((match) => [match[1], match[2]]));
    const names = Object.keys(files);
    expect(names.length).toBeGreaterThan(40);
    // One build with an entry per locale; each entry's code is its chunk plus the chunks it imports.
    const modules: Record<string, string> = Object.fromEntries(names.map((name) => [name, `import locale from 'zod/v4/locales/${files[name]}'; window.locale = locale();`]));
    const build = await rollup({ input: names, plugins: [virtual(modules), nodeResolve({ browser: true })], onwarn: () => {} });
    const { output } = await build.generate({ format: 'es', plugins: [terser({ ecma: 2020, compress: { passes: 2 } })] });
    await build.close();
    const chunks = new Map(output.flatMap((chunk) => (chunk.type === 'chunk' ? [[chunk.fileName, chunk] as const] : [])));
    const codeOf = (fileName: string, seen = new Set<string>()): string => {
      if (seen.has(fileName)) return '';
      seen.add(fileName);
      const chunk = chunks.get(fileName)!;
      return chunk.imports.map((imported) => codeOf(imported, seen)).join('\n') + '\n' + chunk.code;
    };
    const entryChunks = [...chunks.values()].filter((chunk) => chunk.isEntry);
    expect(entryChunks.map((chunk) => chunk.name).sort()).toEqual([...names].sort());
    const missed = entryChunks.filter((chunk) => !checkBundle(codeOf(chunk.fileName)).problems.includes(`bundle contains ${zodLocale}`)).map((chunk) => chunk.name);
    expect(missed).toEqual([]);
  }, 60_000);
});
