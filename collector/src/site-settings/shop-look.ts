/** The shop's name, colour and logo, as the survey page and the printables show them (Settings → Site). */
export interface ShopLook {
  shopName: string;
  /** `#rrggbb`. */
  colour: string;
  /** Whether a logo was uploaded (served at `logoPath`). */
  hasLogo?: boolean;
}

/** The shop's colour as a stylesheet (public: the survey page uses it). */
export const shopStylesheetPath = '/s/_/shop.css';

export const defaultShopLook: ShopLook = { shopName: '', colour: '#2563eb' };

const hexColour = /^#[0-9a-f]{6}$/i;

/** True for a `#rrggbb` colour, the only form the stylesheet below ever receives. */
export function isHexColour(value: string): boolean {
  return hexColour.test(value);
}

/** Relative luminance (WCAG 2.x) of a `#rrggbb` colour. */
function luminance(colour: string): number {
  const channel = (offset: number) => {
    const value = parseInt(colour.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Black or white, whichever contrasts more with the shop's colour (so text on it stays readable). */
export function textOn(colour: string): '#000000' | '#ffffff' {
  const background = luminance(colour);
  return (1.05 / (background + 0.05)) >= ((background + 0.05) / 0.05) ? '#ffffff' : '#000000';
}

/**
 * The shop's colour as CSS custom properties, served as a stylesheet of its own: the pages' CSP
 * forbids inline styles, so the colour cannot go into a `style` attribute. The value is checked
 * as `#rrggbb` before it gets here; anything else falls back to the default.
 */
export function shopStylesheet(look: ShopLook): string {
  const colour = isHexColour(look.colour) ? look.colour : defaultShopLook.colour;
  return `:root{--shop:${colour};--on-shop:${textOn(colour)}}\n`;
}
