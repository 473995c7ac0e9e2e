/**
 * A journal that cannot be written, made so for real: a read-only mount (a private bind mount in a mount namespace
 * of its own, `unshare -m`), an immutable folder or file (`chattr +i`, which binds root too), or permissions for a
 * user other than root. Reads answer as on a writable journal; every write is refused with one line naming the
 * journal and why, and not one byte of it changes. A write whose records land but whose snapshots cannot be
 * written stands: its head line, and one warning.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, fingerprint, sample, workspace, type Run } from './podj.js';
import { BIN } from './spawn.js';
import { refusedWrite, whileUnwritable } from '../support/unwritable.js';

const manifest = join(REPO, 'test/fixtures/manifests/liveness-exec.yaml');

/** Whether this process may bind-mount a folder read-only in a mount namespace of its own (root, with CAP_SYS_ADMIN). */
const mountsReadOnly = ((): boolean => {
  const probe = mkdtempSync(join(tmpdir(), 'podj-ro-probe-'));
  try {
    return spawnSync('unshare', ['-m', 'sh', '-c', 'mount --bind -o ro "$0" "$0" && ! touch "$0/x" 2>/dev/null', probe]).status === 0;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();

/** `podj ARGS` with `folder` mounted read-only over itself, for this process alone (the mount ends with it). */
const onReadOnlyMount = (folder: string, cwd: string, journal: string, ...args: string[]): Run => {
  const r = spawnSync('unshare', ['-m', 'sh', '-c', 'mount --bind -o ro "$0" "$0" && shift && exec "$@"', folder, 'podj', process.execPath, BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PODJ_JOURNAL: journal },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const writes: ReadonlyArray<readonly string[]> = [
  ['apply', '-f', manifest],
  ['record', 'NodeConditionChanged', '--node', 'n1', 'conditionType=Ready', 'status=False'],
  ['delete', 'pod', 'memleak-pod'],
  ['import', 'all.export'],
  ['replay', sample('crashloop-memleak')],
];

describe.skipIf(!mountsReadOnly)('a journal on a read-only mount (unshare -m, mount --bind -o ro)', () => {
  it('reads answer as on the writable journal; each write is refused with one line naming it, and nothing changes', () => {
    const { podj, dir, journal } = workspace();
    podj('replay', sample('crashloop-memleak'));
    writeFileSync(join(dir, 'all.export'), podj('export').stdout);
    const reads = [['get', 'pods', '-A'], ['events'], ['verify'], ['export'], ['describe', 'pod', 'memleak-pod'], ['get', 'pods', '--at', '+1m']];
    const writable = reads.map((args) => podj(...args));
    const before = fingerprint(journal);
    reads.forEach((args, i) => expect(onReadOnlyMount(journal, dir, journal, ...args), args.join(' ')).toEqual({ ...writable[i], code: 0 }));
    for (const args of writes) {
      // these said "journal DIR cannot be opened: IO error: DIR/LOCK: Read-only file system"
      expect(onReadOnlyMount(journal, dir, journal, ...args), args.join(' ')).toEqual({
        code: 2,
        stdout: '',
        stderr: `error: journal ${journal} is read-only (its folder: read-only file system): it can be read, not written\n`,
      });
    }
    expect(fingerprint(journal)).toEqual(before);
  });

  it('a new journal under a read-only folder is refused naming the journal and the folder, not a hidden folder beside it', () => {
    const { podj, dir, journal } = workspace();
    podj('replay', sample('crashloop-memleak'));
    writeFileSync(join(dir, 'all.export'), podj('export').stdout);
    rmSync(journal, { recursive: true });
    mkdirSync(join(dir, 'empty'));
    // these said "EROFS: read-only file system, mkdtemp 'DIR/.journal.podj-new-PID-XXXXXX'", and "ENOENT: no such file or directory, mkdir 'DIR/a/b'"
    for (const target of [journal, join(dir, 'a', 'b', 'journal'), join(dir, 'empty')]) {
      expect(onReadOnlyMount(dir, dir, target, 'import', 'all.export')).toEqual({
        code: 2,
        stdout: '',
        stderr: `error: journal ${target} cannot be made: folder ${dir} is read-only (read-only file system)\n`,
      });
    }
    expect(readdirSync(dir).sort()).toEqual(['all.export', 'empty']);
  });
});

describe('a journal that cannot be written (chattr +i as root, else no write permission)', () => {
  it('an unwritable folder: reads answer, writes are refused in one line, and not a byte changes (LevelDB rewrote its LOG)', (ctx) => {
    const { podj, dir, journal } = workspace();
    podj('replay', sample('crashloop-memleak'));
    writeFileSync(join(dir, 'all.export'), podj('export').stdout);
    const rows = podj('get', 'pods', '-A').stdout;
    const before = fingerprint(journal);
    const ran = whileUnwritable(journal, () => {
      expect(podj('get', 'pods', '-A')).toEqual({ code: 0, stdout: rows, stderr: '' });
      for (const args of writes) {
        // root's write said "journal DIR cannot be opened: IO error: DIR/000005.ldb: Operation not permitted", its LOG rewritten
        expect(podj(...args), args.join(' ')).toEqual({ code: 2, stdout: '', stderr: `error: journal ${journal} is read-only (its folder: ${refusedWrite}): it can be read, not written\n` });
      }
      return true;
    });
    if (ran === undefined) ctx.skip('chattr +i is refused on this file system');
    expect(fingerprint(journal)).toEqual(before);
    expect(podj('apply', '-f', manifest).code).toBe(0);
  });

  it("an unwritable LOCK file (LevelDB's lock, opened to write): writes are refused naming it; an unwritable table is read, and the write lands", (ctx) => {
    const { podj, journal } = workspace();
    podj('replay', sample('crashloop-memleak'));
    podj('apply', '-f', manifest); // the open writes the log into a table
    const before = fingerprint(journal);
    const lock = whileUnwritable(join(journal, 'LOCK'), () => podj('record', 'NodeConditionChanged', '--node', 'n1', 'conditionType=Ready', 'status=False'));
    if (lock === undefined) ctx.skip('chattr +i is refused on this file system');
    expect(lock).toEqual({ code: 2, stdout: '', stderr: `error: journal ${journal} is read-only (its LOCK file: ${refusedWrite}): it can be read, not written\n` });
    expect(fingerprint(journal)).toEqual(before);
    // LevelDB never writes a table again: one it cannot change is read as any other
    const [table = ''] = readdirSync(journal).filter((name) => name.endsWith('.ldb'));
    const record = whileUnwritable(join(journal, table), () => podj('record', 'NodeConditionChanged', '--node', 'n1', 'conditionType=Ready', 'status=False'));
    expect(record).toMatchObject({ code: 0, stderr: expect.stringMatching(/^head 95 sha256:[0-9a-f]{64}\n$/) });
    expect(podj('verify').stdout).toMatch(/^verified 95 records/);
  });

  it('a write whose records land but whose snapshots cannot be written stands: its head line and one warning, exit 0', (ctx) => {
    const { podj, journal } = workspace();
    podj('replay', sample('crashloop-memleak'));
    const heads = join(journal, 'snapshots', 'head');
    const record = whileUnwritable(heads, () => podj('record', 'NodeConditionChanged', '--node', 'node01', 'conditionType=Ready', 'status=False'));
    if (record === undefined) ctx.skip('chattr +i is refused on this file system');
    // this printed "error: EPERM: operation not permitted, open 'DIR/snapshots/head/0.json.tmp'" and exited 2, no head line: a retry recorded the event twice
    expect(record).toMatchObject({ code: 0, stdout: '#94 NodeConditionChanged node/node01: Ready=False\n' });
    expect(record?.stderr).toMatch(
      new RegExp(
        `^head 94 sha256:[0-9a-f]{64}\nwarning: journal ${journal}: the write landed, but its snapshots were not brought up to date \\(reads fold the events instead\\): E[A-Z]+: ${refusedWrite}, open '${heads}/[^']+'\n$`,
      ),
    );
    expect(podj('verify').stdout).toMatch(/^verified 94 records/);
    // reads fold the event the head table lacks; the next write brings the snapshots up to date
    expect(podj('get', 'nodes').stdout).toMatch(/node01\s+NotReady/);
    expect(podj('record', 'NodeConditionChanged', '--node', 'node01', 'conditionType=Ready', 'status=True')).toMatchObject({ code: 0, stderr: expect.stringMatching(/^head 95 sha256:[0-9a-f]{64}\n$/) });
    expect(podj('verify')).toMatchObject({ code: 0 });
  });
});
