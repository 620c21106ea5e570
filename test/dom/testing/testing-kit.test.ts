import 'fake-indexeddb/auto';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { init } from '../../../src/index';
import { answerPrompt, createTestReceiver } from '../../../src/testing';

const endpoint = 'https://collector.test/api/responses';
const receiver = createTestReceiver(endpoint);
const server = setupServer(...receiver.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => receiver.reset());
afterAll(() => server.close());

describe('hearback/testing', () => {
  it('answers a real prompt and records exactly what a receiver gets', async () => {
    const hb = init({ endpoint, context: { orderId: 'A17' }, surveys: [{ id: 'after-checkout', type: 'csat', reasons: ['Delivery', 'Price'] }] });
    const sent = new Promise((resolve) => hb.on('sent', resolve));
    expect(await hb.show('after-checkout')).toBe(true);
    const thanks = await answerPrompt({ score: 2, comment: 'Box was crushed', reasons: ['Delivery'] });
    expect(thanks).toMatch(/thank/i);
    await hb.flush();
    await sent;
    expect(receiver.answers).toHaveLength(1);
    expect(receiver.answers[0]).toMatchObject({ v: 1, survey: 'after-checkout', type: 'csat', score: 2, comment: 'Box was crushed', reasons: ['Delivery'], context: { orderId: 'A17' } });
    hb.destroy();
  });

  it('deduplicates on id like a production receiver, and rejects bad bodies with readable problems', async () => {
    const body = JSON.stringify({ v: 1, id: '3b0c5e9e-8d7c-4c8e-9d0a-1f2e3d4c5b6a', survey: 's', type: 'nps', score: 9, scale: [0, 10], locale: 'en', url: 'https://x.test/', answeredAt: '2026-11-23T10:00:00.000Z', sdk: 'hearback/0.1.0' });
    const post = (text: string) => fetch(endpoint, { method: 'POST', body: text, headers: { 'content-type': 'text/plain;charset=UTF-8' } });
    expect((await post(body)).status).toBe(201);
    expect((await post(body)).status).toBe(200);
    const bad = await post(JSON.stringify({ ...JSON.parse(body), score: 12 }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ problems: ['score must lie within scale (got 12)'] });
    expect(receiver.answers).toHaveLength(1);
    expect(receiver.requests).toHaveLength(3);
  });

  it('a repeat adds the follow-up only with the answer\'s key, and never changes the score', async () => {
    const key = 'q3Xk0v_2-Lm9Zt7RbY1cWdEa';
    const first = { v: 1, id: '3b0c5e9e-8d7c-4c8e-9d0a-1f2e3d4c5b6b', key, survey: 's', type: 'nps', score: 9, scale: [0, 10], locale: 'en', url: 'https://x.test/', answeredAt: '2026-11-23T10:00:00.000Z', sdk: 'hearback/0.1.0' };
    const post = async (body: object) => (await fetch(endpoint, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'text/plain;charset=UTF-8' } })).json();
    expect(await post(first)).toEqual({ id: first.id });
    expect(await post({ ...first, key: undefined, comment: 'forged', score: 0 })).toEqual({ duplicate: true });
    expect(await post({ ...first, key: 'another-key-0123456789AB', comment: 'forged' })).toEqual({ duplicate: true });
    expect(await post({ ...first, score: 0, comment: 'fast', reasons: ['Delivery'] })).toEqual({ duplicate: true, completed: true });
    expect(receiver.answers).toEqual([{ ...first, comment: 'fast', reasons: ['Delivery'] }]);
  });

  it('a repeat with the key adds how to reach the customer (contactVia), once; without the key nothing', async () => {
    const key = 'q3Xk0v_2-Lm9Zt7RbY1cWdEc';
    const first = { v: 1, id: '3b0c5e9e-8d7c-4c8e-9d0a-1f2e3d4c5b6c', key, survey: 's', type: 'csat', score: 2, scale: [1, 5], locale: 'th', url: 'https://x.test/', answeredAt: '2026-11-23T10:00:00.000Z', sdk: 'hearback/0.1.0' };
    const post = async (body: object) => (await fetch(endpoint, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'text/plain;charset=UTF-8' } })).json();
    expect(await post(first)).toEqual({ id: first.id });
    expect(await post({ ...first, key: undefined, contact: true, contactVia: { phone: '000' } })).toMatchObject({ problems: [expect.stringContaining('contactVia.phone')] });
    expect(await post({ ...first, key: undefined, contact: true, contactVia: { email: 'forged@example.com' } })).toEqual({ duplicate: true });
    expect(await post({ ...first, contact: true, contactVia: { phone: '081-234-5678', line: 'somchai.k' } })).toEqual({ duplicate: true, completed: true });
    expect(await post({ ...first, contact: true, contactVia: { email: 'later@example.com' } })).toEqual({ duplicate: true });
    expect(receiver.answers).toEqual([{ ...first, contact: true, contactVia: { phone: '081-234-5678', line: 'somchai.k' } }]);
  });

  it('failNext makes the SDK retry, and the answer still arrives once', { timeout: 15_000 }, async () => {
    receiver.failNext(1, 503);
    const hb = init({ endpoint, surveys: [{ id: 'n', type: 'nps', followUp: false }] });
    await hb.show('n');
    await answerPrompt({ score: 10 });
    const sent = new Promise((resolve) => hb.on('sent', resolve));
    await hb.flush();
    expect(receiver.answers).toHaveLength(0);
    expect(hb.status()).toMatchObject({ pending: 1, lastError: expect.stringContaining('503') });
    await sent; // the retry, about a second later
    expect(receiver.answers).toHaveLength(1);
    expect(receiver.requests).toHaveLength(2);
    expect(hb.status().pending).toBe(0);
    hb.destroy();
  });
});
