import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { convertFiles } from '../../src/importers/index.js';
import { readJournal } from '../../src/journal/index.js';
import { newOwnedFolder } from '../../src/temp/owned-folders.js';
import { freshJournal, podCreated } from '../journal/fixtures.js';
import { ours, real } from '../importers/fixtures.js';

/** The id of a process that has exited. */
const deadPid = (): number => {
  const run = spawnSync(process.execPath, ['-e', '']);
  if (run.pid === undefined) throw new Error('no child process');
  return run.pid;
};

/** A copy folder as a reader killed by a signal leaves it: named after its process, with files in it. */
const leftover = (base: string, name: string): string => {
  const dir = join(base, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'CURRENT'), 'MANIFEST-000002\n');
  return dir;
};

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('scratch folders left by killed processes', () => {
  it("a new folder removes its prefix's folders of processes that are gone, and never a live process's, another prefix's or a folder it did not name", () => {
    const base = mkdtempSync(join(tmpdir(), 'podj-copies-'));
    made.push(base);
    const dead = leftover(base, `podj-read-${deadPid()}-aBc123`);
    const live = leftover(base, `podj-read-${process.ppid}-dEf456`);
    const unnamed = leftover(base, 'podj-read-gHi789');
    const otherPrefix = leftover(base, `podj-import-${deadPid()}-jKl012`);
    const other = leftover(base, 'notes');
    const copy = newOwnedFolder(base, 'podj-read');
    expect(copy.startsWith(join(base, `podj-read-${process.pid}-`))).toBe(true);
    expect(existsSync(copy)).toBe(true);
    expect(existsSync(dead)).toBe(false);
    expect([live, unnamed, otherPrefix, other].filter(existsSync)).toEqual([live, unnamed, otherPrefix, other]);
  });

  it("an import that spills removes the spill folder an import killed by SIGKILL left, and names its own after its process", async () => {
    const base = mkdtempSync(join(tmpdir(), 'podj-spills-'));
    made.push(base);
    const dead = leftover(base, `podj-import-${deadPid()}-mNo345`);
    const converted = await convertFiles([real('rolling-update-pods.watch.jsonl'), ours('pod-life.audit.jsonl')], { spill: { memoryItems: 10, partitions: 2, dir: base } });
    if (E.isLeft(converted)) throw new Error(converted.left.join('\n'));
    expect(existsSync(dead)).toBe(false);
    expect(readdirSync(base).filter((n) => n.startsWith(`podj-import-${process.pid}-`))).toHaveLength(1);
    await converted.right.facts.dispose();
    expect(readdirSync(base)).toEqual([]);
  });

  it('a read of a journal clears a dead reader’s copy and removes its own', async () => {
    const { journal, dir, done } = await freshJournal();
    await journal.append([podCreated('web-0', 1)], { expectedSeq: 0 });
    let base = '/dev/shm';
    try {
      accessSync(base, constants.W_OK | constants.X_OK);
    } catch {
      base = tmpdir();
    }
    const dead = leftover(base, `podj-read-${deadPid()}-test01`);
    made.push(dead);
    const count = await readJournal(dir, async (j) => j.count());
    expect(count).toBe(1);
    expect(existsSync(dead)).toBe(false);
    expect(readdirSync(base).filter((name) => name.startsWith(`podj-read-${process.pid}-`))).toEqual([]);
    await done();
  });
});
