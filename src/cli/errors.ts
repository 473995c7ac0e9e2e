/** The CLI's error kinds and the exit codes of the contract: 1 a finding, 2 bad input or usage. */

export const EXIT_OK = 0;
export const EXIT_FINDING = 1;
export const EXIT_BAD_INPUT = 2;
/**
 * A watch the user interrupted (Ctrl-C, SIGTERM) ends as kubectl's does: its interrupt handler has no final
 * function, so it exits 1 (`kubectl/pkg/util/interrupt/interrupt.go :: Handler.Signal`, used by `get.go :: watch`).
 */
export const EXIT_WATCH_INTERRUPTED = 1;

/**
 * Bad input or usage: a malformed manifest, an unknown pod, a time that doesn't parse. Exit 2. `printed`: what
 * stdout shows before the error, as kubectl's printer wrote it before it stopped.
 */
export class BadInput extends Error {
  override readonly name = 'BadInput';
  constructor(
    message: string,
    readonly printed = '',
  ) {
    super(message);
  }
}

/**
 * Bad input the API server would refuse with a 400, printed as kubectl prints it (`Error from server
 * (BadRequest): …`, without podj's `error: ` prefix). Exit 2.
 */
export class BadRequest extends Error {
  override readonly name = 'BadRequest';
  constructor(message: string) {
    super(`Error from server (BadRequest): ${message}`);
  }
}

/** An expected negative answer: verify or check found a fault. Its report is already printed. Exit 1. */
export class Finding extends Error {
  override readonly name = 'Finding';
}

/** stdout's reader has gone (`podj export | head`): the command stops, quietly, with exit 0. */
export class PipeClosed extends Error {
  override readonly name = 'PipeClosed';
}

/** The user interrupted a watch: it ends quietly with kubectl's exit code, `EXIT_WATCH_INTERRUPTED`. */
export class WatchInterrupted extends Error {
  override readonly name = 'WatchInterrupted';
}
