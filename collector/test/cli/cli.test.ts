import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// Each command opens the PGlite folder afresh (the first creates it): seconds each on a busy machine.
const slow = { timeout: 90_000 };
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../src/db/migrate';
import { openDatabase } from '../../src/db/open-database';
import { createLinkSigner } from '../../src/links/link-signer';
import { createLinkStore } from '../../src/links/link-store';
import { runCommandLine } from '../support/run-command-line';

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'hearback-cli-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs one command line against the temp PGlite folder; returns its exit code and output. */
const cli = (argv: string[], { stdin = '', env = {} }: { stdin?: string; env?: Record<string, string> } = {}) =>
  runCommandLine(argv, { HEARBACK_DATA_DIR: dataDir, HEARBACK_TIMEZONE: 'UTC', ...env }, stdin);

async function inDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const { db } = await openDatabase({ dataDir });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

describe('hearback-collector', () => {
  test('no command starts the server with the flags; --help lists every command and setting', async () => {
    expect((await cli(['--port', '0'])).served).toEqual([['--port', '0']]);
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const line of ['migrate', 'user add <email>', 'user reset-password <email>', 'token create <name>', 'token revoke <id|name>', 'erase', 'export', 'link', 'backup <file>', 'restore <file>', 'move', '--allowed-origins', 'HEARBACK_RETENTION_DAYS']) {
      expect(help.out).toContain(line);
    }
  });

  test('every command has --help', async () => {
    for (const words of [['migrate'], ['user', 'add'], ['user', 'reset-password'], ['token', 'create'], ['token', 'revoke'], ['erase'], ['export'], ['link'], ['backup'], ['restore'], ['move']]) {
      const { code, out } = await cli([...words, '--help']);
      expect(code).toBe(0);
      expect(out).toMatch(new RegExp(`^Usage: hearback-collector ${words.join(' ')}`));
    }
  });

  test('unknown commands, unknown flags, missing values and arguments: one line, exit 2', async () => {
    const cases: Array<[string[], string]> = [
      [['frobnicate'], 'hearback-collector: unknown command "frobnicate" (commands: migrate, user add, user reset-password, token create, token revoke, erase, export, link, line send, backup, restore, move; see hearback-collector --help)'],
      [['user', 'remove', 'x'], 'hearback-collector: unknown command "user remove"'],
      [['migrate', '--frobnicate'], 'hearback-collector migrate: unknown option --frobnicate (see hearback-collector migrate --help)'],
      [['user', 'add', 'a@b.example', '--role'], 'hearback-collector user add: option --role needs a value'],
      [['user', 'add'], 'hearback-collector user add: expected <email>, got none'],
      [['user', 'add', 'a@b.example', '--role', 'admin'], 'hearback-collector user add: --role must be owner or staff (got "admin")'],
      [['erase'], 'hearback-collector erase: give --user (a user id), --email (a user email) or --answer (an answer id)'],
      [['erase', '--user', 'u', '--answer', 'a'], 'hearback-collector erase: give only one of --user, --email and --answer'],
      [['--port', 'eighty'], 'hearback-collector: bad configuration'],
    ];
    for (const [argv, message] of cases) {
      const { code, err } = await cli(argv);
      expect({ argv, code }).toEqual({ argv, code: 2 });
      expect(err.trim().split('\n')[0]).toContain(message);
    }
  });

  test('migrate applies the schema once', slow, async () => {
    const first = await cli(['migrate']);
    expect(first).toMatchObject({ code: 0, out: expect.stringMatching(/^applied 001-responses, 002-accounts/) });
    expect(await cli(['migrate'])).toMatchObject({ code: 0, out: 'the schema was up to date; nothing to apply\n' });
  });

  test('user add: the password from stdin or the environment, never argv; hashed; a taken email fails', slow, async () => {
    const owner = await cli(['user', 'add', 'Owner@Shop.example', '--role', 'owner', '--password-stdin'], { stdin: 'correct horse battery\n' });
    expect(owner).toMatchObject({ code: 0, out: expect.stringMatching(/^added owner@shop\.example \(owner\), id /) });
    expect(await cli(['user', 'add', 'staff@shop.example'], { env: { HEARBACK_USER_PASSWORD: 'another long one' } })).toMatchObject({ code: 0 });
    expect(await cli(['user', 'add', 'staff@shop.example'], { env: { HEARBACK_USER_PASSWORD: 'another long one' } }))
      .toMatchObject({ code: 1, err: 'hearback-collector user add: staff@shop.example already has an account\n' });
    expect(await cli(['user', 'add', 'x@shop.example'])).toMatchObject({ code: 2, err: expect.stringContaining('--password-stdin') });
    expect(await cli(['user', 'add', 'x@shop.example', '--password-stdin'], { stdin: 'short\n' }))
      .toMatchObject({ code: 2, err: expect.stringContaining('password must be at least 10 characters long') });
    const rows = await inDatabase((db) => db.query('SELECT email, role, password_hash FROM users ORDER BY email'));
    expect(rows.rows.map((r) => [r.email, r.role])).toEqual([['owner@shop.example', 'owner'], ['staff@shop.example', 'staff']]);
    expect(JSON.stringify(rows.rows)).not.toContain('correct horse battery');
  });

  test('token create prints the token once (stdout alone); it works until token revoke, by name or id', slow, async () => {
    const created = await cli(['token', 'create', 'nightly export']);
    expect(created.code).toBe(0);
    const secret = created.out.trim();
    expect(secret).toMatch(/^hb_token_[\w-]{40,}$/);
    expect(created.err).toMatch(/acts for owner@shop\.example; it is shown once/);
    const stored = await inDatabase((db) => db.query('SELECT token_hash FROM api_tokens'));
    expect(JSON.stringify(stored.rows)).not.toContain(secret);

    expect(await cli(['token', 'create', 'as staff', '--user', 'staff@shop.example'])).toMatchObject({ code: 0 });
    expect(await cli(['token', 'create', 'x', '--user', 'nobody@shop.example'])).toMatchObject({ code: 1, err: 'hearback-collector token create: no account for nobody@shop.example\n' });

    expect(await cli(['token', 'revoke', 'nightly export'])).toMatchObject({ code: 0, out: expect.stringMatching(/^revoked token "nightly export" \(id [\w-]+\)\n$/) });
    expect(await cli(['token', 'revoke', 'nightly export'])).toMatchObject({ code: 1, err: 'hearback-collector token revoke: no live token with id or name "nightly export"\n' });
    const live = await inDatabase((db) => db.query('SELECT id FROM api_tokens WHERE revoked_at IS NULL'));
    expect(live.rows).toHaveLength(1);
    expect(await cli(['token', 'revoke', String(live.rows[0].id)])).toMatchObject({ code: 0 });
  });

  test('export and erase one person, or one answer; erase prints what it deleted', slow, async () => {
    await inDatabase(async (db) => {
      for (const [id, user] of [['a1', 'u-1'], ['a2', 'u-1'], ['a3', 'u-2']]) {
        await db.query(
          `INSERT INTO responses (id, survey, type, score, scale_min, scale_max, locale, url, answered_at, user_id, user_data, sdk, payload)
           VALUES ($1, 's', 'nps', 9, 0, 10, 'en', 'https://shop.example/', now(), $2, $3, 'hearback/0.1.0', $4)`,
          [id, user, JSON.stringify({ id: user }), JSON.stringify({ id, user: { id: user } })],
        );
      }
    });
    const exported = await cli(['export', '--user', 'u-1']);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.out).answers.map((a: { answer: { id: string } }) => a.answer.id)).toEqual(['a1', 'a2']);
    expect(await cli(['erase', '--user', 'u-1'])).toMatchObject({ code: 0, out: 'erased 2 answers of user u-1\n  a1\n  a2\n' });
    expect(await cli(['erase', '--answer', 'a3'])).toMatchObject({ code: 0, out: 'erased 1 answer of answer a3\n  a3\n' });
    expect(await cli(['erase', '--answer', 'a3'])).toMatchObject({ code: 0, out: 'erased 0 answers of answer a3\n' });
  });

  test('link prints a single-use survey\'s signed link; bad fields, a missing order or survey: one line, exit 2', slow, async () => {
    const env = { HEARBACK_PUBLIC_URL: 'https://feedback.shop.example' };
    await inDatabase(async (db) => {
      await migrate(db);
      await createLinkStore(db).save({ id: 'receipt', type: 'nps', question: {}, contextKeys: ['branch'], singleUse: true });
    });
    const made = await cli(['link', '--survey', 'receipt', '--field', 'order=1001', '--field', 'branch=Siam'], { env });
    expect(made).toMatchObject({ code: 0, err: '' });
    const url = new URL(made.out.trim());
    expect(`${url.origin}${url.pathname}`).toBe('https://feedback.shop.example/s/receipt');
    expect([...url.searchParams.keys()]).toEqual(['order', 'branch', 'sig']);
    // The signature is the app's: an answer with these fields is taken, the same with another order is not.
    const fields = Object.fromEntries(url.searchParams);
    await inDatabase(async (db) => {
      const signer = createLinkSigner(db);
      expect(await signer.check('receipt', fields)).toBeUndefined();
      expect(await signer.check('receipt', { ...fields, order: '1002' })).toBe('wrong');
    });
    expect((await cli(['link', '--survey', 'receipt', '--field', 'order=1001', '--public-url', 'https://other.example'], { env })).out).toMatch(/^https:\/\/other\.example\/s\/receipt\?order=1001&sig=[\w-]{22}\n$/);

    const cases: Array<[string[], string]> = [
      [['link'], 'hearback-collector link: --survey is required (the id of a survey made on the links page)'],
      [['link', '--survey', 'receipt', '--field', 'order'], 'hearback-collector link: --field "order" must be name=value, e.g. --field order=1001'],
      [['link', '--survey', 'receipt', '--field', 'branch=Siam'], 'hearback-collector link: --field order: survey "receipt" takes one answer per order, so its links need the order (e.g. the receipt number)'],
      [['link', '--survey', 'receipt', '--field', 'order=1', '--field', 'table=4'], 'hearback-collector link: --field table: survey "receipt" takes no field "table" (its fields: branch, order)'],
      [['link', '--survey', 'menu', '--field', 'order=1'], 'hearback-collector link: there is no link survey "menu" (surveys: receipt)'],
    ];
    for (const [argv, message] of cases) {
      const { code, err, out } = await cli(argv, { env });
      expect({ argv, code, out }).toEqual({ argv, code: 2, out: '' });
      expect(err).toBe(`${message}\n`);
    }
    const noAddress = await cli(['link', '--survey', 'receipt', '--field', 'order=1']);
    expect(noAddress.err).toMatch(/^hearback-collector link: the link needs this app's address: set HEARBACK_PUBLIC_URL or pass --public-url/);
  });
});
