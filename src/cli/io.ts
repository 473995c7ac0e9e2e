/** The effects a command may use, as one capability record: output streams, files, clock and environment. */
import { readFileSync } from 'node:fs';
import { PipeClosed } from './errors.js';

export interface CliIO {
  /** Writes to stdout; throws `PipeClosed` once its reader has gone (`podj … | head`). */
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Whether stderr is a terminal (progress bars only then). */
  readonly errIsTTY: boolean;
  readonly readFile: (path: string) => string;
  readonly now: () => Date;
  /** Waits, for real-time playback and for following appends. */
  readonly sleep: (ms: number) => Promise<void>;
  /** Aborted when the user interrupts (Ctrl-C, SIGTERM); asking for it is what makes an interrupt graceful. */
  readonly interrupted: () => AbortSignal;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** Streams whose reader went away, by stream: one listener each, however often `processIO` is called. */
const closedPipes = new WeakMap<NodeJS.WriteStream, { closed: boolean }>();

/** A stream whose reader went away: further output is pointless, and ending quietly is the pipe's contract. */
const watchPipe = (stream: NodeJS.WriteStream): (() => boolean) => {
  const known = closedPipes.get(stream);
  if (known !== undefined) return () => known.closed;
  const pipe = { closed: false };
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    pipe.closed = true;
  });
  closedPipes.set(stream, pipe);
  return () => pipe.closed;
};

const interruptSignal = (): (() => AbortSignal) => {
  let controller: AbortController | undefined;
  return () => {
    if (controller === undefined) {
      const made = new AbortController();
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => made.abort());
      controller = made;
    }
    return controller.signal;
  };
};

export const processIO = (): CliIO => {
  const outClosed = watchPipe(process.stdout);
  const errClosed = watchPipe(process.stderr);
  return {
    out: (text) => {
      if (outClosed()) throw new PipeClosed();
      process.stdout.write(text);
    },
    err: (text) => {
      if (!errClosed()) process.stderr.write(text);
    },
    errIsTTY: process.stderr.isTTY === true,
    readFile: (path) => readFileSync(path, 'utf8'),
    now: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    interrupted: interruptSignal(),
    env: process.env,
    cwd: process.cwd(),
  };
};
