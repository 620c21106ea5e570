import { describe, expect, test } from 'vitest';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { qrPng, qrSvg } from '../../src/links/qr-code';
import { surveyLink } from '../../src/links/link-url';

function decodePng(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

describe('QR codes for survey links', () => {
  const link = surveyLink('https://shop.example/feedback', 'after-meal', { branch: 'สยาม', table: '4' });

  test('the PNG decodes to the exact link, Thai context value included', async () => {
    expect(link).toBe('https://shop.example/feedback/s/after-meal?branch=%E0%B8%AA%E0%B8%A2%E0%B8%B2%E0%B8%A1&table=4');
    const png = await qrPng(link);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(decodePng(png)).toBe(link);
  });

  test('a small PNG still decodes, and the SVG is a standalone scalable image', async () => {
    expect(decodePng(await qrPng(link, 256))).toBe(link);
    const svg = await qrSvg(link);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* viewBox="0 0 \d+ \d+"/);
    expect(svg).not.toMatch(/<script|on\w+=/i);
  });
});
