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

const chromeStack = (url: string) => `Error\n    at ownTag (${url}:1:2345)\n    at ${url}:1:99`;
const firefoxStack = (url: string) => `ownTag@${url}:1:2345\n@${url}:1:99\n`;

afterEach(() => {
  document.body.replaceChildren();
});

describe('the loader finds its own tag when hearback starts', () => {
  it.each([
    ['Chromium', chromeStack],
    ['Firefox and Safari', firefoxStack],
  ])('by the file the stack names (%s): its URL is the chunks\' base, with its nonce and data-* options', (_engine, stack) => {
    tag('https://cdn.example/other/hearback.min.js', { 'data-endpoint': 'https://wrong.example/collect' });
    const own = tag('https://cdn.example/js/feedback.js?v=2', { 'data-endpoint': 'https://shop.example/collect', 'data-survey': 'nps' });
    own.nonce = 'r4nd0m';
    expect(ownTag(document, stack('https://cdn.example/js/feedback.js?v=2'))).toEqual({
      place: { base: 'https://cdn.example/js/feedback.js?v=2', nonce: 'r4nd0m' },
      attributes: { endpoint: 'https://shop.example/collect', survey: 'nps' },
    });
  });

  it('without a stack (a page set Error.stackTraceLimit = 0): the first tag whose file name says hearback', () => {
    tag('https://cdn.example/hearback/app.js');
    tag('https://cdn.example/hearback-0.1.0.min.js?v=1', { 'data-endpoint': 'https://shop.example/collect' });
    expect(ownTag(document, 'Error')).toEqual({ place: { base: 'https://cdn.example/hearback-0.1.0.min.js?v=1', nonce: undefined }, attributes: { endpoint: 'https://shop.example/collect' } });
    expect(ownTag(document, undefined).place.base).toBe('https://cdn.example/hearback-0.1.0.min.js?v=1');
  });

  it('a tag the page removed since it ran: its URL from the stack still places the chunks; no options, no nonce', () => {
    expect(ownTag(document, chromeStack('https://cdn.example/hearback.min.js'))).toEqual({ place: { base: 'https://cdn.example/hearback.min.js', nonce: undefined }, attributes: {} });
  });

  it('nothing to go by: the page\'s own base URL', () => {
    expect(ownTag(document, 'Error')).toEqual({ place: { base: document.baseURI, nonce: undefined }, attributes: {} });
  });
});
