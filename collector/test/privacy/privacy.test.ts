import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { migrate } from '../../src/db/migrate';
import type { Database } from '../../src/db/database';
import { openTestDatabase } from '../harness';
import { createAnswerEraser } from '../../src/privacy/erase-answers';
import { createAnswerExporter } from '../../src/privacy/export-answers';
import { parseSelector } from '../../src/privacy/answer-selector';
import { createRetention, startRetentionJob } from '../../src/privacy/retention';

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  await migrate(db);
  // A feature table derived from answers, referencing them as every such table must.
  await db.exec(`CREATE TABLE derived_from_answers (answer_id text NOT NULL REFERENCES responses (id) ON DELETE CASCADE, note text)`);
}, 60_000);
afterAll(() => db.close());
beforeEach(() => db.exec('DELETE FROM responses'));

/** `user`: a user id (string), or the whole `user` object the site passed. */
async function store(id: string, { user, receivedAt = new Date() }: { user?: string | Record<string, unknown>; receivedAt?: Date } = {}) {
  const userData = typeof user === 'string' ? { id: user, tier: 'gold' } : user;
  const answer = { v: 1, id, survey: 'after-checkout', type: 'csat', score: 2, scale: [1, 5], comment: 'ช้ามาก', locale: 'th', url: 'https://shop.example/done',
    answeredAt: receivedAt.toISOString(), ...(userData ? { user: userData } : {}), context: { orderId: `A-${id}` }, sdk: 'hearback/0.1.0' };
  // As the answer store writes it: `user_id` holds string ids only.
  await db.query(
    `INSERT INTO responses (id, survey, type, score, scale_min, scale_max, comment, locale, url, answered_at, received_at, user_id, user_data, context, sdk, payload)
     VALUES ($1, 'after-checkout', 'csat', 2, 1, 5, 'ช้ามาก', 'th', $2, $3, $3, $4, $5, $6, 'hearback/0.1.0', $7)`,
    [id, answer.url, receivedAt.toISOString(), typeof userData?.id === 'string' ? userData.id : null, userData ? JSON.stringify(userData) : null, JSON.stringify(answer.context), JSON.stringify(answer)],
  );
  await db.query('INSERT INTO derived_from_answers (answer_id, note) VALUES ($1, $2)', [id, 'call back']);
}
const ids = async (table = 'responses', column = 'id') => (await db.query(`SELECT ${column} AS id FROM ${table} ORDER BY 1`)).rows.map((r) => r.id);

describe('selectors', () => {
  test('one of user, email or answer, a short string (a user id may be a JSON number)', () => {
    expect(parseSelector({ user: 'u-1' })).toEqual({ ok: true, selector: { user: 'u-1' } });
    expect(parseSelector({ email: 'somchai@shop.example' })).toEqual({ ok: true, selector: { email: 'somchai@shop.example' } });
    expect(parseSelector({ answer: 'a-1' })).toEqual({ ok: true, selector: { answer: 'a-1' } });
    expect(parseSelector({ user: 42 })).toEqual({ ok: true, selector: { user: '42' } });
    expect(parseSelector({})).toEqual({ ok: false, problems: ['give user (a user id), email (a user email) or answer (an answer id)'] });
    expect(parseSelector({ user: 'u', answer: 'a' })).toEqual({ ok: false, problems: ['give only one of user, email and answer'] });
    expect(parseSelector({ email: 'a@b.example', user: 'u' })).toEqual({ ok: false, problems: ['give only one of user, email and answer'] });
    expect(parseSelector({ answer: 42 })).toEqual({ ok: false, problems: ['answer must be a string (got number)'] });
    expect(parseSelector({ user: '   ' })).toEqual({ ok: false, problems: ['user must not be blank'] });
    expect(parseSelector({ answer: 'x'.repeat(201) })).toEqual({ ok: false, problems: ['answer must be at most 200 characters (got 201)'] });
  });
});

describe('erase', () => {
  test('one person: every answer of theirs and what was derived from them, nobody else', async () => {
    await store('a1', { user: 'u-1' });
    await store('a2', { user: 'u-1' });
    await store('a3', { user: 'u-2' });
    await store('a4');
    const erased = await createAnswerEraser({ db })({ user: 'u-1' });
    expect(erased).toEqual({ about: 'user u-1', answers: ['a1', 'a2'] });
    expect(await ids()).toEqual(['a3', 'a4']);
    expect(await ids('derived_from_answers', 'answer_id')).toEqual(['a3', 'a4']);
  });

  test('a user id the site passed as a JSON number (42) is found by "42", and only it', async () => {
    await store('n1', { user: { id: 42, plan: 'pro' } });
    await store('n2', { user: { id: '42' } });
    await store('n3', { user: { id: 420 } });
    await store('n4', { user: { id: 'u-42' } });
    const erased = await createAnswerEraser({ db })({ user: '42' });
    expect(erased).toEqual({ about: 'user 42', answers: ['n1', 'n2'] });
    expect(await ids()).toEqual(['n3', 'n4']);
  });

  test('one person by the user.email the site passed, whatever its case', async () => {
    await store('e1', { user: { email: 'Somchai@Shop.example', name: 'Somchai' } });
    await store('e2', { user: { id: 'u-9', email: 'somchai@shop.example' } });
    await store('e3', { user: { email: 'somsri@shop.example' } });
    await store('e4', { user: { id: 'somchai@shop.example' } });
    const erased = await createAnswerEraser({ db })({ email: 'SOMCHAI@shop.example' });
    expect(erased).toEqual({ about: 'email SOMCHAI@shop.example', answers: ['e1', 'e2'] });
    expect(await ids()).toEqual(['e3', 'e4']);
  });

  test('one answer, by its id; an unknown id erases nothing', async () => {
    await store('a1', { user: 'u-1' });
    await store('a2');
    const erase = createAnswerEraser({ db });
    expect(await erase({ answer: 'a2' })).toEqual({ about: 'answer a2', answers: ['a2'] });
    expect(await erase({ answer: 'nope' })).toEqual({ about: 'answer nope', answers: [] });
    expect(await ids()).toEqual(['a1']);
  });
});

