import { describe, expect, it } from 'vitest';
import { moveDatabase } from '../src/backup/move-database';
import { createPgliteDatabase } from '../src/db/pglite-database';
import { backupSuite } from './backup/backup-suite';
import { seedShop, shopApp, shopExports } from './backup/backup-fixture';
import { openTestDatabase } from './harness';

// On a real PostgreSQL server: DATABASE_URL=postgres://… (collector/scripts/with-postgres.sh starts a
// throw-away cluster); each database is a schema of its own, dropped afterwards. Skipped without it.
const skip = !process.env.DATABASE_URL;

backupSuite('PostgreSQL', openTestDatabase, { skip });

describe('move: PGlite → PostgreSQL', { skip, timeout: 120_000 }, () => {
  it('copies everything, not only answers: the PostgreSQL copy gives the same exports, and the shop signs in there', async () => {
    const pglite = await createPgliteDatabase();
    const postgres = await openTestDatabase();
    try {
      const shop = await shopApp(pglite, { addOwner: true });
      const { token } = await seedShop(shop);
      const before = await shopExports(shop, pglite);
      const moved = await moveDatabase(pglite, postgres);
      expect(moved.header.engine).toBe('pglite');
      expect(moved.rows).toMatchObject({ users: 2, api_tokens: 1, alert_channels: 1, link_surveys: 2 });
      const copy = await shopApp(postgres);
      expect(await shopExports(copy, postgres)).toEqual(before);
      expect((await copy.withToken('/api/responses.json', token)).status).toBe(200);
      // A second move into the same database is refused and changes nothing there.
      await expect(moveDatabase(pglite, postgres)).rejects.toThrow(/the database is not empty/);
      expect(await shopExports(copy, postgres)).toEqual(before);
    } finally {
      await pglite.close();
      await postgres.close();
    }
  });
});
