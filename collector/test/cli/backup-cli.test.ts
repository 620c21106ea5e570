// `hearback-collector backup`, `restore` and `move` as a shop runs them, on PGlite folders.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/db/data-dir-lock';
import { openDatabase } from '../../src/db/open-database';
import { postAnswer, shopApp } from '../backup/backup-fixture';
import { runCommandLine } from '../support/run-command-line';

describe('hearback-collector backup / restore / move', { timeout: 180_000 }, () => {
  let dir: string;
  let shopDir: string;
  let newDir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hearback-backup-cli-'));
    [shopDir, newDir, file] = [join(dir, 'shop'), join(dir, 'new'), join(dir, 'shop-backup.jsonl.gz')];
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = (dataDir: string) => ({ HEARBACK_DATA_DIR: dataDir, HEARBACK_TIMEZONE: 'UTC', DATABASE_URL: '' });

  it('backs up a PGlite folder, restores it into a new one once, and refuses a folder the server holds', async () => {
    const { db } = await openDatabase({ dataDir: shopDir });
    const shop = await shopApp(db, { addOwner: true });
    for (const id of ['cli-answer-1', 'cli-answer-2']) expect((await postAnswer(shop, { id, comment: 'ขอบคุณมากครับ' })).status).toBe(201);
    await db.close();

    const backup = await runCommandLine(['backup', file], env(shopDir));
    expect(backup.err).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.out).toMatch(new RegExp(`^backed up \\d+ rows \\(.*responses 2.*users 1.*\\) to ${file.replaceAll('.', '\\.')}, [\\d.]+ KB\\n$`));
    expect(await runCommandLine(['backup', file], env(shopDir))).toMatchObject({ code: 1, err: `hearback-collector backup: ${file} exists already; choose a new file name (a backup never overwrites one)\n` });

    // The server (another live process: this test's parent stands in for it) holds the folder.
    writeFileSync(join(shopDir, LOCK_FILE), String(process.ppid));
    const held = await runCommandLine(['backup', join(dir, 'second.jsonl.gz')], env(shopDir));
    expect(held.code).toBe(1);
    expect(held.err).toContain(`is in use by another hearback-collector (pid ${process.ppid}); stop it first`);
    rmSync(join(shopDir, LOCK_FILE));

    const restore = await runCommandLine(['restore', file], env(newDir));
    expect(restore.err).toBe('');
    expect(restore.out).toMatch(/^restored \d+ rows \(.*responses 2.*\) from .*, taken \d{4}-\d\d-\d\dT.* by hearback-collector \d+\.\d+\.\d+\n$/);
    const again = await runCommandLine(['restore', file], env(newDir));
    expect(again).toMatchObject({ code: 1, out: '' });
    expect(again.err).toMatch(/^hearback-collector restore: the database is not empty \(it has .*\); restore only into a new, empty database — nothing was changed\n$/);

    const restored = await openDatabase({ dataDir: newDir });
    const { rows } = await restored.db.query('SELECT id, comment FROM responses ORDER BY id');
    await restored.db.close();
    expect(rows).toEqual([{ id: 'cli-answer-1', comment: 'ขอบคุณมากครับ' }, { id: 'cli-answer-2', comment: 'ขอบคุณมากครับ' }]);
  });

  it('move needs a PostgreSQL address, and says which when it cannot connect', async () => {
    expect(await runCommandLine(['move'], env(shopDir))).toMatchObject({ code: 2, err: 'hearback-collector move: --to must be a PostgreSQL URL like postgres://user:password@host:5432/hearback (got none)\n' });
    const unreachable = await runCommandLine(['move', '--to', 'postgres://shop:secret@127.0.0.1:1/hearback'], env(shopDir));
    expect(unreachable.code).toBe(1);
    expect(unreachable.err).toMatch(/^hearback-collector move: cannot connect to postgres:\/\/shop:\*\*\*@127\.0\.0\.1:1\/hearback \(/);
    expect(unreachable.err).not.toContain('secret');
  });
});
