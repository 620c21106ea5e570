// Screenshots of the owner's views — inbox, dashboard, comments — at 390 px (a phone) and 1280 px,
// in English and Thai, over the demo month, signed in as the demo owner, in Debian's Chromium.
// Usage: node demo/scripts/dashboard-screenshots.mjs [--out DIR] [--docs]
//   --out DIR  where all twelve go (default: a new folder under the system's temp folder)
//   --docs     also refresh the four kept in docs/screenshots/ (dashboard-en-1280, dashboard-th-390,
//              inbox-en-390, inbox-th-1280)
// Needs `npm run build` (the SDK's dist/) first. Starts demo/server.mjs on a free port with an
// in-memory database and the demo data; stops it at the end. Bounded: 30 s per page.
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openView, signedIn, startDemo } from './owner-browser.mjs';

const root = new URL('../../', import.meta.url).pathname;
const kept = ['dashboard-en-1280', 'dashboard-th-390', 'inbox-en-390', 'inbox-th-1280'];


const { values: flags } = parseArgs({ options: { out: { type: 'string' }, docs: { type: 'boolean' } } });
const out = flags.out ?? mkdtempSync(join(tmpdir(), 'hearback-views-'));
mkdirSync(out, { recursive: true });
const demo = await startDemo();
try {
  for (const lang of ['en', 'th']) {
    for (const width of [390, 1280]) {
      const browser = await signedIn(demo.origin, lang, width);
      try {
        for (const view of ['inbox', 'dashboard', 'comments']) {
          await openView(browser.page, demo.origin, view);
          // The top of the page, up to about two phone screens or one and a half desktop ones.
          const height = Math.min(await browser.page.evaluate(() => document.documentElement.scrollHeight), width < 600 ? 1800 : 1900);
          await browser.page.screenshot({ path: join(out, `${view}-${lang}-${width}.png`), fullPage: true, clip: { x: 0, y: 0, width, height } });
        }
      } finally {
        await browser.close();
      }
    }
  }
  if (flags.docs) for (const name of kept) copyFileSync(join(out, `${name}.png`), join(root, 'docs/screenshots', `${name}.png`));
  console.log(`screenshots in ${out}${flags.docs ? ' (and the kept ones in docs/screenshots/)' : ''}`);
} finally {
  demo.stop();
}
