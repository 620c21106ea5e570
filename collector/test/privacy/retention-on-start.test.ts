// HEARBACK_RETENTION_DAYS in the running server: answers past it are gone as soon as it starts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config';
import { migrate } from '../../src/db/migrate';
import { openDatabase } from '../../src/db/open-database';
import { silentLog, type Log } from '../../src/http/log';
import { startServer } from '../../src/server';

const dataDir = mkdtempSync(join(tmpdir(), 'hearback-retention-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function storeReceived(db: Awaited<ReturnType<typeof openDatabase>>['db'], id: string, daysAgo: number) {
  await db.query(
    `INSERT INTO responses (id, survey, type, score, scale_min, scale_max, locale, url, answered_at, received_at, sdk, payload)
     VALUES ($1, 's', 'csat', 4, 1, 5, 'en', 'https://shop.example/', $2, $2, 'hearback/0.1.0', '{}')`,
    [id, new Date(Date.now() - daysAgo * 86_400_000)],
  );
}

describe('retention in the server', () => {
  it('runs on start: answers received more than HEARBACK_RETENTION_DAYS ago are deleted, the rest kept', async () => {
    const { db } = await openDatabase({ dataDir });
    await migrate(db);
    await storeReceived(db, 'answer-old-1', 45);
    await storeReceived(db, 'answer-old-2', 31);
    await storeReceived(db, 'answer-recent', 3);
    await db.close();

    const logged: Record<string, unknown>[] = [];
    const log: Log = { ...silentLog, info: (fields) => void logged.push(fields) };
    const running = await startServer({ config: testConfig({ dataDir, port: 0, retentionDays: 30 }), log, say: () => {} });
    try {
      await expect.poll(async () => (await running.db.query('SELECT id FROM responses ORDER BY id')).rows.map((r) => r.id), { timeout: 20_000 })
        .toEqual(['answer-recent']);
      expect(logged).toContainEqual(expect.objectContaining({ job: 'retention', deleted: 2 }));
    } finally {
      await running.close();
    }
  }, 120_000);
});
