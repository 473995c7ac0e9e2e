/**
 * Reading a journal without touching it: a private read snapshot. LevelDB's open takes the folder's LOCK and
 * rewrites CURRENT, LOG and the MANIFEST, so even a read changes a journal kept as evidence, fails on a
 * read-only folder, and is refused while a writer holds the lock. A reader instead copies the small mutable
 * files (CURRENT, the MANIFEST it names, the write-ahead *.log) into a temporary folder, links the immutable
 * *.ldb tables the MANIFEST names as live (LevelDB never rewrites a table, it only deletes it; a table still
 * being written is never linked, see leveldb-manifest.ts), and opens the copy: any number of readers
 * beside the one writer, on a read-only folder, and not one byte of the journal changed.
 *
 * A writer may flush or compact while the copy is made. The copy is consistent when CURRENT and the MANIFEST's
 * size are the same after it as before (no flush or compaction, which always write a MANIFEST edit, came
 * between); else, or if the copy cannot be opened (a table deleted under it), it is made again.
 */
import { accessSync, constants, rmSync, symlinkSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JournalError } from './errors.js';
import { liveTables } from './leveldb-manifest.js';
import type { LevelJournal } from './journal.js';
import { openJournal, type OpenOptions } from './open.js';
import { snapshotFolder } from './snapshot-files.js';

const ATTEMPTS = 8;

/**
 * Where read copies go: a memory file system when there is one (Linux's /dev/shm), else the temporary folder.
 * A copy is a link per table (one per 2 MB of store: about 940 at L) and a few small files, and on a disk file
 * system each link is a journaled metadata write: ~0.3 ms of system time each on ext4 here, 0.3 s at L,
 * against ~0.04 ms in memory. A copy that cannot be made there (full, refused) is made again on disk.
 */
const MEMORY = '/dev/shm';
const memoryOrTemporary = (): string => {
  try {
    accessSync(MEMORY, constants.W_OK | constants.X_OK);
    return MEMORY;
  } catch {
    return tmpdir();
  }
};

/** What identifies the store's current version: CURRENT's content and its MANIFEST's size. */
const versionOf = async (dir: string): Promise<string> => {
  const manifest = (await readFile(join(dir, 'CURRENT'), 'utf8')).trim();
  const { size } = await stat(join(dir, manifest));
  return `${manifest}:${size}`;
};

/** Copies the store's mutable files and links its tables into `into`; false if a flush or compaction raced. */
const copyStore = async (dir: string, into: string): Promise<boolean> => {
  const before = await versionOf(dir);
  const manifest = before.slice(0, before.lastIndexOf(':'));
  await copyFile(join(dir, 'CURRENT'), join(into, 'CURRENT'));
  const manifestBytes = await readFile(join(dir, manifest));
  await writeFile(join(into, manifest), manifestBytes);
  const live = liveTables(manifestBytes);
  const names = await readdir(dir);
  for (const name of names) if (name.endsWith('.log')) await copyFile(join(dir, name), join(into, name));
  // The links are made synchronously: a store has one table per 2 MB (about 940 at L), and one thread-pool
  // round trip per link cost far more than the link itself (a second at L on a busy machine, against ~20 ms).
  for (const name of names) if (/^\d+\.(ldb|sst)$/.test(name) && live.has(Number.parseInt(name, 10))) symlinkSync(join(dir, name), join(into, name));
  // Snapshot blobs are written whole and renamed into place, then only deleted: the folder is shared.
  if (await stat(snapshotFolder(dir)).then(() => true, () => false)) symlinkSync(snapshotFolder(dir), snapshotFolder(into));
  return (await versionOf(dir)) === before;
};

const mustBeStore = async (dir: string): Promise<void> => {
  const info = await stat(dir).catch(() => undefined);
  if (info === undefined) throw new JournalError('not-a-journal', `journal ${dir} does not exist`);
  if (!info.isDirectory()) throw new JournalError('not-a-journal', `${dir} is not a journal: it is a file, not a folder`);
  const entries = await readdir(dir);
  if (entries.length === 0) throw new JournalError('not-a-journal', `journal ${dir} does not exist`);
  if (!entries.includes('CURRENT')) throw new JournalError('not-a-journal', `${dir} is not a journal: the folder holds other files and no LevelDB store`);
};

/** A journal error about the copy, told about the journal itself. */
const aboutJournal = (error: unknown, copy: string, dir: string): unknown =>
  error instanceof JournalError ? new JournalError(error.kind, error.message.replaceAll(copy, dir)) : error;

/**
 * Runs `task` over a private read snapshot of the journal in `dir` (never created, never changed, never
 * locked), then removes the snapshot. The journal handle must only be read: appends would go to the copy.
 */
export const readJournal = async <T>(
  dir: string,
  task: (journal: LevelJournal) => Promise<T>,
  opts: Pick<OpenOptions, 'verifying'> = {},
): Promise<T> => {
  await mustBeStore(dir);
  let base = memoryOrTemporary();
  for (let attempt = 1; ; attempt++) {
    const copy = await mkdtemp(join(base, 'podj-read-'));
    try {
      let journal: LevelJournal | undefined;
      try {
        if (await copyStore(dir, copy)) journal = await openJournal(copy, { ...opts, create: false, sync: false, tidy: false });
      } catch (error) {
        if (attempt >= ATTEMPTS) throw aboutJournal(error, copy, dir);
        base = tmpdir();
      }
      if (journal === undefined) {
        if (attempt >= ATTEMPTS) throw new JournalError('in-use', `journal ${dir} kept changing while a read snapshot was taken`);
        continue;
      }
      try {
        return await task(journal);
      } catch (error) {
        throw aboutJournal(error, copy, dir);
      } finally {
        await journal.close();
      }
    } finally {
      // Synchronously, for the same reason as the links: one unlink per table.
      rmSync(copy, { recursive: true, force: true });
    }
  }
};
