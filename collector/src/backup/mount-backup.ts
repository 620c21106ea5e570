import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App, FeatureDeps } from '../app-env';
import { requireUser } from '../auth/require-user';
import { writeBackupFile } from './backup-file';
import { takeBackup } from './take-backup';

/**
 * `GET /settings/backup`: the owner downloads a backup of the running app — the way to back up
 * PGlite while the server runs (its one connection serves the backup's transaction in turn with
 * the app's requests). Owner only, signed in (a backup holds every answer, password hash and
 * token hash, so no API token may take one). The file is written to a temporary folder first, so
 * a slow download never holds the database.
 */
export function mountBackup(app: App, { db, now }: FeatureDeps) {
  app.get('/settings/backup', requireUser({ role: 'owner', sessionOnly: true }), async (c) => {
    const dir = await mkdtemp(join(tmpdir(), 'hearback-backup-'));
    try {
      const file = join(dir, 'backup.gz');
      await writeBackupFile(file, (out) => takeBackup(db, out, { now }));
      const stamp = now().toISOString().slice(0, 16).replace(/[:T]/g, '-');
      return c.body(await readFile(file), 200, {
        'content-type': 'application/gzip',
        'content-disposition': `attachment; filename="hearback-backup-${stamp}.jsonl.gz"`,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
