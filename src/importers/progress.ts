/** The import progress bar: drawn on stderr only when it is a terminal (never in pipes or CI logs). */
import cliProgress from 'cli-progress';
import type { ImportProgress } from './import-files.js';
import { onInterrupt } from './on-interrupt.js';

export interface ProgressReporterOf<T> {
  readonly update: (p: T) => void;
  readonly stop: () => void;
}

export type ProgressReporter = ProgressReporterOf<ImportProgress>;

/** Where the bar is drawn: stderr, or anything writable that says whether it is a terminal. */
export type ProgressStream = NodeJS.WritableStream & { readonly isTTY?: boolean };

/** The bar hides the cursor while it draws: an interrupt (Ctrl-C) must show it again before the process dies. */
const showCursorOnInterrupt = (stream: ProgressStream): (() => void) => onInterrupt(() => stream.write('\x1b[?25h\n'));

/** A bar over a count (events appended), or undefined when `stream` is not a TTY. */
export const countProgress = (label: string, total: number, stream: ProgressStream = process.stderr): ProgressReporterOf<number> | undefined => {
  if (stream.isTTY !== true) return undefined;
  const bar = new cliProgress.SingleBar({ stream, format: `${label} |{bar}| {value}/{total} events`, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
  const release = showCursorOnInterrupt(stream);
  bar.start(Math.max(total, 1), 0);
  return {
    update: (n) => bar.update(Math.min(n, total)),
    stop: () => {
      bar.stop();
      release();
    },
  };
};

/** A bar over the bytes of the file being read, or undefined when `stream` is not a TTY. */
export const terminalProgress = (stream: ProgressStream = process.stderr): ProgressReporter | undefined => {
  if (stream.isTTY !== true) return undefined;
  const bar = new cliProgress.SingleBar(
    { stream, format: '{file} |{bar}| {percentage}% | {events} events', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let current: string | undefined;
  const release = showCursorOnInterrupt(stream);
  return {
    update: (p) => {
      if (p.file !== current) {
        if (current !== undefined) bar.stop();
        bar.start(Math.max(p.totalBytes, 1), 0, { file: p.file, events: 0 });
        current = p.file;
      }
      bar.update(p.bytesRead, { file: p.file, events: p.events });
    },
    stop: () => {
      if (current !== undefined) bar.stop();
      release();
    },
  };
};
