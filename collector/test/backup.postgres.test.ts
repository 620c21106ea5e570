import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { moveDatabase } from '../src/backup/move-database';
import { openDatabase } from '../src/db/open-database';
import { createPgliteDatabase } from '../src/db/pglite-database';
import { createPostgresDatabase } from '../src/db/postgres-database';
import { backupSuite } from './backup/backup-suite';
import { postAnswer, seedShop, shopApp, shopExports } from './backup/backup-fixture';
import { openTestDatabase } from './harness';
import { runCommandLine } from './support/run-command-line';

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
      // A second move into the same database is refused and changes nothing there.
      await expect(moveDatabase(pglite, postgres)).rejects.toThrow(/the database is not empty/);
      expect(await shopExports(copy, postgres)).toEqual(before);
      expect((await copy.withToken('/api/responses.json', token)).status).toBe(200);
    } finally {
      await pglite.close();
      await postgres.close();
    }
  });
});

describe('hearback-collector move --to', { skip, timeout: 180_000 }, () => {
  it('moves a PGlite folder into an empty PostgreSQL database and says how to start on it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearback-move-'));
    const schema = `hearback_move_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    try {
      const { db } = await openDatabase({ dataDir: dir });
      const shop = await shopApp(db, { addOwner: true });
      expect((await postAnswer(shop, { id: 'moved-answer-1', comment: 'ย้ายแล้วยังอยู่ครบ' })).status).toBe(201);
      expect((await shop.form('/links/surveys', { id: 'after-meal', type: 'csat', questionTh: 'อาหารวันนี้เป็นอย่างไรบ้าง' })).status).toBe(303);
      const before = await shopExports(shop, db);
      await db.close();
      const to = new URL(process.env.DATABASE_URL!);
      to.searchParams.set('options', `-c search_path=${schema}`);
      const moved = await runCommandLine(['move', '--to', to.toString()], { HEARBACK_DATA_DIR: dir, DATABASE_URL: '', HEARBACK_TIMEZONE: 'UTC' });
      expect(moved.err).toBe('');
      expect(moved.out).toMatch(/^moved \d+ rows \(.*responses 1.*users 1.*\) from PGlite in .* to PostgreSQL postgres:\/\/.*; the source is unchanged\.\nStart the collector with DATABASE_URL set to that address/);
      const target = await createPostgresDatabase({ connectionString: process.env.DATABASE_URL!, searchPath: schema });
      try {
        expect(await shopExports(await shopApp(target), target)).toEqual(before);
      } finally {
        await target.close();
      }
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
