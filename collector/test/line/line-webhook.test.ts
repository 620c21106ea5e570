// LINE's webhook: only LINE's signature of the exact body gets in; an event LINE delivers again is
// handled once. Against a local fake of LINE's API, on PGlite (or DATABASE_URL's PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKind } from '../harness';
import { CHANNEL_SECRET, CHANNEL_TOKEN, events, startLineCollector, type LineCollector } from './line-fixture';

describe(`LINE webhook signature and redelivery (${databaseKind})`, () => {
  let app: LineCollector;
  const handled = async () => Number((await app.db.query<{ n: string | number }>('SELECT count(*) AS n FROM line_webhook_events')).rows[0].n);

  beforeAll(async () => {
    app = await startLineCollector({ config: { lineChannelSecret: CHANNEL_SECRET, lineChannelToken: CHANNEL_TOKEN } });
    await app.form('/links/surveys', { id: 'chat', type: 'csat' });
    expect((await app.form('/line', { surveyId: 'chat', keywordTh: 'ให้คะแนน', keywordEn: 'rate us' })).status).toBe(303);
  }, 60_000);
  afterAll(() => app?.close());

  it('answers 401 and changes nothing for a missing, wrong or other-secret signature, or a body changed after signing', async () => {
    const keyword = events.text('ให้คะแนน');
    const refused = [
      await app.webhook([keyword], { signature: null }),
      await app.webhook([keyword], { signature: 'bm90IGEgc2lnbmF0dXJl' }),
      await app.webhook([keyword], { secret: 'ffffffffffffffffffffffffffffffff' }),
      await app.webhook([keyword], { tamper: (body) => body.replace('ให้คะแนน', 'rate us') }),
    ];
    for (const response of refused) {
      expect(response.status).toBe(401);
      expect((await response.json()).problems[0]).toMatch(/X-Line-Signature/);
    }
    expect(app.line.replies).toHaveLength(0);
    expect(await handled()).toBe(0);
  });

  it('takes a correctly signed call, and LINE\'s console check (no events)', async () => {
    expect((await app.webhook([])).status).toBe(200);
    const response = await app.webhook([events.text('ให้คะแนน')]);
    expect(response.status).toBe(200);
    expect(app.line.replies).toHaveLength(1);
  });

  it('handles a redelivered event once', async () => {
    const keyword = events.text('rate us');
    const before = app.line.replies.length;
    expect((await app.webhook([keyword])).status).toBe(200);
    expect((await app.webhook([events.redelivered(keyword)])).status).toBe(200);
    expect(app.line.replies.length - before).toBe(1);
    expect((await app.db.query('SELECT id FROM line_asks WHERE locale = $1', ['en'])).rows).toHaveLength(1);
  });

  it('refuses an unsigned body over the size limit without reading it, and non-JSON with 400 after the signature', async () => {
    const big = await app.request('/api/line/webhook', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(300 * 1024) }, body: 'x'.repeat(300 * 1024) });
    expect(big.status).toBe(413);
    const { lineSignature } = await import('../../src/line/line-signature');
    const bad = await app.request('/api/line/webhook', { method: 'POST', headers: { 'x-line-signature': lineSignature('{not json', CHANNEL_SECRET) }, body: '{not json' });
    expect(bad.status).toBe(400);
  });
});
