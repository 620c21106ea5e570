// A sign-in spray — many emails from one address, or a burst from many — is stopped early and
// does not slow the answer route: failed sign-ins are limited per address across emails, and
// password hashing runs a few at a time (the rest wait briefly, then 429 with Retry-After).
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_ADDRESS_ATTEMPTS } from '../../src/auth/mount-auth';
import { createHashGate } from '../../src/auth/hash-gate';
import { answer, databaseKind, OWNER, startTestCollector, type TestCollector } from '../harness';

const json = (body: unknown) => JSON.stringify(body);
const sprayScript = fileURLToPath(new URL('../support/sign-in-spray.mjs', import.meta.url));

describe('the hash gate', () => {
  /** A hash that finishes when the test says so. */
  const held = () => {
    let finish!: () => void;
    const done = new Promise<string>((resolve) => (finish = () => resolve('hashed')));
    return { work: () => done, finish };
  };

  it('runs one hash at a time, lets a few wait their turn, and refuses the rest at once', async () => {
    const gate = createHashGate({ concurrent: 1, maxWaiting: 2, maxWaitMs: 60_000, retryAfterSeconds: 3 });
    const [a, b, c] = [held(), held(), held()];
    let running = 0;
    let most = 0;
    const counted = (work: () => Promise<string>) => async () => {
      running += 1;
      most = Math.max(most, running);
      try {
        return await work();
      } finally {
        running -= 1;
      }
    };
    const first = gate.run(counted(a.work));
    const second = gate.run(counted(b.work));
    const third = gate.run(counted(c.work));
    // The line is full: the next two are refused at once.
    expect(await gate.run(async () => 'never')).toEqual({ ok: false, retryAfterSeconds: 3 });
    expect(await gate.run(async () => 'never')).toEqual({ ok: false, retryAfterSeconds: 3 });
    a.finish();
    b.finish();
    c.finish();
    expect(await Promise.all([first, second, third])).toEqual(Array(3).fill({ ok: true, value: 'hashed' }));
    expect(most).toBe(1);
  });

  it('refuses one that waited too long, and gives the next turn to whoever is next', async () => {
    const gate = createHashGate({ concurrent: 1, maxWaiting: 4, maxWaitMs: 50, retryAfterSeconds: 2 });
    const a = held();
    const first = gate.run(a.work);
    expect(await gate.run(async () => 'never')).toEqual({ ok: false, retryAfterSeconds: 2 });
    a.finish();
    expect(await first).toEqual({ ok: true, value: 'hashed' });
    expect(await gate.run(async () => 'next')).toEqual({ ok: true, value: 'next' });
  });
});

