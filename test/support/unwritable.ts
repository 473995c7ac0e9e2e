/** Making a path unwritable for real, for the tests of writes that must be refused: root as much as anyone. */
import { spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';

const asRoot = process.getuid?.() === 0;

/**
 * Runs `task` with `path` unwritable: immutable for root (`chattr +i`: no file made, renamed or removed in a folder,
 * no byte of a file changed), else without write permission (what a folder's mode forbids its non-owner). Undefined
 * when root cannot make it so here (a file system without the attribute).
 */
export const whileUnwritable = <T>(path: string, task: () => T): T | undefined => {
  if (asRoot && spawnSync('chattr', ['+i', path]).status !== 0) return undefined;
  if (!asRoot) chmodSync(path, 0o555);
  try {
    return task();
  } finally {
    if (asRoot) spawnSync('chattr', ['-i', path]);
    else chmodSync(path, 0o755);
  }
};

/** The words the system gives for a write refused under `whileUnwritable`. */
export const refusedWrite = asRoot ? 'operation not permitted' : 'permission denied';
