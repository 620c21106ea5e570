/** WCAG 2 relative luminance of a `#rgb` / `#rrggbb` colour. */
export function luminance(hex: string): number {
  const full = hex.length === 4 ? hex.replace(/\w/g, '$&$&') : hex;
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/**
 * Text colour for text on the accent: white or black, whichever contrasts more. One of the two always
 * reaches at least 4.58:1 (the worst case is luminance ≈ 0.179, where both ratios meet), so the
 * accent itself never needs adjusting to pass WCAG AA's 4.5:1.
 */
export function textOnAccent(accent: string): '#fff' | '#000' {
  const l = luminance(accent);
  return contrast(l, 1) >= contrast(l, 0) ? '#fff' : '#000';
}
