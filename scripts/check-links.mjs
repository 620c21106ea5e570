// Dead relative links in the README and docs/: each link or image into the repository must name a
// file that exists, and a `#fragment` into a markdown file must name one of its headings (GitHub's
// anchors, from github-slugger) or an explicit `<a id>`/`<a name>`. Links with a scheme (https:,
// mailto:) are not followed.
// `docs/.pending-links` lists paths that other work is still to add (one per line, `#` comments):
// a link to one of those that does not exist yet is a warning, not a failure.
// Usage: node scripts/check-links.mjs   (exit 1 and one line per dead link)
import GithubSlugger from 'github-slugger';
import { marked } from 'marked';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** README.md, CHANGELOG.md and every markdown file under docs/, relative to `root`. */
export function documentationFiles(root) {
  const found = ['README.md', 'CHANGELOG.md'].filter((file) => existsSync(join(root, file)));
  const walk = (dir) => {
    if (!existsSync(join(root, dir))) return;
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) found.push(path);
    }
  };
  walk('docs');
  return found;
}

/** Every token below `tokens`, depth first (lists, tables, blockquotes, inline runs). */
function* walkTokens(tokens) {
  for (const token of tokens ?? []) {
    yield token;
    yield* walkTokens(token.tokens);
    if (token.items) for (const item of token.items) yield* walkTokens([item]);
    if (token.header) for (const cell of token.header) yield* walkTokens(cell.tokens);
    if (token.rows) for (const row of token.rows) for (const cell of row) yield* walkTokens(cell.tokens);
  }
}

const plainText = (tokens) => (tokens ?? []).map((t) => (t.tokens ? plainText(t.tokens) : t.type === 'codespan' ? t.text : t.type === 'html' ? '' : t.text ?? '')).join('');
const htmlAttributes = (html, names) => [...html.matchAll(new RegExp(`\\b(?:${names})\\s*=\\s*["']([^"']+)["']`, 'gi'))].map((m) => m[1]);

/** Links and headings of one markdown text. */
export function readMarkdown(text) {
  const tokens = marked.lexer(text);
  const slugger = new GithubSlugger();
  const targets = [];
  const anchors = new Set();
  for (const token of walkTokens(tokens)) {
    if (token.type === 'heading') anchors.add(slugger.slug(plainText(token.tokens)));
    else if (token.type === 'link' || token.type === 'image') targets.push(token.href);
    else if (token.type === 'html') {
      targets.push(...htmlAttributes(token.raw, 'href|src'));
      for (const id of htmlAttributes(token.raw, 'id|name')) anchors.add(id);
    }
  }
  return { targets, anchors };
}

/** Paths listed in docs/.pending-links, relative to `root`. */
export function pendingLinks(root) {
  const file = join(root, 'docs/.pending-links');
  if (!existsSync(file)) return new Set();
  return new Set(readFileSync(file, 'utf8').split('\n').map((line) => line.replace(/#.*/, '').trim()).filter(Boolean));
}

/**
 * Checks every relative link of `files` (paths relative to `root`).
 * @returns {{ dead: string[], pending: string[] }} one line each: `file:line → target (why)`
 */
export function checkLinks(root, files = documentationFiles(root), pending = pendingLinks(root)) {
  const cache = new Map();
  const read = (path) => {
    if (!cache.has(path)) cache.set(path, readMarkdown(readFileSync(join(root, path), 'utf8')));
    return cache.get(path);
  };
  const dead = [];
  const waiting = [];
  for (const file of files) {
    const source = readFileSync(join(root, file), 'utf8');
    for (const target of new Set(read(file).targets)) {
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(target)) continue;
      const at = source.indexOf(target);
      const where = `${file}:${at < 0 ? '?' : source.slice(0, at).split('\n').length} → ${target}`;
      const [pathPart, fragment] = target.split('#');
      const path = decodeURIComponent(pathPart.split('?')[0]);
      const absolute = path === '' ? join(root, file) : path.startsWith('/') ? join(root, path) : resolve(root, dirname(file), path);
      const inRepo = relative(root, absolute);
      if (!existsSync(absolute)) {
        if (pending.has(inRepo)) waiting.push(`${where} (not there yet; listed in docs/.pending-links)`);
        else dead.push(`${where} (no such file: ${inRepo})`);
        continue;
      }
      if (fragment && inRepo.endsWith('.md') && statSync(absolute).isFile() && !read(inRepo).anchors.has(decodeURIComponent(fragment))) {
        dead.push(`${where} (no heading #${fragment} in ${inRepo})`);
      }
    }
  }
  for (const path of pending) if (existsSync(join(root, path))) waiting.push(`docs/.pending-links: ${path} exists now; take it off the list`);
  return { dead, pending: waiting };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { dead, pending } = checkLinks(process.cwd());
  for (const line of pending) console.warn(`pending: ${line}`);
  for (const line of dead) console.error(`dead link: ${line}`);
  process.exit(dead.length ? 1 : 0);
}
