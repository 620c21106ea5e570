// A rollup plugin for the script-tag bundle: zod keeps its configuration on a global
// (`globalThis.__zod_globalConfig`), shared with any zod the host page loads. Our bundle must
// define exactly one global and must not see (or change) the page's zod settings, so our copy
// keeps that object private to the bundle.
export function privateZodConfig() {
  return {
    name: 'private-zod-config',
    transform(code, id) {
      if (!/node_modules[\\/]zod[\\/]v4[\\/]core[\\/]core\.js$/.test(id)) return null;
      const next = code
        .replace(/\(_a = globalThis\)\.__zod_globalConfig \?\? \(_a\.__zod_globalConfig = \{\}\);\s*export const globalConfig = globalThis\.__zod_globalConfig;/, 'export const globalConfig = {};')
        .replaceAll('globalThis.__zod_globalConfig?.', 'globalConfig.');
      if (next.includes('__zod_globalConfig')) this.error('private-zod-config: zod changed how it stores its global config; update this plugin');
      return { code: next, map: null };
    },
  };
}
