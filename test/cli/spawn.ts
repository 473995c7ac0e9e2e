/** The built `podj` as a long-running process: output as it comes, waiting for a line, interrupting it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from './podj.js';

export const BIN = join(REPO, 'dist/podj/bin.js');

export interface Running {
  readonly proc: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves once stdout matches, rejects after `ms`. */
  readonly waitFor: (pattern: RegExp, ms?: number) => Promise<void>;
  readonly exit: Promise<number | null>;
}

export const start = (args: readonly string[], opts: { readonly cwd?: string; readonly env?: NodeJS.ProcessEnv; readonly uid?: number } = {}): Running => {
  const proc = spawn(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(opts.uid === undefined ? {} : { uid: opts.uid, gid: opts.uid }),
  });
  let out = '';
  let err = '';
  proc.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exit = new Promise<number | null>((resolve, reject) => {
    proc.on('error', reject);
    proc.on('close', (code) => resolve(code));
  });
  const waitFor = (pattern: RegExp, ms = 30_000): Promise<void> =>
    new Promise((resolve, reject) => {
      const deadline = Date.now() + ms;
      const look = (): void => {
        if (pattern.test(out)) resolve();
        else if (Date.now() > deadline) reject(new Error(`no ${pattern} in stdout:\n${out}\nstderr:\n${err}`));
        else setTimeout(look, 50);
      };
      look();
    });
  return { proc, stdout: () => out, stderr: () => err, waitFor, exit };
};

/** Runs podj to its end, asynchronously (so that several run at once). */
export const finish = async (args: readonly string[], opts: Parameters<typeof start>[1] = {}): Promise<{ code: number | null; stdout: string; stderr: string }> => {
  const running = start(args, opts);
  const code = await running.exit;
  return { code, stdout: running.stdout(), stderr: running.stderr() };
};
