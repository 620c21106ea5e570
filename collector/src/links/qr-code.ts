import QRCode from 'qrcode';

/**
 * Error correction for print: level Q restores up to about 25 % of the code, enough for a scuffed
 * table tent or a coffee ring on a receipt, while a link with a few fields still fits a code that
 * scans from arm's length on an A6 card.
 */
export const printErrorCorrection = 'Q' as const;

/** The link as an SVG QR code (scalable for print), with the standard 4-module quiet zone. */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: printErrorCorrection, margin: 4 });
}

/** The link as a PNG QR code, `width` pixels square (1024 by default: sharp on a printed A5 page). */
export function qrPng(text: string, width = 1024): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: printErrorCorrection, margin: 4, width });
}
