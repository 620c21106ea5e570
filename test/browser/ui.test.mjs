// The prompt in real Chromium: axe (WCAG 2.2 AA) in every state, a strict CSP page, a hostile host
// page, keyboard, Thai line breaks and the kiosk reset.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { launch, root } from './harness.mjs';
import { startUiServer } from './fixtures/ui-setup.mjs';

const axeSource = readFileSync(root + 'node_modules/axe-core/axe.min.js', 'utf8');
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let server, context;

before(async () => {
  server = await startUiServer();
  context = await launch();
});
after(async () => {
  await context?.close();
  await server?.close();
});

async function openPage(path = '/ui.html', { width = 1280, scheme = 'light' } = {}) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 800 });
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
  await page.goto(server.origin + path);
  return page;
}

const prompt = (page) => page.locator('hearback-prompt');
const calls = (page) => page.evaluate(() => window.hb.calls);

async function axe(page, state) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate((values) => window.axe.run(document, { runOnly: { type: 'tag', values } }), tags);
  const problems = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(problems, [], `axe violations in ${state}`);
  assert.ok(result.passes.some((rule) => rule.id === 'target-size'), 'target-size rule ran');
}

async function answer(page, radioName, send = 'Send') {
  await prompt(page).getByRole('radio', { name: radioName }).check();
  await prompt(page).getByRole('button', { name: send }).click();
}

describe('axe, WCAG 2.2 AA', () => {
  for (const [scheme, width, type, style] of [['light', 1280, 'nps'], ['dark', 1280, 'csat', 'smileys'], ['light', 320, 'nps'], ['dark', 320, 'ces']]) {
    it(`${type}${style ? ' ' + style : ''}, ${scheme}, ${width}px: zero violations in question, follow-up and thanks`, async () => {
      const page = await openPage('/ui.html', { width, scheme });
      await page.evaluate(([type, style]) => window.hb.open({ type, style, reasons: ['Price', 'Delivery'], askContact: true,
        promoterLink: { url: 'https://example.com/review', label: 'Review us' } }), [type, style]);
      await prompt(page).getByRole('radiogroup').waitFor();
      await axe(page, 'question');
      await answer(page, /^1\b/);
      await prompt(page).getByRole('textbox').waitFor();
      await prompt(page).getByRole('checkbox', { name: 'Price' }).check();
      await axe(page, 'follow-up');
      await prompt(page).getByRole('button', { name: 'Send' }).click();
      await prompt(page).getByRole('status').getByText('Thank you for your feedback!').waitFor();
      await axe(page, 'thanks');
      await page.close();
    });
  }

  it('NPS 0–10 at 320 px: every score at least 24×24 px, two rows, nothing outside the screen', async () => {
    const page = await openPage('/ui.html', { width: 320 });
    await page.evaluate(() => window.hb.open({ type: 'nps' }, { locale: 'th' }));
    const boxes = await prompt(page).locator('label.choice').evaluateAll((labels) => labels.map((l) => l.getBoundingClientRect().toJSON()));
    assert.equal(boxes.length, 11);
    for (const box of boxes) {
      assert.ok(box.width >= 24 && box.height >= 24, `score target ${box.width}×${box.height}`);
      assert.ok(box.left >= 0 && box.right <= 320, 'inside the viewport');
    }
    assert.equal(new Set(boxes.map((b) => Math.round(b.top))).size, 2, 'two rows');
    await page.close();
  });
});

describe('keyboard', () => {
  it('arrow keys move between scores without submitting; Escape dismisses', async () => {
    const page = await openPage();
    await page.evaluate(() => window.hb.open({ type: 'ces' }, { takeFocus: true }));
    const group = prompt(page).getByRole('radiogroup');
    await group.waitFor();
    assert.ok(await group.evaluate((el) => el.getRootNode().activeElement === el), 'focus moved into the prompt, on the question');
    assert.equal(await prompt(page).locator('input:focus-visible, :checked').count(), 0, 'no score looks chosen');
    await page.keyboard.press('ArrowRight');
    assert.ok(await prompt(page).getByRole('radio', { name: '1, Very difficult' }).evaluate((el) => el.getRootNode().activeElement === el && el.matches(':focus-visible')),
      'an arrow key reaches the first score, with its focus ring');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.ok(await prompt(page).getByRole('radio', { name: '3' }).isChecked());
    assert.deepEqual(await calls(page), []);
    await page.keyboard.press('Escape');
    await prompt(page).waitFor({ state: 'detached' });
    assert.deepEqual(await calls(page), [['close', 'dismiss']]);
    await page.close();
  });

  it('an automatic prompt leaves focus where the visitor had it', async () => {
    const page = await openPage();
    await page.evaluate(() => window.hb.open({ type: 'nps' }, { takeFocus: false }));
    await prompt(page).getByRole('radiogroup').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
    await page.close();
  });
});

