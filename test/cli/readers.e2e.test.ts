/**
 * Many readers and reads that change nothing, through the built binary: readers beside a writer in another
 * process, a read-only journal folder, `verify` byte for byte, no store made by a read, pipes closed early,
 * and `get -w` following a later append.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openJournal } from '../../src/journal/index.js';
import { podCreated } from '../journal/fixtures.js';
import { fingerprint, workspace } from './podj.js';
import { BIN, finish, start } from './spawn.js';

/** A journal of `pods` created pods, written directly through the journal. */
const fill = async (dir: string, pods: number): Promise<void> => {
  const journal = await openJournal(dir, { sync: false });
  await journal.appendBulk(Array.from({ length: pods }, (_, i) => podCreated(`p${i}`, i)));
  await journal.close();
};

const child = fileURLToPath(new URL('../journal/child.ts', import.meta.url));

describe('many readers beside one writer', () => {
  it('three readers at once succeed while another process appends, and a second writer is still refused', async () => {
    const { journal } = workspace();
    await fill(journal, 10);
    const writer = spawn(process.execPath, ['--import', 'tsx', child, 'burst', journal], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve) => writer.stdout.once('data', () => resolve()));
      const readers = await Promise.all([1, 2, 3].map(() => finish(['get', 'pods', '-A', '--journal', journal])));
      for (const r of readers) {
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(r.stdout).toMatch(/^NAMESPACE\s+NAME\s+READY/);
        expect(r.stdout).toContain('pod-p9');
      }
      const second = await finish(['delete', 'pod', 'pod-p1', '--journal', journal]);
      expect(second.code).toBe(2);
      expect(second.stderr).toMatch(/is in use by another process/);
    } finally {
      writer.kill('SIGKILL');
    }
    await new Promise((resolve) => writer.once('close', resolve));
    // The readers' snapshots never wrote through to the writer's files (a reused table number once truncated one).
    const after = await finish(['verify', '--journal', journal]);
    expect(after.code, after.stderr).toBe(0);
  }, 60_000);
});

describe('reads change nothing', () => {
  it('verify, get, events and export leave every byte of the journal as it was', async () => {
    const { journal } = workspace();
    await fill(journal, 50);
    const before = fingerprint(journal);
    for (const args of [['verify'], ['get', 'pods', '-A'], ['events'], ['export'], ['describe', 'pod', 'pod-p3']]) {
      const r = await finish([...args, '--journal', journal]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    expect(fingerprint(journal)).toEqual(before);
  });

  it('reads a read-only journal folder (chmod -R a-w), as a user who cannot write there', async () => {
    const { dir, journal } = workspace();
    await fill(journal, 20);
    chmodSync(dir, 0o755);
    const before = fingerprint(journal);
    chmodSync(journal, 0o555);
    for (const name of readdirSync(journal)) chmodSync(join(journal, name), 0o444);
    // root ignores permissions: read as nobody (65534), for whom the folder is truly read-only.
    const uid = process.getuid?.() === 0 ? 65534 : undefined;
    try {
      const get = await finish(['get', 'pods', '--journal', journal], { uid });
      expect(get.stderr).toBe('');
      expect(get.code).toBe(0);
      expect(get.stdout).toContain('pod-p19');
      const verify = await finish(['verify', '--journal', journal], { uid });
      expect(verify.code, verify.stderr).toBe(0);
      expect(verify.stdout).toMatch(/^verified 20 records/);
    } finally {
      chmodSync(journal, 0o755);
    }
    expect(fingerprint(journal)).toEqual(before);
  });

  it('get on an empty or missing folder answers exit 2 and creates no store', async () => {
    const { dir } = workspace();
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const r = await finish(['get', 'pods', '--journal', empty]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: journal ${empty} does not exist\n`);
    expect(readdirSync(empty)).toEqual([]);
    const missing = await finish(['get', 'pods', '--journal', join(dir, 'missing')]);
    expect(missing.code).toBe(2);
    expect(readdirSync(dir)).toEqual(['empty']);
  });
});

describe('pipes closed early', () => {
  it.each([
    ['get pods -A', ['get', 'pods', '-A']],
    ['events -o journal', ['events', '-o', 'journal']],
    ['export', ['export']],
  ])('podj %s | head -1 ends quietly with exit 0', async (_, args) => {
    const { journal } = workspace();
    await fill(journal, 3000);
    const r = spawn('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" "$@" | head -1 >/dev/null`, 'podj', ...args, '--journal', journal]);
    let stderr = '';
    r.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => r.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('get -w follows', () => {
  const manifest = (name: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: c\n      image: busybox\n`;

  it('shows a pod another process creates after the history, until interrupted', async () => {
    const { dir, journal } = workspace();
    await fill(journal, 2);
    const watch = start(['get', 'pods', '-w', '--journal', journal]);
    await watch.waitFor(/pod-p1/);
    const file = join(dir, 'late.yaml');
    writeFileSync(file, manifest('late-pod'));
    const apply = await finish(['apply', '-f', file, '--journal', journal]);
    expect(apply.code, apply.stderr).toBe(0);
    await watch.waitFor(/\nlate-pod\s+0\/1\s+Pending\s+0\s+/);
    watch.proc.kill('SIGINT');
    expect(await watch.exit).toBe(1);
    expect(watch.stderr()).toBe('');
  });

  it('-o json -w --output-watch-events prints kubectl watch events: ADDED for the history, then the later change', async () => {
    const { dir, journal } = workspace();
    await fill(journal, 1);
    const watch = start(['get', 'pods', '-w', '-o', 'json', '--output-watch-events', '--journal', journal]);
    await watch.waitFor(/"type":"ADDED"/);
    const file = join(dir, 'late.yaml');
    writeFileSync(file, manifest('late-pod'));
    expect((await finish(['apply', '-f', file, '--journal', journal])).code).toBe(0);
    await watch.waitFor(/"name":"late-pod"/);
    watch.proc.kill('SIGINT');
    expect(await watch.exit).toBe(1);
    const events = watch
      .stdout()
      .split(/\n(?=\{)/)
      .map((text) => JSON.parse(text) as { type: string; object: { kind: string; metadata: { name: string } } });
    expect(events.map((e) => [e.type, e.object.kind, e.object.metadata.name])).toEqual([
      ['ADDED', 'Pod', 'pod-p0'],
      ['ADDED', 'Pod', 'late-pod'],
    ]);
  });
});
