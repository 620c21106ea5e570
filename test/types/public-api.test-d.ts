// Compile-time tests of the public API (checked by `tsc --noEmit`, the typecheck step of npm test).
import { expectTypeOf } from 'vitest';
import { init, type Answer, type Hearback, type HearbackOptions, type OutboxStatus } from '../../src/index';
import type { HearbackCommandFunction } from '../../src/engine/command';
import { ces, csat, hashAnswerKey, nps, parseAnswer } from '../../src/receiver';

// init takes options with a required endpoint and returns the instance.
expectTypeOf(init).parameter(0).toEqualTypeOf<HearbackOptions>();
expectTypeOf(init).returns.toEqualTypeOf<Hearback>();
// @ts-expect-error endpoint is required
init({ surveys: [] });
// @ts-expect-error survey type must be nps | csat | ces
init({ endpoint: 'https://e.com', surveys: [{ id: 'a', type: 'stars' }] });
init({ endpoint: 'https://e.com', surveys: [{ id: 'a', type: 'csat', trigger: { event: 'checkout', delay: 5 }, followUp: { detractor: 'Sorry!' } }] });

declare const hb: Hearback;
expectTypeOf(hb.show('nps')).toEqualTypeOf<Promise<boolean>>();
expectTypeOf(hb.show('after-checkout', { context: { orderId: 'A17' }, question: 'How was order {orderId}?' })).toEqualTypeOf<Promise<boolean>>();
hb.track('checkout', { orderId: 'A17', branch: 'Siam' });
expectTypeOf(hb.flush()).toEqualTypeOf<Promise<void>>();
expectTypeOf(hb.status()).toEqualTypeOf<OutboxStatus>();
hb.on('sent', (detail) => expectTypeOf(detail).toEqualTypeOf<{ id: string; survey: string; status: number }>());
hb.on('answer', (detail) => expectTypeOf(detail.answer).toEqualTypeOf<Answer>());
// @ts-expect-error no such event
hb.on('clicked', () => undefined);

// The command function's overloads: results where a command has one.
declare const hearback: HearbackCommandFunction;
expectTypeOf(hearback('show', 'nps')).toEqualTypeOf<Promise<boolean>>();
expectTypeOf(hearback('flush')).toEqualTypeOf<Promise<void>>();
expectTypeOf(hearback('status')).toEqualTypeOf<Promise<OutboxStatus>>();
expectTypeOf(hearback('track', 'checkout')).toEqualTypeOf<void>();
hearback('init', { endpoint: 'https://e.com' });
// @ts-expect-error init needs options
hearback('init');
// @ts-expect-error unknown command
hearback('launch');

// The receiver kit.
const parsed = parseAnswer('{}', { now: new Date() });
if (parsed.ok) expectTypeOf(parsed.answer).toEqualTypeOf<Answer>();
else expectTypeOf(parsed.problems).toEqualTypeOf<string[]>();
if (parsed.ok) expectTypeOf(parsed.answer.key).toEqualTypeOf<string | undefined>();
expectTypeOf(hashAnswerKey('q3Xk0v_2-Lm9Zt7RbY1cWdEa')).toEqualTypeOf<Promise<string>>();
expectTypeOf(nps([]).score).toEqualTypeOf<number | null>();
expectTypeOf(csat).toBeFunction();
expectTypeOf(ces([]).easyShare).toEqualTypeOf<number | null>();
