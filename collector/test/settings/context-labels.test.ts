// The owner's names for context keys and values: set in settings (Thai and English), stored in the
// database, and handed to the dashboard, comments and inbox pages, which show them instead of the
// raw keys; a bad form says what is wrong, in the page's language, next to its field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, asBrowser, databaseKind, signIn, startTestCollector, type TestCollector } from '../harness';

describe(`names for context keys and values (${databaseKind})`, () => {
  let collector: TestCollector;
  let owner: string;
  let staff: string;
  const form = (cookie: string, path: string, fields: Record<string, string>) =>
    collector.request(path, { method: 'POST', headers: asBrowser(collector, cookie, { 'content-type': 'application/x-www-form-urlencoded' }), body: new URLSearchParams(fields).toString() });
  /** The names a page hands its script (`data-context-labels`). */
  const labelsOf = (page: string) => JSON.parse((/data-context-labels="([^"]*)"/.exec(page)?.[1] ?? '{}').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));

  beforeAll(async () => {
    collector = await startTestCollector();
    await collector.accounts.users.add({ email: 'staff@shop.example', password: 'staff password 123', role: 'staff' });
    owner = await signIn(collector);
    staff = await signIn(collector, { email: 'staff@shop.example', password: 'staff password 123' });
    const stored = await collector.request('/api/responses', {
      method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8', origin: collector.origin },
      body: JSON.stringify(answer({ context: { branch: 'Siam', channel: 'web' } })),
    });
    expect(stored.status).toBe(201);
  }, 60_000);
  afterAll(() => collector?.close());

  it('the owner names a key and a value in Thai and English; the dashboard, comments and inbox pages carry the names', async () => {
    const settings = await (await collector.request('/settings', { headers: { cookie: owner } })).text();
    // The form offers the keys the answers carry.
    expect(settings).toContain('<option value="branch"></option>');
    expect((await form(owner, '/settings/context-labels', { key: 'branch', th: 'สาขา', en: 'Branch' })).status).toBe(200);
    expect((await form(owner, '/settings/context-labels', { key: 'channel', value: 'web', th: 'เว็บไซต์', en: 'Website' })).status).toBe(200);
    // Saving again replaces the name.
    expect((await form(owner, '/settings/context-labels', { key: 'branch', th: 'สาขา', en: 'Shop' })).status).toBe(200);

    for (const path of ['/dashboard', '/comments', '/inbox']) {
      const page = await (await collector.request(path, { headers: { cookie: staff } })).text();
      expect(labelsOf(page), path).toEqual({ keys: { branch: { en: 'Shop', th: 'สาขา' } }, values: { channel: { web: { en: 'Website', th: 'เว็บไซต์' } } } });
    }
    expect(await (await collector.request('/api/context-labels', { headers: { cookie: staff } })).json()).toEqual([
      { key: 'branch', value: '', en: 'Shop', th: 'สาขา' }, { key: 'channel', value: 'web', en: 'Website', th: 'เว็บไซต์' },
    ]);

    // Removed, the value shows as it came again.
    expect((await form(owner, '/settings/context-labels/remove', { key: 'channel', value: 'web' })).status).toBe(303);
    expect(labelsOf(await (await collector.request('/dashboard', { headers: { cookie: owner } })).text()).values).toEqual({});
  });

  it('a form without a name says so in the page\'s language, tied to its field; staff cannot name keys', async () => {
    const thai = await form(`${owner}; hearback_lang=th`, '/settings/context-labels', { key: 'table', th: '', en: '' });
    expect(thai.status).toBe(400);
    const page = await thai.text();
    expect(page).toContain('<a href="#label-th">ชื่อภาษาไทย</a>: ตั้งชื่อภาษาไทย ภาษาอังกฤษ หรือทั้งสองภาษา');
    expect(page).toMatch(/<input id="label-th"[^>]* aria-describedby="label-th-error" aria-invalid="true">/);
    expect(page).toContain('value="table"');
    expect((await form(staff, '/settings/context-labels', { key: 'branch', th: 'x' })).status).toBe(403);
  });

  it('keys and values named __proto__, constructor or toString are names like any other: nothing of the server changes', async () => {
    const toString = Object.prototype.toString;
    expect((await form(owner, '/settings/context-labels', { key: '__proto__', value: 'toString', th: 'ทดสอบ', en: 'Trap' })).status).toBe(200);
    expect((await form(owner, '/settings/context-labels', { key: 'constructor', th: 'ตัวสร้าง', en: 'Maker' })).status).toBe(200);
    expect((await form(owner, '/settings/context-labels', { key: 'constructor', value: 'keys', th: 'กุญแจ', en: 'Keys' })).status).toBe(200);
    const page = await (await collector.request('/dashboard', { headers: { cookie: staff } })).text();
    expect(Object.prototype.toString, 'Object.prototype untouched').toBe(toString);
    expect(typeof Object.keys, 'Object untouched').toBe('function');
    const labels = labelsOf(page);
    expect(Object.hasOwn(labels.keys, 'constructor') && labels.keys.constructor).toEqual({ en: 'Maker', th: 'ตัวสร้าง' });
    expect(Object.hasOwn(labels.values, '__proto__') && labels.values['__proto__']).toEqual({ toString: { en: 'Trap', th: 'ทดสอบ' } });
    expect(labels.values.constructor).toEqual({ keys: { en: 'Keys', th: 'กุญแจ' } });
    // The pages that read the names still answer.
    for (const path of ['/comments', '/inbox', '/dashboard']) expect((await collector.request(path, { headers: { cookie: staff } })).status, path).toBe(200);
  });
});
