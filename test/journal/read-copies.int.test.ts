import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readJournal } from '../../src/journal/index.js';
import { newReadCopy } from '../../src/journal/read-copies.js';
import { freshJournal, podCreated } from './fixtures.js';

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

describe('read copies left by killed readers', () => {
  it("a new copy removes the copies of processes that are gone, and never a live process's or a folder it did not name", () => {
    const base = mkdtempSync(join(tmpdir(), 'podj-copies-'));
    made.push(base);
    const dead = leftover(base, `podj-read-${deadPid()}-aBc123`);
    const live = leftover(base, `podj-read-${process.ppid}-dEf456`);
    const unnamed = leftover(base, 'podj-read-gHi789');
    const other = leftover(base, 'notes');
    const copy = newReadCopy(base);
    expect(copy.startsWith(join(base, `podj-read-${process.pid}-`))).toBe(true);
    expect(existsSync(copy)).toBe(true);
    expect(existsSync(dead)).toBe(false);
    expect([live, unnamed, other].filter(existsSync)).toEqual([live, unnamed, other]);
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
