// A collector started beside its PostgreSQL waits for the server instead of exiting: the waiting
// rule on its own (the real server away and back is in database-away.postgres.test.ts).
import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError } from '../../src/db/database-unavailable';
import { waitForDatabase } from '../../src/db/wait-for-database';

const away = () => new DatabaseUnavailableError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));

describe('waitForDatabase', () => {
  it('tries again after 1, 2, 4, 8 then 10 s while the server is away, saying so each time, and returns once it answers', async () => {
    const slept: number[] = [];
    const said: string[] = [];
    let tries = 0;
    const result = await waitForDatabase(async () => (++tries < 7 ? Promise.reject(away()) : 'up'), {
      waitMs: 600_000, say: (line) => said.push(line), sleep: async (ms) => void slept.push(ms),
    });
    expect(result).toBe('up');
    expect(slept).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
    expect(said).toHaveLength(6);
    expect(said[0]).toMatch(/^ {2}database: {2}not answering \(the database is unavailable: connect ECONNREFUSED 127\.0\.0\.1:5432\); trying again in 1 s, for up to \d+ s more$/);
  });

  it('gives up with the unavailable error when the wait runs out, and tries once with no wait', async () => {
    let tries = 0;
    await expect(waitForDatabase(async () => (tries++, Promise.reject(away())), { waitMs: 0, sleep: async () => {} })).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(tries).toBe(1);
    // A clock that moves only when the wait sleeps (a real timer may wake a millisecond early by
    // Date.now(), and a third try 1 ms before the deadline is then right, but not this test's point).
    tries = 0;
    let clock = 0;
    const slept: number[] = [];
    await expect(waitForDatabase(async () => (tries++, Promise.reject(away())), { waitMs: 30, now: () => clock, sleep: async (ms) => void (slept.push(ms), (clock += ms)) })).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(tries).toBe(2);
    expect(slept, 'never past the deadline').toEqual([30]);
  });

  it('does not wait on any other error (a wrong password, a bad statement)', async () => {
    let tries = 0;
    const wrong = Object.assign(new Error('password authentication failed for user "hearback"'), { code: '28P01' });
    await expect(waitForDatabase(async () => (tries++, Promise.reject(wrong)), { waitMs: 60_000, sleep: async () => {} })).rejects.toBe(wrong);
    expect(tries).toBe(1);
  });
});
