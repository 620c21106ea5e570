import { logoPath } from '../site-settings/logo-path';
import { html, raw } from 'hono/html';
import type { Html } from '../shell/page';
import { linkTexts, type LinkLocale } from './link-texts';
import { faviconHref } from '../shell/favicon';
import { loopbackWarning } from './loopback-address';
import { shopStylesheetPath, type ShopLook } from '../site-settings/shop-look';

/** The two printables: an A5 poster for the wall or the counter, an A6 card for a table tent. */
export const printSizes = { poster: 'A5', tent: 'A6' } as const;
export type PrintKind = keyof typeof printSizes;

export interface PrintPageInput {
  kind: PrintKind;
  /** The language printed first and largest; the other one is printed below it. */
  locale: LinkLocale;
  look: ShopLook;
  link: string;
  /** The link's QR code as SVG (from `qrSvg`): scales to any print size without blur. */
  qrSvg: string;
  surveyTitle: string;
}

/**
 * The printable page: one sheet at the size `@page` asks for (A5 or A6, no margins), the shop's
 * name on its colour, "Scan to tell us how we did" in both languages, the QR code and the link
 * written out for anyone who cannot scan. On screen it shows the sheet and a Print button.
 */
export function printPage(input: PrintPageInput): Html {
  const { kind, locale, look } = input;
  const first = linkTexts[locale];
  const secondLocale: LinkLocale = locale === 'th' ? 'en' : 'th';
  const second = linkTexts[secondLocale];
  const size = printSizes[kind];
  const shortLink = input.link.replace(/^https?:\/\//, '');
  return html`<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.surveyTitle} · ${size}</title>
<link rel="icon" href="${faviconHref}">
<link rel="stylesheet" href="/assets/link-print.css">
<link rel="stylesheet" href="/assets/link-print-${size.toLowerCase()}.css">
<link rel="stylesheet" href="${shopStylesheetPath}">
<script type="module" src="/assets/link-print.js"></script>
</head>
<body>
<div class="tools">
<button type="button" id="print-now">${locale === 'th' ? 'พิมพ์' : 'Print'}</button>
<span>${size} · ${locale === 'th' ? 'ตั้งค่าการพิมพ์: ขนาดจริง (100%), ไม่มีขอบ' : 'Print settings: actual size (100%), no margins'}</span>
${loopbackWarning(locale, input.link)}
</div>
<main class="sheet ${kind}">
<p class="shop">${look.hasLogo ? html`<img class="shop-logo" src="${logoPath}" alt="${look.shopName ? '' : locale === 'th' ? 'โลโก้ร้าน' : 'Shop logo'}">` : ''}${look.shopName}</p>
<h1>${first.scanToTell}</h1>
<p class="second" lang="${secondLocale}">${second.scanToTell}</p>
<div class="qr" role="img" aria-label="QR: ${input.link}">${raw(input.qrSvg)}</div>
<p class="hint">${first.scanHint}</p>
<p class="hint second" lang="${secondLocale}">${second.scanHint}</p>
<p class="link">${first.orVisit} <span>${shortLink}</span></p>
</main>
</body>
</html>`;
}
