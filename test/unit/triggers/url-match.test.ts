import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../../src/config/parse-options';
import { matchesUrl } from '../../../src/triggers/url-match';

const at = (href: string) => {
  const url = new URL(href, 'https://shop.test');
  return { origin: url.origin, pathname: url.pathname, search: url.search };
};

describe('url rules', () => {
  it('matches a plain path exactly, ignoring a trailing slash and the query', () => {
    expect(matchesUrl('/checkout/done', at('/checkout/done/?order=1'))).toBe(true);
    expect(matchesUrl('/checkout/done', at('/checkout/done/again'))).toBe(false);
    expect(matchesUrl({ exact: '/' }, at('/'))).toBe(true);
    expect(matchesUrl({ exact: '/' }, at('/shop'))).toBe(false);
  });

  it('matches globs: * within a segment, ** across segments', () => {
    expect(matchesUrl('/blog/*', at('/blog/hello'))).toBe(true);
    expect(matchesUrl('/blog/*', at('/blog/2026/hello'))).toBe(false);
    expect(matchesUrl({ glob: '/shop/**' }, at('/shop/shoes/red'))).toBe(true);
    expect(matchesUrl('/shop/**', at('/shop'))).toBe(true);
    expect(matchesUrl('/shop/**', at('/shopping'))).toBe(false);
    expect(matchesUrl('/*/settings', at('/acme/settings'))).toBe(true);
    expect(matchesUrl('/a.b/*', at('/axb/c'))).toBe(false);
  });

  it('matches a prefix literally', () => {
    expect(matchesUrl({ prefix: '/help/' }, at('/help/returns'))).toBe(true);
    expect(matchesUrl({ prefix: '/help/' }, at('/helpdesk'))).toBe(false);
  });

  it('tests regexes against path + query', () => {
    expect(matchesUrl({ regex: '^/order/\\d+$' }, at('/order/17'))).toBe(true);
    expect(matchesUrl({ regex: 'utm_source=mail' }, at('/promo?utm_source=mail'))).toBe(true);
    expect(matchesUrl({ regex: '^/order/\\d+$' }, at('/order/abc'))).toBe(false);
  });

  it('compares full-URL patterns with origin + path', () => {
    expect(matchesUrl('https://shop.test/thanks', at('/thanks'))).toBe(true);
    expect(matchesUrl('https://other.test/thanks', at('/thanks'))).toBe(false);
  });

  it('holds when any include matches and no exclude does', () => {
    const rule = { include: ['/shop/**', { prefix: '/cart' }], exclude: ['/shop/admin/**'] };
    expect(matchesUrl(rule, at('/cart/2'))).toBe(true);
    expect(matchesUrl(rule, at('/shop/admin/users'))).toBe(false);
    expect(matchesUrl(rule, at('/about'))).toBe(false);
    expect(matchesUrl({ exclude: ['/checkout/**'] }, at('/about'))).toBe(true);
    expect(matchesUrl(['/a', '/b'], at('/b'))).toBe(true);
  });

  it('rejects an invalid regex when options are read, with a readable message', () => {
    const { errors } = parseOptions({
      endpoint: 'https://collect.test/f',
      surveys: [{ id: 'x', type: 'nps', trigger: { url: { regex: '(' } } }],
    });
    expect(errors.join('\n')).toMatch(/surveys\[0\]\.trigger\.url.*must be/);
  });
});
