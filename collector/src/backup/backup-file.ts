import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { PassThrough, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { BackupError, type BackupHeader, type BackupRecord } from './backup-format';

/** Rows handed to a restore together (the batch size of its INSERTs). */
const BATCH = 500;
const ROW_LINE = /^\{"table":("(?:[^"\\]|\\.)*"),"row":(.*)\}$/;

/**
 * A backup file: gzip'd JSON lines — the header, one `{"table":…,"row":{…}}` per row, then
 * `{"end":true,"rows":N}`. `produce` writes records into the stream it is given (see
 * `takeBackup`); the file appears under its name only once complete (written next to it, then
 * renamed), and an existing file is never overwritten.
 */
export async function writeBackupFile(path: string, produce: (out: Writable) => Promise<BackupHeader>): Promise<BackupHeader> {
  if (existsSync(path)) throw new BackupError(`${path} exists already; choose a new file name (a backup never overwrites one)`);
  const partial = `${path}.partial-${process.pid}`;
  const records = new PassThrough({ objectMode: true, highWaterMark: 4 });
  const toLines = new Transform({
    writableObjectMode: true,
    transform(record: BackupRecord, _encoding, callback) {
      if (record.kind === 'header') callback(null, `${JSON.stringify(record.header)}\n`);
      else if (record.kind === 'end') callback(null, `${JSON.stringify({ end: true, rows: record.rows })}\n`);
      else {
        const table = JSON.stringify(record.table);
        callback(null, record.rows.map((row) => `{"table":${table},"row":${row}}\n`).join(''));
      }
    },
  });
  try {
    const [header] = await Promise.all([produce(records), pipeline(records, toLines, createGzip(), createWriteStream(partial, { flags: 'wx' }))]);
    await rename(partial, path);
    return header;
  } catch (error) {
    records.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

/** Reads a backup file back as records (rows in batches), checking each line's shape as it goes. */
export async function* readBackupFile(path: string): AsyncGenerator<BackupRecord> {
  if (!existsSync(path)) throw new BackupError(`${path} does not exist`);
  const file = createReadStream(path);
  const gunzip = createGunzip();
  const lines = createInterface({ input: file.pipe(gunzip), crlfDelay: Infinity });
  const errors: Error[] = [];
  const fail = (why: string) => (error: Error) => {
    errors.push(new BackupError(`${path} ${why} (${error.message})`));
    lines.close();
  };
  file.on('error', fail('cannot be read'));
  gunzip.on('error', fail('is not a complete gzip file'));
  let number = 0;
  let batch: { table: string; rows: string[] } | undefined;
  try {
    for await (const line of lines) {
      number += 1;
      if (number === 1) {
        yield { kind: 'header', header: parseLine(line, number) as BackupHeader };
        continue;
      }
      const row = ROW_LINE.exec(line);
      if (row) {
        const table = JSON.parse(row[1]) as string;
        if (batch && (batch.table !== table || batch.rows.length >= BATCH)) {
          yield { kind: 'rows', ...batch };
          batch = undefined;
        }
        batch ??= { table, rows: [] };
        batch.rows.push(row[2]);
        continue;
      }
      if (batch) yield { kind: 'rows', ...batch };
      batch = undefined;
      const end = parseLine(line, number) as { end?: boolean; rows?: number };
      if (end.end !== true || typeof end.rows !== 'number') throw new BackupError(`line ${number} is neither a row nor the end mark`);
      yield { kind: 'end', rows: end.rows };
    }
    if (batch) yield { kind: 'rows', ...batch };
  } catch (error) {
    // readline passes on its input's errors too; the handlers above name them.
    if (error instanceof BackupError) throw error;
    throw errors[0] ?? new BackupError(`${path} is not a complete gzip file (${(error as Error).message})`);
  } finally {
    lines.close();
  }
  if (errors.length) throw errors[0];
  if (number === 0) throw new BackupError(`${path} is empty`);
}

function parseLine(line: string, number: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new BackupError(`line ${number} is not JSON`);
  }
}
