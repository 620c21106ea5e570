import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(new URL('../../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type Axe = { run: (scope: unknown, options: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };

/**
 * What axe-core finds against WCAG 2.2 AA on an owner page of the app, one line per rule: `id:
 * targets`. The shell's language button is left out: it reads "ภาษาไทย" and is named
 * "เปลี่ยนเป็นภาษาไทย" — the name does contain the text, but axe matches whole words and Thai has no
 * spaces between them.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const scope = { exclude: [['.shell-top button[name="lang"]']] };
  const result = await page.evaluate(([values, where]) => (window as unknown as { axe: Axe }).axe.run(where, { runOnly: { type: 'tag', values } }), [tags, scope] as const);
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
