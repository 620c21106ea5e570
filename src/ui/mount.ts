import { css } from './styles';

/**
 * One host element with an open shadow root (open: axe and assistive tools must see inside).
 * Styles go in through adoptedStyleSheets, which a strict CSP does not block; browsers without it
 * get a `<style nonce>` (the page's CSP nonce must be passed for that to apply).
 */
export function mountHost(parent: Element, nonce: string | undefined, sheet: () => CSSStyleSheet | undefined) {
  const host = document.createElement('hearback-prompt');
  const root = host.attachShadow({ mode: 'open' });
  const adopted = 'adoptedStyleSheets' in root && sheet();
  if (adopted) root.adoptedStyleSheets = [adopted];
  else {
    const style = document.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = css;
    root.append(style);
  }
  parent.append(host);
  return { host, root };
}

/** A constructable stylesheet with the prompt CSS, or undefined where that is unsupported. */
export function createSheet(): CSSStyleSheet | undefined {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  } catch {
    return undefined;
  }
}
