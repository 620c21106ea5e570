import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { linkTexts, type LinkLocale } from './link-texts';
import type { ShopLook } from './shop-look';

/** The two printables: an A5 poster for the wall or the counter, an A6 card for a table tent. */
export const printSizes = { poster: 'A5', tent: 'A6' } as const;
export type PrintKind = keyof typeof printSizes;

/** Where the owner-side link pages keep their own files (stylesheets, the print button's script). */
export const linksAssetsPath = '/links/_';

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
export function printPage(input: PrintPageInput): HtmlEscapedString | Promise<HtmlEscapedString> {
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
<link rel="stylesheet" href="${linksAssetsPath}/print-${size.toLowerCase()}.css">
<link rel="stylesheet" href="/s/_/shop.css">
<script defer src="${linksAssetsPath}/print-page.js"></script>
</head>
<body>
<div class="tools">
<button type="button" id="print-now">${locale === 'th' ? 'พิมพ์' : 'Print'}</button>
<span>${size} · ${locale === 'th' ? 'ตั้งค่าการพิมพ์: ขนาดจริง (100%), ไม่มีขอบ' : 'Print settings: actual size (100%), no margins'}</span>
</div>
<main class="sheet ${kind}">
<p class="shop">${look.shopName}</p>
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

const sheetSizes = { A5: { width: 148, height: 210, qr: 92 }, A6: { width: 105, height: 148, qr: 66 } } as const;

/**
 * The printable's stylesheet for one paper size. `@page` fixes the paper (Chromium's print dialog
 * and `page.pdf({ preferCSSPageSize })` honour it); the sheet is exactly one page, so the QR code
 * can never fall onto a second one. Text on the shop's colour uses `--on-shop` for contrast.
 */
export function printStyles(size: (typeof printSizes)[PrintKind]): string {
  const { width, height, qr } = sheetSizes[size];
  const scale = size === 'A5' ? 1 : 0.72;
  // Millimetres, not the keyword: Chromium knows `size: A5` but not `A6` (it falls back to Letter).
  return `@page{size:${width}mm ${height}mm;margin:0}
*,*::before,*::after{box-sizing:border-box}
html,body{margin:0}
body{font-family:system-ui,"Noto Sans Thai","Noto Sans",sans-serif;color:#111;background:#e5e7eb;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.tools{display:flex;gap:16px;align-items:center;justify-content:center;padding:16px;font-size:15px}
.tools button{font:inherit;font-weight:600;padding:10px 20px;border-radius:8px;border:0;background:#1f2937;color:#fff;cursor:pointer}
.tools button:focus-visible{outline:3px solid #2563eb;outline-offset:2px}
.sheet{width:${width}mm;height:${height}mm;margin:0 auto 32px;background:#fff;display:flex;flex-direction:column;align-items:center;text-align:center;overflow:hidden;padding:0 ${10 * scale}mm ${8 * scale}mm}
.shop{align-self:stretch;margin:0 -${10 * scale}mm ${7 * scale}mm;padding:${6 * scale}mm ${8 * scale}mm;background:var(--shop,#2563eb);color:var(--on-shop,#fff);font-weight:800;font-size:${22 * scale}pt;line-height:1.2;min-height:${8 * scale}mm}
h1{margin:0;font-size:${24 * scale}pt;line-height:1.25;text-wrap:balance}
.second{margin:${2 * scale}mm 0 0;color:#374151;font-size:${15 * scale}pt;line-height:1.3}
.qr{width:${qr}mm;height:${qr}mm;margin:${6 * scale}mm 0}
.qr svg{display:block;width:100%;height:100%}
.hint{margin:0;font-size:${12 * scale}pt;line-height:1.35}
.hint.second{font-size:${10.5 * scale}pt;margin-top:${1 * scale}mm}
.link{margin:auto 0 0;font-size:${10 * scale}pt;color:#374151;overflow-wrap:anywhere}
.link span{font-family:ui-monospace,Menlo,monospace;color:#111}
@media print{body{background:#fff}.tools{display:none}.sheet{margin:0;box-shadow:none;page-break-after:avoid;break-after:avoid}}
@media screen{.sheet{box-shadow:0 2px 12px rgba(0,0,0,.25)}}
`;
}

/** The print button's script (a file of its own: the CSP allows no inline handlers). */
export const printPageScript = `document.getElementById('print-now')?.addEventListener('click',()=>window.print());\n`;
