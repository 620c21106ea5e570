import { fileURLToPath } from 'node:url';

/**
 * The collector package's folder (where `package.json`, `migrations/` and `dist/` live), found the
 * same way from the TypeScript source (`src/package-dir.ts`) and from a bundle (`dist/*.js`): both
 * sit one level below it. Only this module may compute it; bundling keeps that true.
 */
export const packageDir = fileURLToPath(new URL('..', import.meta.url));
