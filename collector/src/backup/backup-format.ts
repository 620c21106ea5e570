import { readFileSync } from 'node:fs';
import { packageDir } from '../package-dir';

export const BACKUP_FORMAT = 'hearback-collector-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** The first line of a backup: what it holds, so a restore can check it before writing anything. */
export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** The hearback-collector version that took it. */
  app: string;
  engine: 'pglite' | 'postgres';
  takenAt: string;
  /** The schema it was taken from: every migration applied then. */
  migrations: { version: number; name: string }[];
  /** Each kept table, in restore order, with its columns and how many rows follow. */
  tables: { name: string; columns: string[]; rows: number }[];
  sequences: { name: string; lastValue: number; isCalled: boolean }[];
}

/**
 * What flows from a backup to a restore (through a file or, for `move`, directly): the header,
 * batches of rows (each row as PostgreSQL's own JSON text of it, never re-parsed, so numbers,
 * times and Thai text arrive exactly), then the end mark with the total (a cut-short file lacks it).
 */
export type BackupRecord =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'rows'; table: string; rows: string[] }
  | { kind: 'end'; rows: number };

/** The running hearback-collector's version, from its package.json. */
export function appVersion(): string {
  return String(JSON.parse(readFileSync(`${packageDir}package.json`, 'utf8')).version);
}

/** Why a backup cannot be read or restored: one line for the person at the terminal. */
export class BackupError extends Error {
  name = 'BackupError';
}