describe(`sign-in sprays (${databaseKind})`, () => {
  let collector: TestCollector;
  const signInFrom = (address: string, email: string, password: string) => collector.request('/signin', {
    method: 'POST',
    headers: { origin: collector.origin, 'content-type': 'application/json', 'x-forwarded-for': address },
    body: json({ email, password }),
  });

  beforeAll(async () => {
    collector = await startTestCollector({ config: { trustProxy: 1, rateLimit: { limit: 0, windowSeconds: 60 } } });
  }, 60_000);
  afterAll(() => collector?.close());

  it('failed sign-ins across many emails from one address meet a 429 after the limit; its good sign-ins do not count; other addresses still sign in', async () => {
    const fail = async (i: number) => (await signInFrom('203.0.113.7', `guess-${i}@shop.example`, 'not the password')).status;
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_ADDRESS_ATTEMPTS - 5; i++) statuses.push(await fail(i));
    // A shop behind one router: its people signing in are not failures of the address.
    for (let i = 0; i < 3; i++) expect((await signInFrom('203.0.113.7', OWNER.email, OWNER.password)).status).toBe(200);
    for (let i = SIGN_IN_ADDRESS_ATTEMPTS - 5; i < 30; i++) statuses.push(await fail(i));
    expect(statuses.slice(0, SIGN_IN_ADDRESS_ATTEMPTS)).toEqual(Array(SIGN_IN_ADDRESS_ATTEMPTS).fill(401));
    expect(statuses.slice(SIGN_IN_ADDRESS_ATTEMPTS)).toEqual(Array(30 - SIGN_IN_ADDRESS_ATTEMPTS).fill(429));
    const limited = await signInFrom('203.0.113.7', 'one-more@shop.example', 'not the password');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(800);
    expect((await limited.json()).problems[0]).toMatch(/^too many sign-in attempts from this address; try again in \d+ s$/);
    expect((await signInFrom('198.51.100.9', OWNER.email, OWNER.password)).status).toBe(200);
  }, 60_000);

  it('under a burst of 100 sign-ins from 100 addresses, the answer route keeps its p95 within 2× of idle, and the owner hears back within seconds', async () => {
    const postAnswer = async () => {
      const started = performance.now();
      const response = await collector.request('/api/responses', {
        method: 'POST', headers: { 'content-type': 'text/plain', origin: collector.origin }, body: json(answer({ survey: 'spray' })),
      });
      expect(response.status).toBe(201);
      return performance.now() - started;
    };
    const p95 = (times: number[]) => [...times].sort((a, b) => a - b)[Math.ceil(times.length * 0.95) - 1];
    const measure = async (count: number) => {
      const times: number[] = [];
      for (let i = 0; i < count; i++) times.push(await postAnswer());
      return times;
    };
    await measure(10); // warm up

    // Bursts of 100 sign-ins from 100 addresses, from another process at the lowest CPU priority
    // (an attacker's machine is not this one), until told to stop (at most 20 waves per round).
    let waves = 0;
    const statuses: Record<string, number> = {};
    const startSpray = () => {
      const child = spawn(process.execPath, [sprayScript, collector.origin, '20'], { stdio: ['pipe', 'pipe', 'inherit'] });
      try {
        setPriority(child.pid!, 19);
      } catch {
        // Not allowed here: the spray then competes for the CPU, which only makes the test stricter.
      }
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      const done = new Promise<void>((resolve) => child.on('close', () => {
        const result = JSON.parse(output.trim() || '{"waves":0,"statuses":{}}') as { waves: number; statuses: Record<string, number> };
        waves += result.waves;
        for (const [status, count] of Object.entries(result.statuses)) statuses[status] = (statuses[status] ?? 0) + count;
        resolve();
      }));
      // A wave still running when told to stop may finish for up to 5 s; then the child is ended.
      const stop = async () => {
        child.stdin.end();
        const ended = setTimeout(() => child.kill('SIGKILL'), 5000);
        await done;
        clearTimeout(ended);
      };
      return { stop };
    };
    // A server that has run a while has compiled its sign-in path; so has this one, before measuring
    // (the first spray through cold code cost the answer route up to 3× for a second, every run).
    const warm = startSpray();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await warm.stop();
    await measure(10);
    // Idle and sprayed rounds alternate, so whatever else this machine is doing weighs on both alike;
    // 60 answers a round, so the one answer a wave's arrival holds up is not what the p95 reads.
    const idleTimes: number[] = [];
    const busyTimes: number[] = [];
    let ownerResult: { status: number; retryAfter: string | null; ms: number } | undefined;
    for (let round = 0; round < 4; round++) {
      idleTimes.push(...(await measure(60)));
      const spray = startSpray();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const owner = round === 0 ? (async () => {
        const started = performance.now();
        const response = await signInFrom('192.0.2.1', OWNER.email, OWNER.password);
        ownerResult = { status: response.status, retryAfter: response.headers.get('retry-after'), ms: performance.now() - started };
      })() : undefined;
      busyTimes.push(...(await measure(60)));
      await Promise.all([spray.stop(), owner]);
    }
    const idle = p95(idleTimes);
    const busy = p95(busyTimes);
    console.log(`answer p95: idle ${idle.toFixed(1)} ms, under a sign-in spray ${busy.toFixed(1)} ms (${waves} waves of 100: ${JSON.stringify(statuses)}); owner's sign-in ${ownerResult!.status} in ${ownerResult!.ms.toFixed(0)} ms`);
    expect(waves).toBeGreaterThan(0);
    // Within 2× of idle, plus 15 ms for timer noise at a few milliseconds, on PGlite and on
    // PostgreSQL alike. Password hashing runs on threads at a low CPU priority (nice 10,
    // src/auth/scrypt-thread.ts); before that, on PostgreSQL (each answer also a round trip to a
    // server process sharing the two cores with the spray's hashes) it measured idle 5.4–7.6 ms,
    // spray 19.2–38.5 ms on a slow day, 5.1 / 9.2 ms on a fast one, and 5.5–8.0 / 13.1–18.1 ms with
    // a busy loop taking one of the two cores; after it 3.4–3.8 / 3.3–3.5 ms, and 4.0–4.2 /
    // 4.3–5.2 ms with the busy loop.
    expect(busy).toBeLessThanOrEqual(2 * idle + 15);
    // The owner is let in, or told at once to come back shortly — not kept waiting for 16 s.
    expect(ownerResult!.ms).toBeLessThan(4000);
    if (ownerResult!.status === 429) expect(Number(ownerResult!.retryAfter)).toBeGreaterThan(0);
    else expect(ownerResult!.status).toBe(200);
  }, 120_000);
});