describe('the page around a popup (WCAG 2.2 2.4.11 Focus Not Obscured)', () => {
  /** Whether any of a grid of points on the element shows the element itself (not the prompt over it). */
  const partlyVisible = (el, root = document) => {
    const r = el.getBoundingClientRect();
    for (const x of [0.1, 0.3, 0.5, 0.7, 0.9]) for (const y of [0.2, 0.5, 0.8]) {
      const top = root.elementFromPoint(r.left + r.width * x, r.top + r.height * y);
      if (top === el || el.contains(top)) return true;
    }
    return false;
  };

  for (const width of [390, 1280]) {
    it(`${width} px: every Tab stop on an order-complete page is at least partly visible; the prompt comes back after`, async () => {
      const page = await openPage('/ui-order.html', { width });
      await page.evaluate(() => window.hb.open({ type: 'nps' }));
      await prompt(page).getByRole('radiogroup').waitFor();
      const under = await page.evaluate(() => {
        const panel = document.querySelector('hearback-prompt').shadowRoot.querySelector('.panel').getBoundingClientRect();
        return [...document.querySelectorAll('a')].filter((a) => {
          const r = a.getBoundingClientRect();
          return r.left < panel.right && panel.left < r.right && r.top < panel.bottom && panel.top < r.bottom;
        }).length;
      });
      assert.ok(under >= 1, `links under the prompt to begin with (${under})`);
      const seen = [];
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        await page.waitForTimeout(30);
        const stop = await page.evaluate(`(() => {
          const partlyVisible = ${partlyVisible};
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const inner = el.shadowRoot?.activeElement;
          return { name: (inner ?? el).textContent.trim() || (inner ?? el).getAttribute('aria-label') || (inner ?? el).tagName, visible: inner ? partlyVisible(inner, el.shadowRoot) : partlyVisible(el), prompt: !!inner };
        })()`);
        if (!stop) continue;
        if (seen.length && stop.name === seen[0].name) break;
        seen.push(stop);
      }
      const page_ = seen.filter((s) => !s.prompt);
      assert.equal(page_.length, 11, `every page link was a Tab stop: ${page_.map((s) => s.name).join(', ')}`);
      assert.deepEqual(seen.filter((s) => !s.visible).map((s) => s.name), [], 'Tab stops hidden under the prompt');
      // Focus is back at the top of the page: the prompt is back, and focus was not taken from the page.
      await prompt(page).getByRole('radiogroup').waitFor();
      assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Shop');
      await page.close();
    });
  }

  it('Escape on the page just behind closes it; closing from inside returns focus to where it was', async () => {
    const page = await openPage('/ui-order.html');
    await page.evaluate(() => window.hb.open({ type: 'nps' }));
    await page.getByRole('link', { name: 'Privacy' }).focus();
    await page.keyboard.press('Escape');
    await prompt(page).waitFor({ state: 'detached' });
    assert.deepEqual(await calls(page), [['close', 'dismiss']]);

    const orders = page.getByRole('link', { name: 'See your orders' });
    await orders.focus();
    await page.evaluate(() => window.hb.open({ type: 'csat' }, { takeFocus: true }));
    // The prompt takes focus when the page is idle: a Tab pressed before that is the page's own
    // (focus would then rightly return to where that Tab went).
    await page.waitForFunction(() => !!document.querySelector('hearback-prompt')?.shadowRoot?.activeElement);
    await page.keyboard.press('Tab');
    assert.ok(await prompt(page).evaluate((host) => !!host.shadowRoot.activeElement), 'focus is in the prompt');
    await page.keyboard.press('Escape');
    await prompt(page).waitFor({ state: 'detached' });
    assert.ok(await orders.evaluate((el) => document.activeElement === el), 'focus is back on the link, not <body>');
    await page.close();
  });
});

