// The inbox acts on what the customer left: how to reach them (contactVia) stored, amended with the
// answer's key, exported and found by privacy requests; cases given to a person (theirs first, a
// filter), due 48 hours after the answer, overdue marked, one overdue alert per case through the
// alert queue (a fake Slack on 127.0.0.1), and the new-cases count in the menu. PGlite, or
// PostgreSQL with DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannel } from '../../src/alerts/channel-store';
import { createRule } from '../../src/alerts/rule-store';
import { answer, asBrowser, databaseKind, signIn, startTestCollector, type TestCollector } from '../harness';
import { startFakeHttp, type FakeHttp } from '../alerts/fakes/fake-http';

const STAFF = { email: 'noi@shop.example', password: 'staff password 123' };
const key = (n: number) => `inbox-key-${String(n).padStart(2, '0')}-abcdefghijklmn`;

describe(`the inbox acts on what the customer left (${databaseKind})`, () => {
  let collector: TestCollector;
  let slack: FakeHttp;
  let owner: string;
  let staff: string;
  let staffId: string;
  let clock = new Date('2026-12-01T03:00:00.000Z');
  const answeredAt = '2026-12-01T02:00:00.000Z';

  const post = (body: unknown) => collector.app.request('/api/responses', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(body) });
  const get = async (path: string, cookie = owner) => {
    const response = await collector.app.request(path, { headers: { cookie } });
    return { status: response.status, body: path.endsWith('.csv') || !response.headers.get('content-type')?.includes('json') ? await response.text() : await response.json() };
  };
  const send = async (path: string, body: unknown, cookie = owner) => {
    const response = await collector.request(path, { method: 'POST', headers: asBrowser(collector, cookie, { 'content-type': 'application/json' }), body: JSON.stringify(body) });
    return { status: response.status, body: await response.json() };
  };
  const slackTexts = () => slack.requests.map((request) => JSON.parse(request.body) as { text: string; blocks: { fields?: { text: string }[] }[] });

  beforeAll(async () => {
    slack = await startFakeHttp();
    collector = await startTestCollector({ now: () => clock, config: { timezone: 'Asia/Bangkok', rateLimit: { limit: 0, windowSeconds: 60 }, allowPrivateDestinations: true } });
    const channel = await createChannel(collector.db, { name: 'Shop Slack', kind: 'slack', locale: 'en', config: { webhookUrl: `${slack.url}/services/T0/B0/XYZ` }, quiet: null, digestHour: null });
    await createRule(collector.db, { name: 'Unhappy', enabled: true, conditions: [{ kind: 'detractor' }], channelIds: [channel] });
    staffId = (await collector.accounts.users.add({ ...STAFF, role: 'staff' }))!.id;
    owner = await signIn(collector);
    staff = await signIn(collector, STAFF);
  }, 60_000);
  afterAll(async () => {
    await collector?.close();
    await slack?.close();
  });

  it('keeps how to reach the customer with the answer: in the case, the exports (CSV cells guarded) and the alert', async () => {
    const via = { phone: '+66 81 234 5678', email: 'Somchai@Example.com', line: 'somchai.k' };
    expect((await post(answer({ id: 'reach-001', type: 'csat', score: 1, scale: [1, 5], answeredAt, contact: true, contactVia: via, comment: 'Cold food' }))).status).toBe(201);
    const { body } = await get('/api/cases/reach-001');
    expect(body.answer).toMatchObject({ contact: true, contactVia: via });
    const csv = (await get('/api/responses.csv?range=all')).body as string;
    const [header, ...rows] = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    const cells = header.split(',');
    const row = rows.find((line) => line.startsWith('reach-001,'))!.split(',');
    // A phone starting with "+" would be a formula to a spreadsheet: it gets the apostrophe.
    expect(row[cells.indexOf('contact_phone')]).toBe("'+66 81 234 5678");
    expect(row[cells.indexOf('contact_email')]).toBe('Somchai@Example.com');
    expect(row[cells.indexOf('contact_line')]).toBe('somchai.k');
    expect((await get('/api/responses.json?range=all')).body.responses.find((a: { id: string }) => a.id === 'reach-001').contactVia).toEqual(via);

    await collector.alerts.worker.tick();
    const alert = slackTexts().find((message) => message.text.startsWith('New answer'))!;
    expect(JSON.stringify(alert.blocks)).toContain('*Reach them by*\\nPhone +66 81 234 5678 · Email Somchai@Example.com · LINE ID somchai.k');
  });

  it('adds contactVia given after the score only with the answer\'s key, once', async () => {
    const first = answer({ id: 'reach-002', key: key(2), type: 'nps', score: 3, scale: [0, 10], answeredAt });
    expect((await post(first)).status).toBe(201);
    expect((await post({ ...first, key: undefined, contact: true, contactVia: { email: 'forged@example.com' } })).status).toBe(200);
    expect((await get('/api/cases/reach-002')).body.answer.contactVia).toBeUndefined();
    expect((await post({ ...first, contact: true, contactVia: { line: '@shop_fan' } })).status).toBe(200);
    expect((await post({ ...first, contact: true, contactVia: { phone: '02-000-0000' } })).status).toBe(200);
    expect((await get('/api/cases/reach-002')).body.answer).toMatchObject({ contact: true, contactVia: { line: '@shop_fan' } });
    // The privacy export shows the answer as amended.
    const exported = await get('/api/privacy/export?answer=reach-002');
    expect(exported.body.answers[0].answer.contactVia).toEqual({ line: '@shop_fan' });
  });

  it('finds and erases a person by the email they left to be reached, without case', async () => {
    expect((await post(answer({ id: 'reach-003', type: 'ces', score: 1, scale: [1, 7], answeredAt, contact: true, contactVia: { email: 'mali@example.com' } }))).status).toBe(201);
    const exported = await get('/api/privacy/export?email=MALI@example.com');
    expect(exported.body.answers.map((a: { answer: { id: string } }) => a.answer.id)).toEqual(['reach-003']);
    const erased = await send('/api/privacy/erase', { email: 'mali@example.com' });
    expect(erased.body.answers).toEqual(['reach-003']);
    expect((await get('/api/cases/reach-003')).status).toBe(404);
  });

  it('gives a case to a staff member, who sees it first; filters by person; says what was wrong with a bad assignee', async () => {
    expect((await post(answer({ id: 'assign-001', type: 'nps', score: 1, scale: [0, 10], answeredAt: '2026-12-01T01:00:00.000Z' }))).status).toBe(201);
    const team = await get('/api/cases/assignees', staff);
    expect(team.body.me).toBe(staffId);
    expect(team.body.assignees.map((a: { email: string }) => a.email).sort()).toEqual(['noi@shop.example', 'owner@shop.example']);

    const assigned = await send('/api/cases/assign-001/assignee', { assignee: staffId });
    expect(assigned.status).toBe(200);
    expect(assigned.body.assignee).toEqual({ id: staffId, email: STAFF.email });
    expect(assigned.body.events.at(-1)).toMatchObject({ actor: 'owner@shop.example', assignedTo: STAFF.email });

    // The staff member's own case comes first although it is the oldest; the owner sees newest first.
    const forStaff = (await get('/api/cases?range=all', staff)).body.items.map((c: { id: string }) => c.id);
    expect(forStaff[0]).toBe('assign-001');
    const forOwner = (await get('/api/cases?range=all')).body.items.map((c: { id: string }) => c.id);
    expect(forOwner.at(-1)).toBe('assign-001');
    expect((await get('/api/cases?range=all&assignee=me', staff)).body.items.map((c: { id: string }) => c.id)).toEqual(['assign-001']);
    expect((await get(`/api/cases?range=all&assignee=${staffId}`)).body.items.map((c: { id: string }) => c.id)).toEqual(['assign-001']);
    expect((await get('/api/cases?range=all&assignee=nobody')).body.items.map((c: { id: string }) => c.id)).not.toContain('assign-001');
    expect((await get('/api/cases?range=all&assignee=me')).body.items).toEqual([]);

    // Paging keeps "mine first" across pages.
    const page1 = (await get('/api/cases?range=all&limit=1', staff)).body;
    expect(page1.items[0].id).toBe('assign-001');
    const page2 = (await get(`/api/cases?range=all&limit=10&cursor=${page1.nextCursor}`, staff)).body;
    expect(page2.items.map((c: { id: string }) => c.id)).not.toContain('assign-001');
    expect(page2.items).toHaveLength(forStaff.length - 1);

    const bad = await send('/api/cases/assign-001/assignee', { assignee: 'no-such-account' });
    expect(bad).toEqual({ status: 400, body: { problems: ['assignee: no account has the id "no-such-account"; give one of GET /api/cases/assignees, or "" for nobody'] } });
    expect((await send('/api/cases/assign-001/assignee', {})).body.problems).toEqual(['assignee: give an account id from GET /api/cases/assignees, or "" for nobody']);
    expect((await send('/api/cases/nothing/assignee', { assignee: staffId })).status).toBe(404);
    const cleared = await send('/api/cases/assign-001/assignee', { assignee: '' });
    expect(cleared.body.assignee).toBeUndefined();
    expect(cleared.body.events.at(-1)).toMatchObject({ assignedTo: '' });
  });

  it('counts new cases (open, nobody has them) beside the inbox in the menu, in each language', async () => {
    const count = async (lang: 'en' | 'th') => {
      const page = (await collector.app.request('/dashboard', { headers: { cookie: `${owner}; hearback_lang=${lang}` } })).text();
      return (await page).match(/<span class="nav-count" data-testid="nav-count">([^<]*)<span class="sr-only"> ([^<]*)<\/span>/)?.slice(1);
    };
    const open = (await get('/api/cases?range=all&state=open&assignee=nobody&limit=100')).body.items.length;
    expect(open).toBeGreaterThan(0);
    expect(await count('en')).toEqual([String(open), 'new cases']);
    expect(await count('th')).toEqual([String(open), 'เคสใหม่']);
    const id = (await get('/api/cases?range=all&state=open&assignee=nobody')).body.items[0].id;
    await send(`/api/cases/${id}/assignee`, { assignee: staffId });
    expect(await count('en')).toEqual([String(open - 1), 'new cases']);
  });

  it('is due 48 hours after the answer; an open case past it is overdue, a contacted one is not', async () => {
    clock = new Date('2026-12-01T03:00:00.000Z');
    expect((await post(answer({ id: 'due-0001', type: 'csat', score: 2, scale: [1, 5], answeredAt: '2026-12-01T02:30:00.000Z' }))).status).toBe(201);
    expect((await post(answer({ id: 'due-0002', type: 'csat', score: 2, scale: [1, 5], answeredAt: '2026-12-01T02:30:00.000Z' }))).status).toBe(201);
    expect((await get('/api/cases/due-0001')).body).toMatchObject({ dueAt: '2026-12-03T02:30:00.000Z', overdue: false });
    await send('/api/cases/due-0002/state', { state: 'contacted' });
    clock = new Date('2026-12-03T02:30:00.000Z');
    expect((await get('/api/cases/due-0001')).body.overdue).toBe(true);
    expect((await get('/api/cases/due-0002')).body.overdue).toBe(false);
    const figures = (await get('/api/cases/figures?range=all')).body;
    const openOverdue = (await get('/api/cases?range=all&state=open&limit=100')).body.items.filter((c: { overdue: boolean }) => c.overdue).length;
    expect(figures.overdue).toBe(openOverdue);
    expect(figures.overdue).toBeGreaterThan(0);
  });

  it('alerts once when a case goes overdue, naming the due time, who has it and how to reach the customer; never again', async () => {
    clock = new Date('2026-12-05T00:00:00.000Z');
    expect((await post(answer({ id: 'late-0001', type: 'nps', score: 0, scale: [0, 10], answeredAt: '2026-12-05T00:00:00.000Z', contact: true, contactVia: { phone: '081-234-5678' } }))).status).toBe(201);
    await send('/api/cases/late-0001/assignee', { assignee: staffId });
    await collector.alerts.worker.tick();
    const before = slack.requests.length;
    expect(slackTexts().filter((m) => m.text.startsWith('New answer') && JSON.stringify(m.blocks).includes('081-234-5678'))).toHaveLength(1);

    clock = new Date('2026-12-06T23:59:00.000Z');
    await collector.alerts.worker.tick();
    expect(slack.requests.length).toBe(before);

    clock = new Date('2026-12-07T00:00:00.000Z');
    await collector.alerts.worker.tick();
    const overdue = slackTexts().slice(before).filter((m) => JSON.stringify(m.blocks).includes('081-234-5678'));
    expect(overdue.map((m) => m.text)).toEqual(['Overdue: nobody has contacted this customer yet: NPS 0/10 · detractor']);
    const fields = JSON.stringify(overdue[0].blocks);
    expect(fields).toContain('*Due*\\n7 Dec 2026, 07:00');
    expect(fields).toContain(`*Assigned to*\\n${STAFF.email}`);
    expect(fields).toContain('*Reach them by*\\nPhone 081-234-5678');

    // Reopened after being contacted, or later ticks: no second overdue alert for the case.
    await send('/api/cases/late-0001/state', { state: 'contacted' });
    await send('/api/cases/late-0001/state', { state: 'open' });
    clock = new Date('2026-12-09T00:00:00.000Z');
    await collector.alerts.worker.tick();
    await collector.alerts.worker.tick();
    expect(slackTexts().filter((m) => m.text.startsWith('Overdue') && JSON.stringify(m.blocks).includes('081-234-5678'))).toHaveLength(1);
  });

  it('an answer that arrives after its due time gets its answer alert only, not a second "overdue" one', async () => {
    clock = new Date('2026-12-10T00:00:00.000Z');
    await collector.alerts.worker.tick();
    const before = slack.requests.length;
    expect((await post(answer({ id: 'offline-1', type: 'csat', score: 1, scale: [1, 5], answeredAt: '2026-12-05T00:00:00.000Z', comment: 'kept offline for days' }))).status).toBe(201);
    expect((await get('/api/cases/offline-1')).body.overdue).toBe(true);
    await collector.alerts.worker.tick();
    await collector.alerts.worker.tick();
    expect(slackTexts().slice(before).map((m) => m.text)).toEqual(['New answer to look at: CSAT 1/5 · detractor']);
  });
});
