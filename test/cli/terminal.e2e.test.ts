/**
 * `podj import` in a real terminal: the built binary runs under a pseudo-terminal (util-linux `script`), where its
 * progress bars are drawn (never in pipes), and Ctrl-C is typed as a user types it (the ^C byte the terminal turns
 * into SIGINT). The bars must cover reading, appending and snapshots, give the cursor back, and an interrupted
 * import must leave the journal exactly as it was.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { realFixture, workspace } from './podj.js';
import { BIN } from './spawn.js';

const HIDE_CURSOR = '\x1b[?25l';
const SHOW_CURSOR = '\x1b[?25h';
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

// The generated stream is kept for the whole file (workspace() folders are removed after each test).
const folder = mkdtempSync(join(tmpdir(), 'podj-tty-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const rollingUpdate = realFixture('rolling-update-pods.watch.jsonl');

const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** A temporary folder of its own for one podj process (its TMPDIR), to see what an import leaves there. */
const ownTmp = (): { readonly env: NodeJS.ProcessEnv; readonly spillFolders: () => string[] } => {
  const tmp = mkdtempSync(join(folder, 'tmp-'));
  return { env: { ...process.env, TMPDIR: tmp }, spillFolders: () => readdirSync(tmp).filter((n) => n.startsWith('podj-import-')) };
};

/** Runs podj under a pseudo-terminal; `interruptWhen` types Ctrl-C once the terminal shows it. */
const inTerminal = (args: readonly string[], interruptWhen?: RegExp, env = process.env): Promise<{ code: number | null; screen: string }> =>
  new Promise((resolve, reject) => {
    const command = [process.execPath, BIN, ...args].map(shellQuote).join(' ');
    const proc = spawn('script', ['-qfec', command, '/dev/null'], { cwd: folder, env, stdio: ['pipe', 'pipe', 'inherit'] });
    let screen = '';
    let typed = false;
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      screen += chunk;
      if (interruptWhen !== undefined && !typed && interruptWhen.test(screen)) {
        typed = true;
        proc.stdin.write('\x03');
      }
    });
    proc.on('error', reject);
    proc.on('close', (code) => resolve({ code, screen }));
  });

/** A watch stream of `n` pending pods: large enough that an import is still running when Ctrl-C comes. */
const watchStream = (n: number): string => {
  const file = join(folder, `pods-${n}.jsonl`);
  if (existsSync(file)) return file;
  const lines = Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      type: 'ADDED',
      object: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: `load-${i}`,
          namespace: 'load',
          uid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          resourceVersion: String(1000 + i),
          creationTimestamp: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        },
        spec: { containers: [{ name: 'app', image: 'nginx' }] },
        status: { phase: 'Pending' },
      },
    }),
  );
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
};

describe.skipIf(!hasScript)('import in a terminal', () => {
  it('draws bars for reading and appending, then the summary, and gives the cursor back', async () => {
    const { journal } = workspace();
    const { code, screen } = await inTerminal(['import', rollingUpdate, '--journal', journal]);
    expect(code, screen).toBe(0);
    expect(screen).toContain('rolling-update-pods.watch.jsonl |');
    expect(screen).toMatch(/appending \|[^|]*\| \d+\/\d+ events/);
    expect(screen).toContain(HIDE_CURSOR);
    expect(screen.lastIndexOf(SHOW_CURSOR)).toBeGreaterThan(screen.lastIndexOf(HIDE_CURSOR));
    expect(screen).toMatch(/imported \d+ new events/);
    expect(screen).toContain('updating snapshots…');
  });

  it.each([
    ['reading', /pods-20000\.jsonl \|[^|]*\| \d+% /],
    // Each document is a PodCreated and its capture (PodObserved): 40,000 events.
    ['appending', /appending \|[^|]*\| [1-9]\d*\/40000 events/],
  ])('Ctrl-C while %s shows the cursor again, exits 130, changes nothing in the journal and leaves no spill files', async (_phase, when) => {
    const { journal, podj } = workspace();
    const seeded = podj('import', rollingUpdate);
    expect(seeded.code, seeded.stderr).toBe(0);
    const before = podj('export').stdout;
    const file = watchStream(20_000);
    const tmp = ownTmp();
    const { code, screen } = await inTerminal(['import', file, '--journal', journal], when, tmp.env);
    expect(code, screen).toBe(130);
    expect(screen).toMatch(/\^C/);
    expect(screen.lastIndexOf(SHOW_CURSOR)).toBeGreaterThan(screen.lastIndexOf(HIDE_CURSOR));
    expect(tmp.spillFolders()).toEqual([]);
    expect(podj('verify').code).toBe(0);
    expect(podj('export').stdout).toBe(before);
  }, 60_000);
});

describe('import in a pipe', () => {
  // No bar, so no handler of the bar's: the import's own removes its spill folder and dies of the signal.
  it.each(['SIGTERM', 'SIGINT'] as const)('%s once the facts are spilled to disk removes them and ends the process by that signal', async (signal) => {
    const { journal } = workspace();
    const tmp = ownTmp();
    const proc = spawn(process.execPath, [BIN, 'import', watchStream(20_000), '--journal', journal], { env: tmp.env, stdio: 'ignore' });
    const ended = new Promise<NodeJS.Signals | null>((resolve) => proc.on('close', (_code, s) => resolve(s)));
    while (tmp.spillFolders().length === 0) await new Promise((r) => setTimeout(r, 20));
    proc.kill(signal);
    expect(await ended).toBe(signal);
    expect(tmp.spillFolders()).toEqual([]);
  }, 60_000);
});
