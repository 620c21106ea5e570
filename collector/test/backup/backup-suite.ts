import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBackupFile, writeBackupFile } from '../../src/backup/backup-file';
import type { BackupHeader } from '../../src/backup/backup-format';
import { restoreBackup } from '../../src/backup/restore-backup';
import { takeBackup } from '../../src/backup/take-backup';
import type { Database } from '../../src/db/database';
import { postAnswer, seedShop, shopApp, shopExports } from './backup-fixture';

/**
 * Backup → restore on one engine (`open` gives a fresh, empty database each call): a backup taken
 * while answers keep arriving restores into a new database with every export identical.
 */
export function backupSuite(kind: string, open: () => Promise<Database>, { skip = false } = {}) {
  describe(`backup and restore on ${kind}`, { skip, timeout: 120_000 }, () => {
    let dir: string;
    const opened: Database[] = [];
    // Made when the tests run, not when they are collected: a skipped suite leaves nothing behind.
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'hearback-backup-'));
    });
    const fresh = async () => {
      const db = await open();
      opened.push(db);
      return db;
    };
    afterAll(async () => {
      for (const db of opened) await db.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });
    let file: string;
    let source: Database;
    let copied: Database;

    it('a backup taken while answers arrive holds one moment: the copy has exactly the rows its header counts', async () => {
      source = await fresh();
      const shop = await shopApp(source, { addOwner: true });
      await seedShop(shop);
      const during = join(dir, 'during.hearback.gz');
      const arriving = Promise.all(Array.from({ length: 10 }, (_, i) => postAnswer(shop, { id: `during-backup-${i}`, score: 1, type: 'csat', scale: [1, 5] })));
      const header = await writeBackupFile(during, (out) => takeBackup(source, out));
      expect((await arriving).map((r) => r.status)).toEqual(Array(10).fill(201));
      const counted = header.tables.find((t) => t.name === 'responses')!.rows;
      expect(counted).toBeGreaterThanOrEqual(12);
      expect(counted).toBeLessThanOrEqual(22);
      copied = await fresh();
      const restored = await restoreBackup(copied, readBackupFile(during));
      expect(restored.rows.responses).toBe(counted);
      // Every detractor answer in the copy has its case: answers and cases come from the same moment.
      const orphans = await copied.query("SELECT count(*)::int AS n FROM responses r WHERE r.id LIKE 'during-backup-%' AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.response_id = r.id)");
      expect(Number(orphans.rows[0].n)).toBe(0);
    });

    it('restores into a new database with the same exports; its people sign in, its API token and sealed LINE token still work', async () => {
      const shop = await shopApp(source);
      const token = (await (await shop.call('POST', '/api/tokens', { name: 'export script' })).json()).secret as string;
      // Taken through the running app, as the owner does from Settings (the way on PGlite while it runs).
      expect(await (await shop.call('GET', '/settings')).text()).toContain('<a href="/settings/backup" download>Download a backup</a>');
      expect((await shop.withToken('/settings/backup', token)).status).toBe(403);
      const download = await shop.call('GET', '/settings/backup');
      expect(download.status).toBe(200);
      expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="hearback-backup-\d{4}-\d\d-\d\d-\d\d-\d\d\.jsonl\.gz"$/);
      file = join(dir, 'shop.hearback.gz');
      writeFileSync(file, Buffer.from(await download.arrayBuffer()));
      const header = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8').split('\n')[0]) as BackupHeader;
      expect(header).toMatchObject({ format: 'hearback-collector-backup', formatVersion: 1, engine: source.kind });
      const kept = Object.fromEntries(header.tables.map((t) => [t.name, t.rows]));
      expect(kept).toMatchObject({ users: 2, api_tokens: 2, alert_channels: 1, alert_rules: 1, link_surveys: 2, site_settings: 1, responses: 22 });
      expect(kept.cases).toBeGreaterThan(2);
      expect(kept.case_events).toBeGreaterThan(2);
      expect(kept.alert_deliveries).toBeGreaterThan(0);
      expect(header.tables.map((t) => t.name)).not.toContain('sessions');
      expect(header.migrations.map((m) => m.version)).toContain(1);
      const text = gunzipSync(readFileSync(file)).toString('utf8');
      expect(text).toContain('กาแฟเย็นเกินไป');
      expect(text).not.toContain('line-channel-access-token'); // sealed by HEARBACK_SECRET_KEY, and stays so

      const before = await shopExports(shop, source);
      const target = await fresh();
      const restored = await restoreBackup(target, readBackupFile(file));
      expect(restored.rows.responses).toBe(22);
      const copy = await shopApp(target); // signs in as the restored owner
      expect(await shopExports(copy, target)).toEqual(before);
      expect((await copy.withToken('/api/responses.json', token)).status).toBe(200);
      expect(JSON.stringify(await (await copy.call('GET', '/api/alerts')).json())).toContain('•••• WXYZ');
      // The copy takes new answers and case changes; case events' ids carry on after the restored ones.
      expect((await postAnswer(copy, { id: 'after-restore-1', score: 0, type: 'nps', scale: [0, 10] })).status).toBe(201);
      expect((await copy.call('POST', '/api/cases/after-restore-1/notes', { note: 'new note' })).status).toBe(200);
    });

    it('refuses a database already in use, a cut-short file and a file that is no backup, changing nothing', async () => {
      const answers = async (db: Database) => Number((await db.query('SELECT count(*)::int AS n FROM responses')).rows[0].n);
      const had = await answers(copied);
      await expect(restoreBackup(copied, readBackupFile(file))).rejects.toThrow(/the database is not empty \(it has [a-z_, ]*responses[a-z_, ]*\); restore only into a new, empty database — nothing was changed/);
      expect(await answers(copied)).toBe(had);

      const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
      const short = join(dir, 'short.hearback.gz');
      writeFileSync(short, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
      const empty = await fresh();
      await expect(restoreBackup(empty, readBackupFile(short))).rejects.toThrow(/it is cut short: \d+ rows, then no end mark/);
      expect(await answers(empty)).toBe(0);
      const notBackup = join(dir, 'notes.txt');
      writeFileSync(notBackup, 'hello');
      await expect(restoreBackup(empty, readBackupFile(notBackup))).rejects.toThrow(/notes\.txt is not a complete gzip file/);
      await expect(writeBackupFile(file, (out) => takeBackup(source, out))).rejects.toThrow(/exists already; choose a new file name/);
      // After all that, the empty database still takes the real backup.
      expect((await restoreBackup(empty, readBackupFile(file))).rows.users).toBe(2);
    });
  });
}
