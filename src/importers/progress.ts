/** The import progress bar: drawn on stderr only when it is a terminal (never in pipes or CI logs). */
import cliProgress from 'cli-progress';
import type { ImportProgress } from './import-files.js';

export interface ProgressReporter {
  readonly update: (p: ImportProgress) => void;
  readonly stop: () => void;
}

/** Where the bar is drawn: stderr, or anything writable that says whether it is a terminal. */
export type ProgressStream = NodeJS.WritableStream & { readonly isTTY?: boolean };

/** A bar over the bytes of the file being read, or undefined when `stream` is not a TTY. */
export const terminalProgress = (stream: ProgressStream = process.stderr): ProgressReporter | undefined => {
  if (stream.isTTY !== true) return undefined;
  const bar = new cliProgress.SingleBar(
    { stream, format: '{file} |{bar}| {percentage}% | {events} events', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let current: string | undefined;
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
    },
  };
};
