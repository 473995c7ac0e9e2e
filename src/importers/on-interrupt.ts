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
