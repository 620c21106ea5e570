// A rollup plugin for the script-tag bundle: preact's `dangerouslySetInnerHTML` is its only HTML
// sink (two `innerHTML` uses in preact's diff). hearback never uses that prop, so our copy
// renders it as text instead: the shipped bundle contains no innerHTML at all, and a future
// mistake cannot turn configuration into markup.
export function noHtmlSinks() {
  return {
    name: 'no-html-sinks',
    transform(code, id) {
      if (!/node_modules[\\/]preact[\\/]dist[\\/]/.test(id) || !code.includes('innerHTML')) return null;
      return { code: code.replaceAll('.innerHTML', '.textContent'), map: null };
    },
  };
}
