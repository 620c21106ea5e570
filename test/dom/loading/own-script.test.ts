import { afterEach, describe, expect, it } from 'vitest';
import { ownTag } from '../../../src/loading/own-script';

/** A `<script>` as a page writes it (not run: happy-dom only parses it). */
function tag(src: string, attributes: Record<string, string> = {}) {
  const script = document.createElement('script');
  script.type = 'text/plain';
  script.src = src;
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  document.body.append(script);
  return script;
}

/** An Error made while the loader ran, as each engine words its stack (`wrapper`: a page's replacement Error on top). */
const chromeError = (url: string, wrapper = '') => ({ stack: `Error\n${wrapper ? `    at new ZoneAwareError (${wrapper}:3:10)\n` : ''}    at ${url}:1:2345\n    at ${url}:1:99` });
const firefoxError = (url: string) => ({ stack: `@${url}:1:2345\n@${url}:1:99\n` });

afterEach(() => {
  document.body.replaceChildren();
});

describe('the loader finds its own tag when hearback starts', () => {
  it.each([
    ['Chromium', chromeError],
    ['Firefox and Safari', firefoxError],
  ])('by the file the stack names (%s): its URL is the chunks\' base, with its nonce and data-* options', (_engine, made) => {
    tag('https://cdn.example/other/hearback.min.js', { 'data-endpoint': 'https://wrong.example/collect' });
    const own = tag('https://cdn.example/js/feedback.js?v=2', { 'data-endpoint': 'https://shop.example/collect', 'data-survey': 'nps' });
    own.nonce = 'r4nd0m';
    expect(ownTag(document, made('https://cdn.example/js/feedback.js?v=2'))).toEqual({
      place: { base: 'https://cdn.example/js/feedback.js?v=2', nonce: 'r4nd0m' },
      attributes: { endpoint: 'https://shop.example/collect', survey: 'nps' },
      found: true,
    });
  });

  it('under a page\'s replacement Error (a frame of its own on top): the frame whose file is a script named hearback; a port and an @ in the URL', () => {
    tag('https://polyfills.example/zone.js');
    const url = 'https://cdn.example:8443/npm/hearback@0.1.0/dist/hearback.min.js';
    tag(url, { 'data-endpoint': 'https://shop.example/collect' });
    expect(ownTag(document, chromeError(url, 'https://polyfills.example/zone.js'))).toEqual({ place: { base: url, nonce: undefined }, attributes: { endpoint: 'https://shop.example/collect' }, found: true });
    expect(ownTag(document, firefoxError(url)).place.base).toBe(url);
  });

  it.each([
    ['Error.stackTraceLimit = 0', { stack: 'Error' }],
    ['Error.prepareStackTrace made something else', { stack: [{ frame: 1 }] }],
    [
      'Error.prepareStackTrace threw',
      {
        get stack(): string {
          throw new Error('no');
        },
      },
    ],
  ])('without a stack (%s): the first tag whose file name says hearback', (_why, made) => {
    tag('https://cdn.example/hearback/app.js');
    tag('https://cdn.example/hearback-0.1.0.min.js?v=1', { 'data-endpoint': 'https://shop.example/collect' });
    expect(ownTag(document, made)).toEqual({ place: { base: 'https://cdn.example/hearback-0.1.0.min.js?v=1', nonce: undefined }, attributes: { endpoint: 'https://shop.example/collect' }, found: true });
  });

  it('a tag the page removed since it ran: its URL from the stack still places the chunks; no options, no nonce', () => {
    expect(ownTag(document, chromeError('https://cdn.example/hearback.min.js'))).toEqual({ place: { base: 'https://cdn.example/hearback.min.js', nonce: undefined }, attributes: {}, found: false });
  });

  it('nothing to go by: the page\'s own base URL', () => {
    expect(ownTag(document, { stack: 'Error' })).toEqual({ place: { base: document.baseURI, nonce: undefined }, attributes: {}, found: false });
  });
});
