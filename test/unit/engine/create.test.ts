import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEngine } from '../../../src/engine/create';
import { createFakeParts } from './fake-parts';

const endpoint = 'https://example.com/feedback';
const surveys = [{ id: 'after-checkout', type: 'csat' as const, trigger: { event: 'checkout' } }];
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  vi.stubGlobal('location', { href: 'https://shop.example/done?token=1' });
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('engine', () => {
  it('score then comment become one answer with one id, stored before thanks', async () => {
    const fake = createFakeParts();
    const hb = createEngine({ endpoint, surveys, context: { orderId: 'A17' } }, fake.parts);
    const events: string[] = [];
    for (const name of ['show', 'answer', 'queued', 'dismiss'] as const) hb.on(name, () => events.push(name));
    expect(await hb.show('after-checkout')).toBe(true);
    await fake.request!.onScore(5);
    const [id] = [...fake.stored.keys()];
    expect(fake.stored.get(id)).toMatchObject({ held: true, answer: { score: 5, survey: 'after-checkout', url: 'https://shop.example/done', context: { orderId: 'A17' } } });
    // The comment amends the score under the answer's own secret: a receiver accepts it only with the same key.
    const { key } = fake.stored.get(id)!.answer;
    expect(key).toMatch(/^[A-Za-z0-9_-]{24}$/);
    await fake.request!.onComplete({ comment: 'fast', reasons: ['Delivery'] });
    expect(fake.stored.size).toBe(1);
    expect(fake.stored.get(id)).toMatchObject({ held: false, answer: { id, key, score: 5, comment: 'fast', reasons: ['Delivery'] } });
    fake.request!.onClose('done');
    expect(events).toEqual(['show', 'queued', 'answer']);
  });

  it('a score without a comment is still released and reported when the visitor leaves', async () => {
    const fake = createFakeParts();
    const hb = createEngine({ endpoint, surveys }, fake.parts);
    const answers: unknown[] = [];
    const dismissals: unknown[] = [];
    hb.on('answer', (detail) => answers.push(detail.answer.score));
    hb.on('dismiss', (detail) => dismissals.push(detail));
    await hb.show('nps');
    await fake.request!.onScore(3);
    fake.request!.onClose('dismiss');
    expect([...fake.stored.values()][0].held).toBe(false);
    expect(answers).toEqual([3]);
    expect(dismissals).toEqual([{ survey: 'nps', answered: true }]);
    expect(fake.log).not.toContain('dismissed nps');
  });

  it('surveysUrl: triggers start with the published surveys (inline ones win by id); events tracked meanwhile still count', async () => {
    const fake = createFakeParts();
    const hb = createEngine({ endpoint, surveys, surveysUrl: 'https://app.example/api/surveys.json' }, fake.parts);
    hb.track('checkout');
    expect(fake.triggered).toEqual([]);
    expect(fake.tracked).toEqual([]);
    fake.publish([
      { id: 'after-checkout', type: 'nps', question: 'published, but the page defines this id' },
      { id: 'after-support', type: 'ces', question: 'How easy was that?' },
    ]);
    await tick();
    expect(fake.triggered).toHaveLength(1);
    expect(fake.triggered[0].map((s) => [s.id, s.type])).toEqual([['after-checkout', 'csat'], ['after-support', 'ces']]);
    expect(fake.tracked).toEqual(['checkout']);
    expect(await hb.show('after-support')).toBe(true);
    expect(fake.request!.survey.question).toBe('How easy was that?');
  });

  it('without surveysUrl nothing is read and the triggers start at once', () => {
    const fake = createFakeParts();
    createEngine({ endpoint, surveys }, fake.parts);
    expect(fake.triggered).toEqual([[expect.objectContaining({ id: 'after-checkout' })]]);
  });

  it('triggers go through the rules; a refusal shows nothing', async () => {
    const fake = createFakeParts({ allow: false });
    createEngine({ endpoint, surveys }, fake.parts);
    fake.fire({ id: 'after-checkout', type: 'csat' }, 'event');
    await tick();
    expect(fake.request).toBeUndefined();
  });

  it('a prompt whose code cannot load stays due: nothing shows or throws, and it shows with its context when the browser is back online', async () => {
    const page = new EventTarget();
    vi.stubGlobal('window', page);
    const fake = createFakeParts();
    const hb = createEngine({ endpoint, surveys }, fake.parts);
    fake.prompt.available = false;
    fake.fire({ id: 'after-checkout', type: 'csat' }, 'event', { context: { orderId: 'A17' } });
    await tick();
    expect(fake.request).toBeUndefined();
    expect(await hb.show('nps')).toBe(false); // show() says so at once
    expect(console.error).not.toHaveBeenCalled();
    fake.prompt.available = true;
    page.dispatchEvent(new Event('online'));
    await tick();
    expect(fake.request?.survey.id).toBe('after-checkout');
    await fake.request!.onScore(2);
    expect([...fake.stored.values()][0].answer).toMatchObject({ survey: 'after-checkout', score: 2, context: { orderId: 'A17' } });
    expect(fake.prompt.loads).toBe(3);
    vi.unstubAllGlobals();
  });

  it('a prompt the UI could not open (its target missing, no texts) is no show event, and the rules do not count it', async () => {
    const fake = createFakeParts({ opens: false });
    const hb = createEngine({ endpoint, surveys }, fake.parts);
    const shown: string[] = [];
    hb.on('show', (detail) => shown.push(detail.survey));
    expect(await hb.show('after-checkout')).toBe(false);
    expect(shown).toEqual([]);
    expect(fake.log.filter((line) => line.startsWith('shown '))).toEqual([]);
  });

  it('never opens two prompts at once', async () => {
    const fake = createFakeParts();
    const hb = createEngine({ endpoint, surveys }, fake.parts);
    const shown: string[] = [];
    hb.on('show', (detail) => shown.push(detail.survey));
    fake.fire({ id: 'after-checkout', type: 'csat' }, 'event');
    fake.fire({ id: 'other', type: 'nps' }, 'delay');
    await tick();
    expect(shown).toEqual(['after-checkout']);
  });

  it('with consent: false nothing starts until consent(true)', async () => {
    const fake = createFakeParts();
    const hb = createEngine({ endpoint, surveys, consent: false }, fake.parts);
    expect(await hb.show('nps')).toBe(false);
    fake.runIdle();
    expect(fake.log).toEqual([]);
    hb.consent(true);
    fake.runIdle();
    expect(fake.log.slice(0, 2)).toEqual(['outbox', 'rules']);
    expect(await hb.show('nps')).toBe(true);
    hb.consent(false);
    expect(fake.request).toBeUndefined();
  });

  it('identify attaches the user to later answers and to sampling', async () => {
    const fake = createFakeParts();
    const hb = createEngine({ endpoint, surveys }, fake.parts);
    hb.identify('u-42', { plan: 'pro' });
    await hb.show('csat');
    expect(fake.log).toContain('identify u-42');
    await fake.request!.onScore(4);
    expect([...fake.stored.values()][0].answer.user).toEqual({ plan: 'pro', id: 'u-42' });
  });

  it('show() with overrides is validated; unknown ids are reported, not thrown', async () => {
    const fake = createFakeParts();
    const hb = createEngine({ endpoint, surveys }, fake.parts);
    expect(await hb.show('nope')).toBe(false);
    expect(console.error).toHaveBeenCalledWith('hearback: show: no survey "nope"; configured: after-checkout; built-in: nps, csat, ces');
    expect(await hb.show('nps', { mode: 'fullscreen' } as never)).toBe(false);
    expect(await hb.show('nps', { question: 'Would you recommend {product}?' })).toBe(true);
    expect(fake.request!.survey.question).toBe('Would you recommend {product}?');
  });

  it('a throwing event handler cannot break delivery or the page', async () => {
    const fake = createFakeParts();
    const hb = createEngine({ endpoint, surveys }, fake.parts);
    hb.on('queued', () => { throw new Error('host bug'); });
    await hb.show('nps');
    await expect(fake.request!.onScore(10)).resolves.toBeUndefined();
    expect(fake.stored.size).toBe(1);
    expect(console.error).toHaveBeenCalledWith('hearback: a "queued" handler threw: Error: host bug');
  });

  it('bad options give an inert instance that never throws and makes no request', async () => {
    const fake = createFakeParts();
    const hb = createEngine({ endpoint: 'javascript:alert(1)' }, fake.parts);
    expect(console.error).toHaveBeenCalledWith('hearback: endpoint must be an https URL (http only for localhost or 127.0.0.1) (got "javascript:alert(1)")');
    expect(await hb.show('nps')).toBe(false);
    expect(() => hb.track('checkout')).not.toThrow();
    await expect(hb.flush()).resolves.toBeUndefined();
    expect(fake.log).toEqual([]);
  });

  it('the outbox and the rules (both read IndexedDB) wait for idle time; the rules know the user identified meanwhile', () => {
    const fake = createFakeParts();
    const hb = createEngine({ endpoint, surveys }, fake.parts);
    hb.identify('u-7');
    hb.track('checkout');
    expect(fake.log).toEqual([]);
    fake.runIdle();
    expect(fake.log).toEqual(['outbox', 'rules', 'identify u-7']);
  });

  it('a trigger that fires before idle time gets its prompt at once, and its answer is stored', async () => {
    const fake = createFakeParts();
    const hb = createEngine({ endpoint, surveys }, fake.parts);
    const shown: string[] = [];
    hb.on('show', (detail) => shown.push(detail.survey));
    fake.fire({ id: 'after-checkout', type: 'csat' }, 'event');
    await tick();
    expect(shown).toEqual(['after-checkout']);
    await fake.request!.onScore(4);
    expect(fake.stored.size).toBe(1);
    fake.runIdle();
    expect(fake.log.filter((line) => line === 'outbox' || line === 'rules')).toEqual(['rules', 'outbox']);
  });

  it('flush() and status() before idle time start the outbox at once', async () => {
    const fake = createFakeParts();
    const hb = createEngine({ endpoint, surveys }, fake.parts);
    expect(hb.status()).toEqual({ pending: 0, storage: 'memory' });
    await hb.flush();
    expect(fake.log).toEqual(['outbox', 'flush']);
  });

  it('destroyed before idle time: nothing starts later', async () => {
    const fake = createFakeParts();
    const hb = createEngine({ endpoint, surveys }, fake.parts);
    hb.destroy();
    fake.runIdle();
    await hb.flush();
    expect(fake.log).toEqual(['triggers.destroy']); // the prompt's code was never needed, so never loaded
  });

  it('destroy removes the parts and ignores later calls', async () => {
    const fake = createFakeParts();
    const hb = createEngine({ endpoint, surveys }, fake.parts);
    hb.track('checkout');
    expect(fake.tracked).toEqual(['checkout']);
    fake.runIdle();
    expect(await hb.show('nps')).toBe(true);
    hb.destroy();
    expect(fake.log).toEqual(expect.arrayContaining(['triggers.destroy', 'ui.destroy', 'outbox.destroy']));
    expect(await hb.show('nps')).toBe(false);
  });

  it('debug: true logs the rules verdicts', async () => {
    const fake = createFakeParts({ allow: false });
    createEngine({ endpoint, surveys, debug: true }, fake.parts);
    fake.fire({ id: 'after-checkout', type: 'csat' }, 'event');
    await tick();
    expect(console.info).toHaveBeenCalledWith('hearback: after-checkout: decided');
  });
});
