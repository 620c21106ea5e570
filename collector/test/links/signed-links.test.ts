// Single-use links are signed by the app (`sig` over the survey and the link's fields): a script
// posting order numbers 1001…1005 used up real customers' answers before them. Now an answer for
// a single-use survey whose fields are not signed is refused (400, not retried by the widget) and
// claims nothing; a signed one is stored once, then 409 as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, asBrowser, databaseKind, signIn, startTestCollector, type TestCollector } from '../harness';

const PUBLIC_URL = 'https://feedback.shop.example';
const nps = { survey: 'receipt', type: 'nps', scale: [0, 10] };

describe(`signed single-use links (${databaseKind})`, () => {
  let collector: TestCollector;
  let owner: string;
  let staff: string;
  let token: string;

  const post = (body: unknown) => collector.request('/api/responses', {
    method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8', origin: PUBLIC_URL }, body: JSON.stringify(body),
  });
  const makeLink = (auth: Record<string, string>, body: unknown) => collector.request('/api/links', {
    method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const asOwner = () => ({ cookie: owner, origin: PUBLIC_URL });
  /** The context the survey page hands the widget for this link (its `data-hearback-link`). */
  const pageContext = async (url: string) => {
    const page = await (await collector.request(url.slice(PUBLIC_URL.length))).text();
    const match = /data-hearback-link="([^"]*)"/.exec(page);
    return match ? (JSON.parse(match[1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')) as { context: Record<string, string> }).context : undefined;
  };

  beforeAll(async () => {
    collector = await startTestCollector({ config: { publicUrl: PUBLIC_URL, rateLimit: { limit: 0, windowSeconds: 60 } } });
    await collector.accounts.users.add({ email: 'staff@shop.example', password: 'staff password 123', role: 'staff' });
    const listening = collector.origin;
    collector = { ...collector, origin: PUBLIC_URL, request: (path, init) => fetch(`${listening}${path}`, { redirect: 'manual', ...init }) };
    owner = await signIn(collector);
    staff = await signIn(collector, { email: 'staff@shop.example', password: 'staff password 123' });
    const form = (fields: Record<string, string>) => collector.request('/links/surveys', {
      method: 'POST', headers: asBrowser(collector, owner, { 'content-type': 'application/x-www-form-urlencoded' }), body: new URLSearchParams(fields),
    });
    expect((await form({ id: 'receipt', type: 'nps', contextKeys: 'branch', singleUse: 'on' })).status).toBe(303);
    expect((await form({ id: 'visit', type: 'csat', contextKeys: 'branch' })).status).toBe(303);
    const created = await collector.request('/api/tokens', { method: 'POST', headers: { cookie: owner, origin: PUBLIC_URL, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'pos' }) });
    token = (await created.json()).secret;
  }, 60_000);
  afterAll(() => collector?.close());

  it('a script posting order numbers uses up nothing: unsigned and forged answers get 400, then the customer answers once', async () => {
    for (const order of ['1001', '1002', '1003', '1004', '1005']) {
      const forged = await post(answer({ ...nps, score: 0, context: { order, channel: 'link' } }));
      expect(forged.status, order).toBe(400);
      expect((await forged.json()).problems[0]).toBe(`context.sig: survey "receipt" takes one answer per order, and only links this app made may claim one; this answer's link fields carry no signature (make links on the links page, with POST /api/links or hearback-collector link)`);
    }
    const made = await makeLink({ authorization: `Bearer ${token}` }, { survey: 'receipt', fields: { order: '1001', branch: 'Siam' } });
    expect(made.status).toBe(200);
    const { url, sig } = await made.json();
    expect(sig).toMatch(/^[\w-]{22}$/);
    expect(url).toBe(`${PUBLIC_URL}/s/receipt?order=1001&branch=Siam&sig=${sig}`);

    // Another order's signature, or the same link with a field changed, does not fit.
    const other = await (await makeLink(asOwner(), { survey: 'receipt', fields: { order: '1002', branch: 'Siam' } })).json();
    for (const context of [{ order: '1001', branch: 'Siam', sig: other.sig }, { order: '1001', branch: 'Asok', sig }, { order: '1001', sig }, { order: '1001', branch: 'Siam', table: '4', sig }, { order: '1001', branch: 'Siam', sig: sig.toLowerCase() }]) {
      const wrong = await post(answer({ ...nps, score: 0, context }));
      expect(wrong.status, JSON.stringify(context)).toBe(400);
      expect((await wrong.json()).problems[0]).toMatch(/^context\.sig: .* carry (a signature that does not match them|no signature)/);
    }

    // The customer's page passes the signature on; their answer is stored, a second one is 409.
    const context = await pageContext(url);
    expect(context).toEqual({ order: '1001', branch: 'Siam', sig, channel: 'link' });
    expect((await post(answer({ ...nps, score: 9, url: `${PUBLIC_URL}/s/receipt`, context }))).status).toBe(201);
    expect((await post(answer({ ...nps, score: 3, url: `${PUBLIC_URL}/s/receipt`, context }))).status).toBe(409);
    const { rows } = await collector.db.query<{ order_key: string }>('SELECT order_key FROM link_orders ORDER BY order_key');
    expect(rows.map((row) => row.order_key)).toEqual(['1001']);
  });

  it('the survey page refuses a single-use link without a valid signature, in the visitor\'s language', async () => {
    for (const path of ['/s/receipt?order=1003&lang=en', '/s/receipt?order=1003&sig=AAAAAAAAAAAAAAAAAAAAAA&lang=en']) {
      const response = await collector.request(path);
      expect(response.status, path).toBe(400);
      const page = await response.text();
      expect(page).toContain('This link is incomplete or was changed, so it cannot take an answer.');
      expect(page).not.toContain('id="hearback-survey"');
    }
    expect(await (await collector.request('/s/receipt?order=1003&lang=th')).text()).toContain('ลิงก์นี้ไม่ครบหรือถูกแก้ไข');
    // A changed field breaks the link; an extra parameter a messenger app adds does not.
    const { url } = await (await makeLink(asOwner(), { survey: 'receipt', fields: { order: '1003' } })).json();
    expect((await collector.request(url.slice(PUBLIC_URL.length).replace('order=1003', 'order=1004'))).status).toBe(400);
    expect(await pageContext(`${url}&fbclid=abc`)).toMatchObject({ order: '1003' });
  });

  it('the link page and its printables carry the signed link; surveys that are not single-use stay unsigned', async () => {
    // The same signature whatever order the fields come in.
    const { url } = await (await makeLink(asOwner(), { survey: 'receipt', fields: { branch: 'Siam', order: 'A-7' } })).json();
    const { sig } = await (await makeLink(asOwner(), { survey: 'receipt', fields: { order: 'A-7', branch: 'Siam' } })).json();
    expect(url).toContain(`&sig=${sig}`);
    const builder = await (await collector.request('/links/receipt?order=A-7&branch=Siam', { headers: { cookie: owner } })).text();
    expect(builder).toContain(`>${url.replace(/&/g, '&amp;')}</textarea>`);
    const poster = await (await collector.request('/links/receipt/poster?order=A-7&branch=Siam&lang=en', { headers: { cookie: staff } })).text();
    expect(poster).toContain(url.replace(/&/g, '&amp;'));
    const visit = await (await makeLink(asOwner(), { survey: 'visit', fields: { branch: 'Siam' } })).json();
    expect(visit).toEqual({ url: `${PUBLIC_URL}/s/visit?branch=Siam`, sig: null });
    expect((await post(answer({ survey: 'visit', context: { branch: 'Siam' } }))).status).toBe(201);
  });

  it('POST /api/links names each bad field, and is for the owner or an API token', async () => {
    const problems = async (body: unknown, status = 400) => {
      const response = await makeLink(asOwner(), body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      return (await response.json()).problems;
    };
    expect(await problems({ survey: 'receipt', fields: { branch: 'Siam' } })).toEqual([
      'fields.order: survey "receipt" takes one answer per order, so its links need the order (e.g. the receipt number)',
    ]);
    expect(await problems({ survey: 'receipt', fields: { order: '1001', table: '4', branch: 'Siam 🍜' } })).toEqual([
      'fields.table: survey "receipt" takes no field "table" (its fields: branch, order)',
      'fields.branch: "Siam 🍜" may hold only letters, digits, spaces and . _ - / #',
    ]);
    expect(await problems({ survey: 'receipt', fields: { order: 'x'.repeat(65) } })).toEqual([`fields.order: "${'x'.repeat(65)}" is longer than 64 characters`]);
    expect(await problems({ survey: 'receipt', fields: { order: 1001 } })).toEqual(['fields.order must be a string']);
    expect(await problems({ fields: {} })).toEqual(['survey must be the id of a link survey, as a string']);
    expect(await problems({ survey: 'receipt', extra: 1, fields: { order: '1' } })).toHaveLength(1);
    expect(await problems('not json')).toEqual(['body must be a JSON object like { "survey": "receipt", "fields": { "order": "1001" } }']);
    expect(await problems({ survey: 'nope' }, 404)).toEqual(['survey: there is no link survey "nope" (make it on the links page first)']);

    expect((await makeLink({ cookie: staff, origin: PUBLIC_URL }, { survey: 'receipt', fields: { order: '1' } })).status).toBe(403);
    expect((await makeLink({ origin: PUBLIC_URL }, { survey: 'receipt', fields: { order: '1' } })).status).toBe(401);
    // A session needs this app's own origin (CSRF); a token does not.
    expect((await makeLink({ cookie: owner, origin: 'https://evil.example' }, { survey: 'receipt', fields: { order: '1' } })).status).toBe(403);
  });
});
