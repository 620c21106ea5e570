// A rollup plugin for the script-tag bundle: zod keeps its configuration and its schema registry
// on globals (`globalThis.__zod_globalConfig`, `__zod_globalRegistry`), shared with any zod the
// host page loads. Our bundle must define exactly one global and must not see (or change) the
// page's zod settings, so our copy keeps both objects private to the bundle.
const files = {
  'core.js': [
    [/\(_a = globalThis\)\.__zod_globalConfig \?\? \(_a\.__zod_globalConfig = \{\}\);\s*export const globalConfig = globalThis\.__zod_globalConfig;/, 'export const globalConfig = {};'],
    ['globalThis.__zod_globalConfig?.', 'globalConfig.'],
  ],
  'registries.js': [
    [/\(_a = globalThis\)\.__zod_globalRegistry \?\? \(_a\.__zod_globalRegistry = registry\(\)\);\s*export const globalRegistry = globalThis\.__zod_globalRegistry;/, 'export const globalRegistry = /* @__PURE__ */ registry();'],
  ],
};

export function privateZodConfig() {
  return {
    name: 'private-zod-config',
    transform(code, id) {
      const match = /node_modules[\\/]zod[\\/]v4[\\/]core[\\/](core\.js|registries\.js)$/.exec(id);
      if (!match) return null;
      let next = code;
      for (const [from, to] of files[match[1]]) next = typeof from === 'string' ? next.replaceAll(from, to) : next.replace(from, to);
      if (/__zod_global/.test(next)) this.error(`private-zod-config: zod changed how ${match[1]} stores its globals; update this plugin`);
      return { code: next, map: null };
    },
  };
}
