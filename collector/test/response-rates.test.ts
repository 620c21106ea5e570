// Prompts shown (POST /api/shown, the widget's shownUrl) and the response rate: N prompts reported
// shown and M answers (some with a comment) give exactly those figures per survey, channel and
// context value on the response-rate view and its API; bad reports get readable 400 problems, a
// site not allowed gets 403 and is listed under Refused sites, and the counts stay bounded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShownEntry } from '../src/shown/shown-report';
import { createShownStore } from '../src/shown/shown-store';
import { createRefusedSites } from '../src/site-settings/refused-sites';
import { answer, databaseKind, signIn, startTestCollector, type TestCollector } from './harness';

const shop = 'https://shop.example';

describe(`shown reports and response rates (${databaseKind})`, { timeout: 60_000 }, () => {
  let collector: TestCollector;
  let owner: string;
  const at = new Date().toISOString();
  const shownEntry = (overrides: Record<string, unknown> = {}) =>
    ({ survey: 'after-checkout', type: 'csat', mode: 'popup' as ShownEntry['mode'], locale: 'th', url: `${shop}/checkout/done`, context: { branch: 'Siam' }, at, ...overrides });
  const report = (body: unknown, { origin = shop, type = 'text/plain;charset=UTF-8' } = {}) =>
    collector.request('/api/shown', { method: 'POST', headers: { 'content-type': type, origin }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const postAnswer = (overrides: Record<string, unknown>) =>
    collector.request('/api/responses', { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8', origin: shop }, body: JSON.stringify(answer({ answeredAt: at, ...overrides })) });

  beforeAll(async () => {
    collector = await startTestCollector({ config: { allowedOrigins: [shop], timezone: 'Asia/Bangkok' } });
    owner = await signIn(collector);
  }, 60_000);
  afterAll(() => collector?.close());

  it('N prompts shown and M answers give exactly the figures shown, per survey, channel and branch', async () => {
    // 12 popups in two reports (7 at Siam, 5 at Chiang Mai) and 4 kiosk prompts at Siam.
    const siam = Array.from({ length: 7 }, () => shownEntry());
    const chiangMai = Array.from({ length: 5 }, () => shownEntry({ context: { branch: 'Chiang Mai' } }));
    expect((await report({ v: 1, shown: [...siam, ...chiangMai.slice(0, 3)] })).status).toBe(204);
    expect((await report({ v: 1, shown: chiangMai.slice(3) }, { type: 'application/json' })).status).toBe(204);
    expect((await report({ v: 1, shown: Array.from({ length: 4 }, () => shownEntry({ mode: 'kiosk' })) })).status).toBe(204);
    // 5 web answers (3 at Siam, 2 with a comment; 2 at Chiang Mai, none), 1 kiosk answer with a comment.
    for (const overrides of [
      { context: { branch: 'Siam' }, comment: 'เร็วมาก' }, { context: { branch: 'Siam' }, comment: 'ok' }, { context: { branch: 'Siam' } },
      { context: { branch: 'Chiang Mai' } }, { context: { branch: 'Chiang Mai' } }, { context: { branch: 'Siam' }, mode: 'kiosk', comment: 'สะอาด' },
    ]) expect((await postAnswer(overrides)).status).toBe(201);

    const byChannel = await (await collector.request('/api/response-rates?days=7', { headers: { cookie: owner } })).json();
    expect(byChannel.rows).toEqual([
      { survey: 'after-checkout', channel: 'kiosk', shown: 4, answered: 1, commented: 1, answeredRate: 0.25, commentedRate: 1, leftAtScore: 3, leftAtFollowUp: 0 },
      { survey: 'after-checkout', channel: 'web', shown: 12, answered: 5, commented: 2, answeredRate: 5 / 12, commentedRate: 0.4, leftAtScore: 7, leftAtFollowUp: 3 },
    ]);
    expect(byChannel.live).toEqual([{ survey: 'after-checkout', shown: 12, answered: 5, answeredRate: 5 / 12, lastAnswerAt: at }]);

    const byBranch = await (await collector.request('/api/response-rates?days=7&by=branch', { headers: { cookie: owner } })).json();
    expect(byBranch.rows.map((row: Record<string, unknown>) => [row.channel, row.value, row.shown, row.answered, row.commented])).toEqual([
      ['kiosk', 'Siam', 4, 1, 1], ['web', 'Chiang Mai', 5, 2, 0], ['web', 'Siam', 7, 3, 2],
    ]);

    // The view shows the same figures, in English and in Thai.
    const page = await (await collector.request('/response-rates?days=7', { headers: { cookie: owner } })).text();
    expect(page).toMatch(/<td data-label="Asked">12<\/td>\s*<td data-label="Answered">5 <span class="muted">\(41.7% of asked\)<\/span><\/td>\s*<td data-label="Commented">2 <span class="muted">\(40% of answers\)<\/span><\/td>\s*<td data-label="Left at the score">7<\/td>\s*<td data-label="Left at the follow-up">3<\/td>/);
    const thai = await (await collector.request('/response-rates?days=7&by=branch', { headers: { cookie: `${owner}; hearback_lang=th` } })).text();
    expect(thai).toContain('<td data-label="ถาม">5</td>');
    expect(thai).toContain('(25% ของที่ถาม)');
    expect(thai).toContain('แบบสอบถามที่ใช้งานบนเว็บไซต์');
  });

  it('a bad report gets readable problems naming the entry and field; nothing is counted', async () => {
    const before = await (await collector.request('/api/response-rates?days=7', { headers: { cookie: owner } })).json();
    const problemsOf = async (body: unknown) => {
      const response = await report(body);
      expect(response.status).toBe(400);
      return (await response.json()).problems as string[];
    };
    expect(await problemsOf({ v: 1, shown: Array.from({ length: 21 }, () => shownEntry()) })).toEqual(['shown: must list at most 20 prompts (send more reports)']);
    expect(await problemsOf({ v: 1, shown: [shownEntry(), shownEntry({ survey: '', type: 'stars' })] })).toEqual([
      'shown[1].survey: must not be empty', 'shown[1].type: must be one of "nps", "csat", "ces"',
    ]);
    expect(await problemsOf({ v: 1, shown: [shownEntry({ context: { a: { b: { c: { d: { e: { f: 1 } } } } } } })] })).toEqual(['shown[0].context: must be nested at most 5 levels deep']);
    expect(await problemsOf({ v: 1, shown: [shownEntry({ at: '2099-01-01T00:00:00.000Z' })] })).toEqual(['shown[0].at: is more than 5 minutes in the future (got "2099-01-01T00:00:00.000Z")']);
    expect(await problemsOf('{"v":1,')).toEqual([expect.stringMatching(/^body is not valid JSON/)]);
    expect((await report({ v: 1, shown: [shownEntry()] }, { type: 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect(await (await collector.request('/api/response-rates?days=7', { headers: { cookie: owner } })).json()).toEqual(before);
  });

  it('a site not allowed gets 403 naming the fix and is listed under Refused sites; CORS only for allowed sites', async () => {
    const refused = await report({ v: 1, shown: [shownEntry()] }, { origin: 'https://stranger.example' });
    expect(refused.status).toBe(403);
    expect((await refused.json()).problems[0]).toContain('Settings → Site');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(await (await collector.request('/settings', { headers: { cookie: owner } })).text()).toContain('Answers from https://stranger.example were refused once today');
    const allowed = await report({ v: 1, shown: [shownEntry()] });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(shop);
  });

  it('the counts stay bounded: context values past the day\'s room count in the totals only; 100 refused sites at most', async () => {
    const store = createShownStore({ db: collector.db, timeZone: () => 'UTC', publicUrl: () => undefined, maxRowsPerDay: 3 });
    const day = '2026-01-05T10:00:00.000Z';
    await store.record(Array.from({ length: 6 }, (_, i) => shownEntry({ survey: 'bounded', at: day, context: { order: `A${i}` } })));
    const { rows } = await collector.db.query<{ key: string; n: number; total: number }>(
      `SELECT key, count(*)::int AS n, sum(count)::int AS total FROM shown_counts WHERE survey = 'bounded' GROUP BY key ORDER BY key`);
    // One report may fill the day past its room (its own rows), never a later one.
    expect(rows).toEqual([{ key: '', n: 1, total: 6 }, { key: 'order', n: 6, total: 6 }]);
    await store.record([shownEntry({ survey: 'bounded', at: day, context: { order: 'B1' } })]);
    const after = await collector.db.query<{ key: string; n: number; total: number }>(
      `SELECT key, count(*)::int AS n, sum(count)::int AS total FROM shown_counts WHERE survey = 'bounded' GROUP BY key ORDER BY key`);
    expect(after.rows).toEqual([{ key: '', n: 1, total: 7 }, { key: 'order', n: 6, total: 6 }]);

    // Later than the refusal the test above recorded, which is the oldest then and goes first.
    let clock = Date.now() + 86_400_000;
    const refused = createRefusedSites({ db: collector.db, timeZone: () => 'UTC', now: () => new Date((clock += 1000)) });
    for (let i = 0; i < 105; i++) await refused.record(`https://made-up-${i}.example`);
    await refused.record('null');
    const sites = await refused.list();
    expect(sites).toHaveLength(100);
    expect(sites[0].origin).toBe('https://made-up-104.example');
    expect(sites.some((site) => site.origin === 'https://made-up-4.example')).toBe(false);
    expect(sites.some((site) => site.origin === 'https://made-up-5.example')).toBe(true);
    expect(sites.some((site) => site.origin === 'https://stranger.example')).toBe(false);
  });
});
