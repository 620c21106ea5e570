// `hearback-collector line send`: pushes a survey once, however often it is run, against a local
// fake of LINE's API and a temporary PGlite folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrate } from '../../src/db/migrate';
import { openDatabase } from '../../src/db/open-database';
import { createLinkStore } from '../../src/links/link-store';
import { startFakeLine, type FakeLine } from '../alerts/fakes/fake-line';
import { runCommandLine } from '../support/run-command-line';

const TOKEN = 'line-channel-access-token-for-cli-0001';
const CUSTOMER = `U${'d'.repeat(32)}`;

describe('hearback-collector line send', () => {
  let dataDir: string;
  let line: FakeLine;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hearback-line-cli-'));
    line = await startFakeLine(TOKEN);
    const { db } = await openDatabase({ dataDir });
    try {
      await migrate(db);
      await createLinkStore(db).save({ id: 'after-order', type: 'nps', question: { th: 'คุณจะแนะนำร้านเราไหม' }, contextKeys: ['branch'], singleUse: false });
    } finally {
      await db.close();
    }
  }, 90_000);
  afterAll(async () => {
    await line?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const cli = (argv: string[]) => runCommandLine(argv, {
    HEARBACK_DATA_DIR: dataDir, HEARBACK_TIMEZONE: 'UTC', HEARBACK_LINE_CHANNEL_TOKEN: TOKEN, HEARBACK_LINE_API_URL: line.url, HEARBACK_ALLOW_PRIVATE_DESTINATIONS: '1',
  });

  test('sends the question once; running it again sends nothing; a bad --to is named', async () => {
    const argv = ['line', 'send', '--to', CUSTOMER, '--survey', 'after-order', '--field', 'order=A17', '--field', 'branch=Siam'];
    const first = await cli(argv);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^sent/);
    const again = await cli(argv);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^already sent/);
    expect(line.pushes).toHaveLength(1);
    expect(line.pushes[0]).toMatchObject({ to: CUSTOMER });
    expect(line.pushes[0].messages[0].text).toContain('คุณจะแนะนำร้านเราไหม');
    const bad = await cli(['line', 'send', '--to', 'someone', '--survey', 'after-order']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--to: must be a LINE user id/);
  }, 120_000);
});
