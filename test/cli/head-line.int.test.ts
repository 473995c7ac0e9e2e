/**
 * A write's head line (`head N sha256:…`, the anchor to keep outside the journal) is printed once its records
 * have landed, before the snapshot upkeep, which takes seconds after a large import: Ctrl-C or SIGTERM during
 * the upkeep ended the process with the records in and nothing said, and a run again recorded them twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { processIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import { REPO } from './podj.js';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** `podj ARGS` in this process, as on a terminal (its stderr a TTY, so the upkeep says when it starts): every write to stderr, in order. */
const onTerminal = async (dir: string, ...argv: string[]): Promise<{ readonly code: number; readonly stderr: string[] }> => {
  const stderr: string[] = [];
  const io = { ...processIO(), out: () => undefined, err: (s: string) => void stderr.push(s), errIsTTY: true, cwd: dir, env: { ...process.env, PODJ_JOURNAL: join(dir, 'journal') } };
  return { code: await run(argv, io), stderr };
};

it('the head line is out before the snapshot upkeep starts, into a new journal made aside and into an existing one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'podj-head-line-'));
  folders.push(dir);
  const manifest = join(REPO, 'test/fixtures/manifests/liveness-exec.yaml');
  // a new journal exists once it is moved into place, after its upkeep: its head line comes then
  const made = await onTerminal(dir, 'apply', '-f', manifest, '--at', '2026-01-01T00:00:00Z');
  expect(made).toEqual({ code: 0, stderr: ['updating snapshots…\r', '\x1b[2K', expect.stringMatching(/^head 1 sha256:[0-9a-f]{64}\n$/)] });
  // this printed it last, after the upkeep, as above
  const written = await onTerminal(dir, 'record', 'NodeConditionChanged', '--node', 'n1', 'conditionType=Ready', 'status=False', '--at', '2026-01-01T00:01:00Z');
  expect(written).toEqual({ code: 0, stderr: [expect.stringMatching(/^head 2 sha256:[0-9a-f]{64}\n$/), 'updating snapshots…\r', '\x1b[2K'] });
});
