/** The effects a command may use, as one capability record: output streams, files, clock and environment. */
import { readFileSync } from 'node:fs';

export interface CliIO {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Whether stderr is a terminal (progress bars only then). */
  readonly errIsTTY: boolean;
  readonly readFile: (path: string) => string;
  readonly now: () => Date;
  /** Waits, for real-time playback. */
  readonly sleep: (ms: number) => Promise<void>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

export const processIO = (): CliIO => ({
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  errIsTTY: process.stderr.isTTY === true,
  readFile: (path) => readFileSync(path, 'utf8'),
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  env: process.env,
  cwd: process.cwd(),
});
