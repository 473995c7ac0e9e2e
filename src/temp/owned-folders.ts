/**
 * Scratch folders named after the process that made them (`PREFIX-PID-xxxxxx`): read copies of a journal
 * (`journal/read-snapshot.ts`, prefix `podj-read`) and an import's spill files (`importers/spill.ts`, prefix
 * `podj-import`). Their maker removes them when it ends, but a process killed by SIGKILL (the OOM killer, a
 * stopped container, `timeout -s KILL`) cannot, and its folder stays, in memory when it lives in /dev/shm, up
 * to an input's size for an import. So each new folder first removes those of its prefix whose process no
 * longer exists; a live process's folder, and any folder not named so, is never touched.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Whether a process with this id exists (EPERM: it does, as another user's). */
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes the folders of `prefix` in `base` left by processes that are gone; best effort, as any other leftover file. */
const removeAbandoned = (base: string, prefix: string): void => {
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(`${prefix}-`)) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length + 1))?.[1] ?? Number.NaN);
    if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) rmSync(join(base, name), { recursive: true, force: true });
  }
};

/** A new, empty folder `PREFIX-PID-xxxxxx` in `base` for this process, after removing abandoned ones of that prefix there. */
export const newOwnedFolder = (base: string, prefix: string): string => {
  removeAbandoned(base, prefix);
  return mkdtempSync(join(base, `${prefix}-${process.pid}-`));
};