describe('export', () => {
  test("one person's answers as received, oldest first, and nobody else's", async () => {
    await store('a2', { user: 'u-1', receivedAt: new Date('2026-11-20T10:00:00Z') });
    await store('a1', { user: 'u-1', receivedAt: new Date('2026-11-10T10:00:00Z') });
    await store('a3', { user: 'u-2' });
    const exported = await createAnswerExporter({ db, now: () => new Date('2026-11-30T00:00:00Z') })({ user: 'u-1' });
    expect(exported.about).toBe('user u-1');
    expect(exported.exportedAt).toBe('2026-11-30T00:00:00.000Z');
    expect(exported.answers.map((a) => a.answer.id)).toEqual(['a1', 'a2']);
    expect(exported.answers[0]).toEqual({
      receivedAt: '2026-11-10T10:00:00.000Z',
      answer: expect.objectContaining({ id: 'a1', comment: 'ช้ามาก', user: { id: 'u-1', tier: 'gold' }, context: { orderId: 'A-a1' } }),
    });
  });
});

describe('export by a numeric user id and by email', () => {
  test('finds what erase finds: answers whose user.id was the number 42, answers by user.email', async () => {
    await store('n1', { user: { id: 42 } });
    await store('e1', { user: { email: 'Somchai@Shop.example' } });
    await store('x1', { user: { id: 'u-1' } });
    const exportAnswers = createAnswerExporter({ db });
    expect((await exportAnswers({ user: '42' })).answers.map((a) => a.answer)).toEqual([expect.objectContaining({ id: 'n1', user: { id: 42 } })]);
    expect((await exportAnswers({ email: 'somchai@shop.example' })).answers.map((a) => a.answer.id)).toEqual(['e1']);
  });
});

describe('retention', () => {
  const day = 86_400_000;
  const now = new Date('2026-11-30T12:00:00Z');

  test('deletes answers received more than N days ago, in bounded batches, derived rows too', async () => {
    for (let i = 0; i < 7; i++) await store(`old-${i}`, { receivedAt: new Date(now.getTime() - (31 + i) * day) });
    await store('edge', { receivedAt: new Date(now.getTime() - 29 * day) });
    await store('new', { receivedAt: now });
    const deleteExpired = createRetention({ db, days: 30, now: () => now, batchSize: 3, maxBatches: 2 });
    expect(await deleteExpired()).toEqual({ deleted: 6, before: '2026-10-31T12:00:00.000Z', more: true });
    expect(await deleteExpired()).toEqual({ deleted: 1, before: '2026-10-31T12:00:00.000Z', more: false });
    expect(await ids()).toEqual(['edge', 'new']);
    expect(await ids('derived_from_answers', 'answer_id')).toEqual(['edge', 'new']);
  });

  test('the clock moves on: what was kept yesterday expires today', async () => {
    await store('a', { receivedAt: new Date(now.getTime() - 29.5 * day) });
    let clock = now;
    const deleteExpired = createRetention({ db, days: 30, now: () => clock });
    expect((await deleteExpired()).deleted).toBe(0);
    clock = new Date(now.getTime() + day);
    expect((await deleteExpired()).deleted).toBe(1);
  });

  test('the job runs on start, again right away while a run stops at its batch limit, and stops cleanly', async () => {
    for (let i = 0; i < 5; i++) await store(`old-${i}`, { receivedAt: new Date(now.getTime() - 40 * day) });
    const lines: Record<string, unknown>[] = [];
    const deleteExpired = createRetention({ db, days: 30, now: () => now, batchSize: 2, maxBatches: 1 });
    const job = startRetentionJob({ deleteExpired, everyMs: 60_000, log: { info: (fields) => lines.push(fields), error: (message) => lines.push({ message }) } });
    await job.firstRun();
    await expect.poll(() => ids(), { timeout: 5000 }).toEqual([]);
    await job.stop();
    expect(lines.map((line) => line.deleted)).toEqual([2, 2, 1]);
  });
});