describe('strict CSP', () => {
  it('renders and completes with zero securitypolicyviolation events (and the CSP is really enforced)', async () => {
    const page = await openPage('/ui-csp.html');
    await page.evaluate(() => window.hb.open({ type: 'csat', followUp: false }, { theme: { accent: '#0f766e' } }));
    await answer(page, /^5/);
    await prompt(page).getByRole('status').getByText('Thank you').waitFor();
    const panel = prompt(page).locator('section');
    assert.equal(await panel.evaluate((el) => getComputedStyle(el).position), 'fixed', 'styles applied without unsafe-inline');
    assert.deepEqual(await page.evaluate(() => window.hb.violations), []);
    // Control: an inline style attribute is blocked and reported, so the listener does work here.
    await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
    await page.waitForFunction(() => window.hb.violations.length > 0);
    await page.close();
  });
});

describe('hostile host page', () => {
  it('global resets and !important rules do not break or hide the prompt', async () => {
    const page = await openPage('/ui-hostile.html');
    await page.evaluate(() => window.hb.open({ type: 'nps', mode: 'popup' }));
    const panel = prompt(page).locator('section');
    await panel.waitFor();
    const look = await panel.evaluate((el) => {
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      return { position: style.position, fontSize: style.fontSize, opacity: style.opacity, width: rect.width, right: rect.right, bottom: rect.bottom };
    });
    assert.equal(look.position, 'fixed');
    assert.equal(look.fontSize, '15px');
    assert.equal(look.opacity, '1');
    assert.ok(look.width > 400 && look.right <= 1280 && look.bottom <= 800, JSON.stringify(look));
    await answer(page, '7');
    await prompt(page).getByRole('textbox').fill('fine');
    await prompt(page).getByRole('button', { name: 'Send' }).click();
    await prompt(page).getByRole('status').getByText('Thank you').waitFor();
    assert.deepEqual(await calls(page), [['score', 7], ['complete', { comment: 'fine' }]]);
    await page.close();
  });
});

describe('Thai on a narrow screen', () => {
  it('the question wraps only between words', async () => {
    const page = await openPage('/ui.html', { width: 320 });
    await page.evaluate(() => window.hb.open({ type: 'nps' }, { locale: 'th' }));
    const result = await prompt(page).locator('legend').evaluate((legend) => {
      const node = legend.firstChild;
      const text = node.textContent;
      const range = document.createRange();
      const breaks = [];
      let lastTop;
      for (let i = 0; i < text.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const top = Math.round(range.getClientRects()[0]?.top ?? lastTop);
        if (lastTop !== undefined && top > lastTop) breaks.push(i);
        lastTop = top;
      }
      const words = new Set([...new Intl.Segmenter('th', { granularity: 'word' }).segment(text)].map((s) => s.index));
      return { breaks, bad: breaks.filter((i) => !words.has(i) && text[i - 1] !== ' ') };
    });
    assert.ok(result.breaks.length >= 1, 'the question wraps at 320 px');
    assert.deepEqual(result.bad, [], 'no break inside a Thai word');
    await page.close();
  });
});

describe('kiosk', () => {
  it('full screen, returns to the first question after thanks, and counts answers waiting', async () => {
    const page = await openPage('/ui.html', { width: 1024 });
    await page.evaluate(() => window.hb.open({ type: 'csat', mode: 'kiosk', kioskResetSeconds: 2, followUp: false }));
    const panel = prompt(page).locator('section');
    const rect = await panel.evaluate((el) => el.getBoundingClientRect().toJSON());
    assert.deepEqual([rect.width, rect.height], [1024, 800]);
    const target = await prompt(page).locator('label.choice').first().evaluate((el) => el.getBoundingClientRect().height);
    assert.ok(target >= 44, `large touch targets (${target}px)`);
    await answer(page, /^4/);
    await prompt(page).getByRole('status').getByText('Thank you').waitFor();
    await page.evaluate(() => window.hb.setPending(2));
    await prompt(page).getByText('Answers waiting for the network: 2').waitFor();
    await prompt(page).getByRole('radiogroup').waitFor({ timeout: 5000 });
    assert.equal(await prompt(page).getByRole('radio', { checked: true }).count(), 0);
    await answer(page, /^2/);
    await prompt(page).getByRole('status').getByText('Thank you').waitFor();
    assert.deepEqual((await calls(page)).filter(([name]) => name === 'score'), [['score', 4], ['score', 2]]);
    await page.close();
  });
});
