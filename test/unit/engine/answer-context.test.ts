import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEngine } from '../../../src/engine/create';
import { createFakeParts } from './fake-parts';

const endpoint = 'https://example.com/feedback';
const surveys = [{ id: 'after-checkout', type: 'csat' as const, trigger: { event: 'checkout' }, question: 'How was order {orderId}?' }];
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  vi.stubGlobal('location', { href: 'https://shop.example/done' });
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

async function answerOnce(fake: ReturnType<typeof createFakeParts>) {
  await fake.request!.onScore(4);
  return [...fake.stored.values()].at(-1)!.answer;
}

describe("an answer's context", () => {
  it("the opening event's props go over options.context, and fill the placeholders", async () => {
    const fake = createFakeParts();
    createEngine({ endpoint, surveys, context: { touchpoint: 'web', branch: 'HQ' } }, fake.parts);
    fake.fire({ id: 'after-checkout', type: 'csat' }, 'event', { context: { orderId: 'A17', branch: 'Siam' } });
    await tick();
    expect(fake.request!.values).toMatchObject({ orderId: 'A17', branch: 'Siam' });
    expect((await answerOnce(fake)).context).toEqual({ touchpoint: 'web', branch: 'Siam', orderId: 'A17' });
  });

  it("show(id, { context }) does the same, and its context is not a survey field", async () => {
    const fake = createFakeParts();
    const hb = createEngine({ endpoint, surveys, context: { touchpoint: 'web' } }, fake.parts);
    expect(await hb.show('after-checkout', { context: { orderId: 'B2', fn: () => 1 } as never })).toBe(true);
    expect((await answerOnce(fake)).context).toEqual({ touchpoint: 'web', orderId: 'B2' });
    expect(console.warn).toHaveBeenCalledWith(
      'hearback: show("after-checkout") context: left out fn (not plain data: only strings, numbers, booleans, null, lists and plain objects go into an answer)',
    );
    expect(console.error).not.toHaveBeenCalled();
  });

  it('an event context that would take the answer over its bounds is left out, with a warning', async () => {
    const fake = createFakeParts();
    createEngine({ endpoint, surveys, context: { note: 'x'.repeat(3000) } }, fake.parts);
    fake.fire({ id: 'after-checkout', type: 'csat' }, 'event', { context: { more: 'y'.repeat(2000) } });
    await tick();
    expect((await answerOnce(fake)).context).toEqual({ note: 'x'.repeat(3000) });
    expect(console.warn).toHaveBeenCalledWith(
      "hearback: the event's context is not attached to the answer: with options.context it must be at most 4,096 bytes as JSON (is 5,021)",
    );
  });

  it('options.context and options.user over the bounds are reported at init', () => {
    const fake = createFakeParts();
    createEngine({ endpoint, context: { a: { b: { c: { d: { e: { f: 1 } } } } } }, user: { blob: 'z'.repeat(5000) } }, fake.parts);
    expect(console.error).toHaveBeenCalledWith(expect.stringMatching(/^hearback: context must be nested at most 5 levels deep \(got /));
    expect(console.error).toHaveBeenCalledWith(expect.stringMatching(/^hearback: user must be at most 4,096 bytes as JSON \(is 5,011\) \(got /));
  });

  it('identify keeps plain traits and refuses traits that make the user too big', async () => {
    const fake = createFakeParts();
    const hb = createEngine({ endpoint, surveys }, fake.parts);
    hb.identify('u-1', { plan: 'pro', el: Symbol('x') } as never);
    hb.identify('u-2', { blob: 'z'.repeat(5000) });
    await hb.show('csat');
    expect((await answerOnce(fake)).user).toEqual({ plan: 'pro', id: 'u-2' });
    expect(console.warn).toHaveBeenCalledWith(expect.stringMatching(/^hearback: identify\("u-2"\) traits not attached to the answer: it must be at most 4,096 bytes/));
  });
});
