import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStaticFiles } from './static-files.mjs';

/**
 * The pages around the collector: `/dist/*` (the SDK as built), `/vendor/*` (chart.js from
 * node_modules, so the dashboard works offline), and `demo/public` for everything else.
 * @param {{ publicDir: string, distDir: string }} dirs
 */
export function createSiteFiles({ publicDir, distDir }) {
  const require = createRequire(import.meta.url);
  const chartDir = dirname(require.resolve('chart.js')); // …/chart.js/dist, where chart.umd.js lives
  const dist = createStaticFiles(distDir, { cache: 'no-cache' });
  const vendor = createStaticFiles(chartDir, { cache: 'max-age=86400' });
  const pages = createStaticFiles(publicDir);
  return async function serveSite(req, res, path) {
    const served = path.startsWith('/dist/') ? await dist(path.slice(5), req, res)
      : path.startsWith('/vendor/') ? await vendor(path.slice(7), req, res)
      : await pages(path, req, res);
    if (served) return;
    const missingBundle = path.startsWith('/dist/');
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(missingBundle ? `${path} is not built yet: run npm run build (npm start builds it for you)\n` : 'not found\n');
  };
}

export const demoDirs = () => ({
  publicDir: fileURLToPath(new URL('./public', new URL('..', import.meta.url))),
  distDir: fileURLToPath(new URL('../../dist', import.meta.url)),
});
