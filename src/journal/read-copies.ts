/**
 * The folders of read copies (`read-snapshot.ts`), named after the process that made them. A reader removes
 * its copy when it ends, but a process killed by a signal (Ctrl-C on a long `get pods --at`, `timeout`, a
 * stopped container) leaves its copy behind, in memory when it lives in /dev/shm. So each new copy first
 * removes the copies of processes that no longer exist; a live reader's copy is never touched.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const PREFIX = 'podj-read-';
const OWNED = /^podj-read-(\d+)-/;

/** Whether a process with this id exists (EPERM: it does, as another user's). */
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes the copies in `base` left by processes that are gone; best effort, as any other leftover file. */
const removeAbandoned = (base: string): void => {
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(OWNED.exec(name)?.[1] ?? Number.NaN);
    if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) rmSync(join(base, name), { recursive: true, force: true });
  }
};

/** A new, empty folder in `base` for this process's read copy, after removing abandoned ones there. */
export const newReadCopy = (base: string): string => {
  removeAbandoned(base);
  return mkdtempSync(join(base, `${PREFIX}${process.pid}-`));
};
