// Input no route can store — NUL characters and unpaired surrogates in the address or a body — is
// a 400 naming where it is, and bodies over 1 MB are a 413, on public forms (sign-in) as on
// signed-in ones; never a 500 from the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FORM_BODY_BYTES } from '../../src/http/input-guard';
import { asBrowser, databaseKind, signIn, startTestCollector, type TestCollector } from '../harness';

describe(`the input guard (${databaseKind})`, () => {
  let collector: TestCollector;
  let owner: string;
  const send = (path: string, init: RequestInit & { cookie?: string } = {}) =>
    collector.request(path, { ...init, headers: { ...(init.cookie ? asBrowser(collector, init.cookie) : { origin: collector.origin }), ...(init.headers as Record<string, string>) } });
  const json = (value: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });
  const form = (fields: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

  beforeAll(async () => {
    collector = await startTestCollector();
    owner = await signIn(collector);
  }, 60_000);
  afterAll(() => collector?.close());

  it('answers 400 for a NUL in the path or a query parameter, public and signed in', async () => {
    for (const path of ['/s/%00', '/links/a%00b', '/api/cases/x%00', '/api/summary?survey=%00', '/api/comments?q=a%00']) {
      const response = await send(path, { cookie: owner });
      expect(response.status, path).toBe(400);
      expect((await response.json()).problems[0], path).toMatch(/contains a NUL character \(U\+0000\)/);
    }
    expect((await send('/s/%00')).status).toBe(400);
  });

  it('answers 400 for a NUL or a lone surrogate in a JSON or form body, naming the field', async () => {
    const signin = await send('/signin', json({ email: 'a\u0000@shop.example', password: 'x'.repeat(12) }));
    expect(signin.status).toBe(400);
    expect((await signin.json()).problems).toEqual(['body.email contains a NUL character (U+0000), which cannot be stored as text; remove it']);
    const token = await send('/api/tokens', { cookie: owner, ...json({ name: 'nightly \ud800' }) });
    expect(token.status).toBe(400);
    expect((await token.json()).problems[0]).toMatch(/^body\.name contains an unpaired UTF-16 surrogate/);
    const look = await send('/links/look', { cookie: owner, ...form({ shopName: 'Siam\u0000', colour: '#000000' }) });
    expect(look.status).toBe(400);
    expect((await look.json()).problems[0]).toMatch(/^form\.shopName contains a NUL character/);
  });

  it('checks a body nested thousands of levels deep without overflowing: 400 or the route\'s own answer, never 500', async () => {
    // 4,000 levels: JSON.parse takes it; a recursive check overflowed the stack (500).
    const deep = `{"a":${'['.repeat(4_000)}"\\u0000"${']'.repeat(4_000)}}`;
    const refused = await send('/signin', { method: 'POST', headers: { 'content-type': 'application/json' }, body: deep });
    expect(refused.status).toBe(400);
    expect((await refused.json()).problems[0]).toMatch(/^body\.a\[0\]\[0\].*contains a NUL character/);
    const clean = `{"name":${'['.repeat(4_000)}${']'.repeat(4_000)}}`;
    const rules = await send('/api/alerts/rules', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer junk' }, body: clean });
    expect(rules.status).toBe(401);
  });

  it('leaves ordinary bodies to their routes: the same forms still work', async () => {
    expect((await send('/api/tokens', { cookie: owner, ...json({ name: 'nightly 👍🏽 ส่งออก' }) })).status).toBe(201);
    expect((await send('/links/look', { cookie: owner, ...form({ shopName: 'ร้านสยาม', colour: '#123456' }) })).status).toBe(303);
  });

  it('answers 413 for a body over 1 MB, even on the public sign-in form', async () => {
    const big = 'a'.repeat(MAX_FORM_BODY_BYTES + 1);
    const response = await send('/signin', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `email=${big}` });
    expect(response.status).toBe(413);
  });
});
