import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { createRollupBuilder } from '../src/dashboard/rollups/build-rollups';
import { fixtureAnswers, insertAnswers, now, timeZone } from './dashboard-fixture';
import { rollupsSuite } from './rollups-suite';
import { openTestDatabase } from './harness';

// The same suite on a real PostgreSQL server (collector/scripts/with-postgres.sh); skipped without DATABASE_URL.
const open = async () => {
  const db = await openTestDatabase();
  await migrate(db);
  return db;
};
rollupsSuite('PostgreSQL', open, { skip: !process.env.DATABASE_URL });

// Two collectors on one database (PGlite has one connection, so this is PostgreSQL's alone).
describe.skipIf(!process.env.DATABASE_URL)('daily rollups with two collectors on PostgreSQL', () => {
  let db: Database;
  beforeAll(async () => {
    db = await open();
    await insertAnswers(db, fixtureAnswers());
  });
  afterAll(async () => db?.close());

  it('builds nothing while another collector on the same schema is building, then builds', async () => {
    const builder = createRollupBuilder({ db, timeZone, now: () => now, maxDays: 1000 });
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(4242022, hashtext(current_schema()))');
      expect(await builder.run()).toEqual({ built: [], more: false, busy: true });
    });
    expect((await builder.run()).built.length).toBeGreaterThan(25);
  });

  it('gives up after 2 s when the answers stay locked (a long erasure), instead of holding new answers back', async () => {
    await db.query('DELETE FROM rollup_days');
    const builder = createRollupBuilder({ db, timeZone, now: () => now, maxDays: 1000 });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const erasure = db.transaction(async (tx) => {
      await tx.query("DELETE FROM responses WHERE id = 'nobody'"); // ROW EXCLUSIVE until the end
      locked();
      await held;
    });
    await isLocked;
    const started = Date.now();
    const run = await builder.run();
    release();
    await erasure;
    expect(run).toEqual({ built: [], more: false, busy: true });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await builder.run()).built.length).toBeGreaterThan(25);
  });
});
