import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file in a PGlite folder that names the process using it. */
export const LOCK_FILE = 'hearback-collector.pid';

/** A PGlite folder another live process has open: opening it too would corrupt it. */
export class DataDirInUse extends Error {
  name = 'DataDirInUse';
  constructor(readonly dir: string, readonly pid: number) {
    super(`the PGlite folder ${dir} is in use by another hearback-collector (pid ${pid}); stop it first (PGlite allows one process at a time), or, to back up while it runs, download the backup from its Settings page. If no collector runs, delete ${join(dir, LOCK_FILE)}`);
  }
}

/**
 * Claims a PGlite folder for this process: PGlite itself would let a second process open the
 * same files and corrupt them. A lock left by a process that has died is taken over.
 * Returns `release`, which removes the lock if it is still this process's.
 */
export function lockDataDir(dir: string): () => void {
  const file = join(dir, LOCK_FILE);
  const mine = String(process.pid);
  try {
    writeFileSync(file, mine, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) throw new DataDirInUse(dir, holder);
    writeFileSync(file, mine);
  }
  return () => {
    try {
      if (readFileSync(file, 'utf8') === mine) rmSync(file, { force: true });
    } catch {
      // gone already
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
