import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/receiver.js', import.meta.url);
const source = fileURLToPath(new URL('../src/receiver.ts', import.meta.url));

/**
 * `hearback/receiver` for the collector: the built `dist/receiver.js` (what `npm start` makes, and
 * what owners install), or — before any build — `src/receiver.ts` bundled in memory with esbuild.
 * `prefer: 'source'` always bundles the source (tests of a working tree).
 * @returns {Promise<typeof import('../src/receiver') & { from: string }>}
 */
export async function loadReceiverKit({ prefer = 'built' } = {}) {
  if (prefer === 'built' && existsSync(built)) return { ...(await import(built.href)), from: 'dist/receiver.js' };
  const { build } = await import('esbuild');
  const result = await build({ entryPoints: [source], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent' });
  const code = result.outputFiles[0].text;
  const kit = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return { ...kit, from: 'src/receiver.ts' };
}
