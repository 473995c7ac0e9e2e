import { rmSync } from 'node:fs';

/**
 * Work that must be done when Ctrl-C or SIGTERM ends an import before it unwinds: the progress bar gives the
 * cursor back, the spill folder is removed. A handler keeps the process alive, so each one unregisters itself
 * and, once no other handler is left, raises the signal again: the process still dies of it, and once.
 */
const INTERRUPTS = ['SIGINT', 'SIGTERM'] as const;

/** Runs `action` on the first interrupt; returns what unregisters it. */
export const onInterrupt = (action: () => void): (() => void) => {
  const onSignal = (signal: NodeJS.Signals): void => {
    release();
    action();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const release = (): void => {
    for (const s of INTERRUPTS) process.off(s, onSignal);
  };
  for (const s of INTERRUPTS) process.on(s, onSignal);
  return release;
};

/**
 * Ctrl-C, SIGTERM or `process.exit` end the process without unwinding to its `finally`: the folder is removed
 * then, or an interrupted import would leave its spill files (up to the size of its input) in the temporary
 * folder, or a new journal the folder it was being made in (`cli/journal-access.ts`). Registered before the
 * folder is made (`folderOf` reads it when called), so no signal finds the folder without its handler. Returns what unregisters it.
 */
export const removedAtProcessEnd = (folderOf: () => string | undefined): (() => void) => {
  const remove = (): void => {
    const folder = folderOf();
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  };
  const releaseInterrupt = onInterrupt(remove);
  process.on('exit', remove);
  return () => {
    releaseInterrupt();
    process.off('exit', remove);
  };
};
