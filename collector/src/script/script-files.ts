import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageDir } from '../package-dir';

/** One servable file of the script tag: the loader (plain or versioned) or a chunk it fetches. */
export interface ScriptFile {
  /** `hearback.min.js`, `hearback-0.1.0.min.js` or a chunk such as `hearback-prompt.<hash>.min.js`. */
  name: string;
  body: Buffer;
  /** Subresource Integrity value, `sha384-…`. */
  integrity: string;
  /** True when the name pins the bytes (a version or a content hash): cached for a year. */
  versioned: boolean;
}

export interface ScriptFiles {
  /** The SDK version the plain file is (the versioned file with the same bytes). */
  version: string;
  plain: ScriptFile;
  /** The versioned copy of the current version: what the snippet builder pins. */
  current: ScriptFile;
  /** Every versioned copy found, the current one included. */
  versioned: ScriptFile[];
  /**
   * The chunks the loader fetches from beside itself, pinned by their SRI value (engine, prompt,
   * each language): named by their content hash, so kept from every build found.
   */
  chunks: ScriptFile[];
}

/** Why there is no script to serve (the SDK is not built), for the routes and pages that need one. */
export interface ScriptMissing {
  missing: string;
}

/**
 * The SDK's build output: in this repository `dist/` beside `collector/`; installed from npm
 * (`npm install hearback hearback-collector`), the `hearback` package's `dist/` beside this one in
 * node_modules.
 */
export function sdkDistDir(): string {
  const candidates = [join(packageDir, '..', 'dist'), join(packageDir, '..', 'hearback', 'dist')];
  return candidates.find((dir) => existsSync(join(dir, 'hearback.min.js'))) ?? candidates[0];
}

const versionedName = /^hearback-(\d+\.\d+\.\d+(?:-[\w.]+)?)\.min\.js$/;
const chunkName = /^hearback-(?:engine|prompt|lang-[a-z]+)\.[\w-]+\.min\.js$/;

/**
 * Reads the SDK's built script files (the loader, its versioned copies and its chunks) from
 * `distDir` once, at start, and computes their SRI hashes from the bytes served (not from a side
 * file that could be stale).
 */
export function loadScriptFiles(distDir: string = sdkDistDir()): ScriptFiles | ScriptMissing {
  const plainPath = join(distDir, 'hearback.min.js');
  if (!existsSync(plainPath)) return { missing: `the widget script is not built: no ${plainPath} (run npm run build in the repository)` };
  const file = (name: string): ScriptFile => {
    const body = readFileSync(join(distDir, name));
    return { name, body, integrity: `sha384-${createHash('sha384').update(body).digest('base64')}`, versioned: name !== 'hearback.min.js' };
  };
  const plain = file('hearback.min.js');
  const versioned = readdirSync(distDir).filter((name) => versionedName.test(name)).sort().map(file);
  const current = versioned.find((candidate) => candidate.integrity === plain.integrity);
  if (!current) return { missing: `the widget script in ${distDir} has no versioned copy with the same bytes as hearback.min.js (rebuild it: npm run build)` };
  const chunks = readdirSync(distDir).filter((name) => chunkName.test(name)).sort().map(file);
  return { version: versionedName.exec(current.name)![1], plain, current, versioned, chunks };
}
