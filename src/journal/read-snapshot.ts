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
import { accessSync, constants, copyFileSync, existsSync, linkSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JournalError } from './errors.js';
import { liveTables, tablesSpanning } from './leveldb-manifest.js';
import { newOwnedFolder } from '../temp/owned-folders.js';
import type { LevelJournal, TimeQuery } from './journal.js';
import type { JournalRecord } from './record.js';
import { openJournal, refuseForeignFolder, type OpenOptions } from './open.js';
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

/** The name of the store's current MANIFEST, as its CURRENT file gives it. */
const currentManifest = (dir: string): string => readFileSync(join(dir, 'CURRENT'), 'utf8').trim();

/**
 * What identifies the store's current version: CURRENT's content and its MANIFEST's size. A CURRENT that names no
 * MANIFEST, or one that is missing, is damage, named as such: it read as Node's `ENOENT: …, stat '…/garbage'`. A
 * writer replacing the MANIFEST can race this read too; the copy is made again then (`openReadCopy`).
 */
const versionOf = (dir: string): string => {
  const manifest = currentManifest(dir);
  const damaged = (why: string): JournalError => new JournalError('corrupt', `journal ${dir} is damaged: LevelDB's CURRENT file ${why}`);
  if (!/^MANIFEST-\d+$/.test(manifest)) throw damaged(`does not name a MANIFEST (${JSON.stringify(manifest.slice(0, 40))})`);
  const info = statSync(join(dir, manifest), { throwIfNoEntry: false });
  if (info === undefined) throw damaged(`names ${manifest}, which is missing`);
  return `${manifest}:${info.size}`;
};

/**
 * Where a copy goes and how it names the journal's tables. A reader's copy goes in memory and names them by
 * symbolic links (`READER`). The writer's own read (`WRITER`) cannot: the writer compacts while it reads (the
 * snapshot upkeep right after an append), and a compaction deletes a table a symbolic link still named
 * (`IO error: …/000040.ldb: No such file or directory`); a hard link keeps the table's file until the copy goes,
 * and it must be made on the journal's file system, so that copy goes inside the journal's folder.
 */
interface Placement {
  readonly base: (dir: string) => string;
  readonly link: (target: string, path: string) => void;
  /** Where to make the copy again when it could not be made or opened. */
  readonly retry: (dir: string) => string;
}

const READER: Placement = { base: memoryOrTemporary, link: symlinkSync, retry: tmpdir };
const WRITER: Placement = { base: (dir) => dir, link: linkSync, retry: (dir) => dir };

/**
 * Copies the store's mutable files and links its tables into `into`; false if a flush or compaction raced.
 * Every call is synchronous: a few small files and one link per table (about 940 at L), where one thread-pool
 * round trip each cost far more than the work (a second at L on a busy machine, against ~20 ms), and a reader's
 * start would load node:fs/promises for them.
 */
const copyStore = (dir: string, into: string, link: Placement['link']): boolean => {
  const before = versionOf(dir);
  const manifest = before.slice(0, before.lastIndexOf(':'));
  copyFileSync(join(dir, 'CURRENT'), join(into, 'CURRENT'));
  const manifestBytes = readFileSync(join(dir, manifest));
  writeFileSync(join(into, manifest), manifestBytes);
  const live = liveTables(manifestBytes);
  const names = readdirSync(dir);
  for (const name of names) if (name.endsWith('.log')) copyFileSync(join(dir, name), join(into, name));
  for (const name of names) if (/^\d+\.(ldb|sst)$/.test(name) && live.has(Number.parseInt(name, 10))) link(join(dir, name), join(into, name));
  // Snapshot blobs are written whole and renamed into place, then only deleted: the folder is shared.
  if (existsSync(snapshotFolder(dir))) symlinkSync(snapshotFolder(dir), snapshotFolder(into));
  return versionOf(dir) === before;
};

/**
 * Where a damaged value's key lies in the journal: the table files its MANIFEST says span it (the value read came
 * from one of them), else the write-ahead log. The journal's own MANIFEST, not the copy's: opening the copy wrote
 * the log's records into a table of its own.
 */
const whereHeld = (dir: string, key: string): string => {
  try {
    const tables = tablesSpanning(readFileSync(join(dir, currentManifest(dir))), key);
    return ` (${tables.length === 0 ? "LevelDB's write-ahead log" : tables.length === 1 ? `LevelDB table ${tables[0]}` : `one of LevelDB's tables ${tables.join(', ')}`})`;
  } catch {
    return ''; // a MANIFEST that cannot be read names nothing more; the key is named
  }
};

/**
 * A journal error told about the journal in `dir`: a record or index fault found while reading names the key, not
 * the journal it lies in, nor the table that holds it. The writer's reads (an import's lookups, a simulation's
 * fold) are told so too (`cli/journal-access.ts`).
 */
export const namedInJournal = (error: JournalError, dir: string): JournalError => {
  const message = error.message + (error.key === undefined ? '' : whereHeld(dir, error.key));
  return new JournalError(error.kind, message.startsWith('journal ') || message.includes(dir) ? message : `journal ${dir}: ${message}`);
};

/**
 * A journal error about the copy, told about the journal itself; so is LevelDB's own failure to read one of its
 * files (`IO error: <copy>/000005.ldb: Invalid argument`, a table cut short), which names the copy's path.
 */
const aboutJournal = (error: unknown, copy: string, dir: string): unknown => {
  if (error instanceof JournalError) return namedInJournal(new JournalError(error.kind, error.message.replaceAll(copy, dir), error.key), dir);
  if (error instanceof Error && error.message.includes(copy)) return new JournalError('corrupt', `journal ${dir} cannot be read: ${error.message.replaceAll(copy, dir)}`);
  return error;
};

/** A private read snapshot, open, and its folder; `close` closes it and removes the folder. */
interface ReadCopy {
  readonly journal: LevelJournal;
  readonly folder: string;
  close(): Promise<void>;
}

/** Opens a private read snapshot of the journal in `dir`, made again while a flush or compaction races it. */
const openReadCopy = async (dir: string, placement: Placement, opts: Pick<OpenOptions, 'verifying'> = {}): Promise<ReadCopy> => {
  refuseForeignFolder(dir, false);
  let base = placement.base(dir);
  for (let attempt = 1; ; attempt++) {
    const folder = newOwnedFolder(base, 'podj-read');
    // Synchronously, for the same reason as the links: one unlink per table.
    const remove = (): void => rmSync(folder, { recursive: true, force: true });
    let journal: LevelJournal | undefined;
    try {
      if (copyStore(dir, folder, placement.link)) journal = await openJournal(folder, { ...opts, create: false, sync: false, tidy: false, copy: true });
    } catch (error) {
      remove();
      if (attempt >= ATTEMPTS) throw aboutJournal(error, folder, dir);
      base = placement.retry(dir);
      continue;
    }
    if (journal === undefined) {
      remove();
      if (attempt >= ATTEMPTS) throw new JournalError('in-use', `journal ${dir} kept changing while a read snapshot was taken`);
      continue;
    }
    const opened = journal;
    return { journal: opened, folder, close: () => opened.close().finally(remove) };
  }
};

/**
 * Runs `task` over a private read snapshot of the journal in `dir` (never created, never changed, never
 * locked), then removes the snapshot. The journal handle must only be read: appends would go to the copy.
 */
export const readJournal = async <T>(dir: string, task: (journal: LevelJournal) => Promise<T>, opts: Pick<OpenOptions, 'verifying'> = {}): Promise<T> => {
  const copy = await openReadCopy(dir, READER, opts);
  try {
    return await task(copy.journal);
  } catch (error) {
    throw aboutJournal(error, copy.folder, dir);
  } finally {
    await copy.close();
  }
};

/** How `recordPagesThroughCopies` reads: the records it reads through the writer's own handle first, then through each copy. */
export interface CopyReading {
  /**
   * A read this short (the upkeep after a small write: the events after the newest snapshot) makes no copy: a
   * copy links every table and replays the log, tens of milliseconds on every write, where a few tables mapped cost nothing.
   */
  readonly ownFirst: number;
  /**
   * Records one copy gives before it is closed: at tier L ≈ 30 MB of records, ≈ 4 tables, mapped at the upkeep's
   * peak; 100,000 held ≈ 30 MiB more there, and a copy costs ≈ 15 ms of CPU (≈ 52 copies at L).
   */
  readonly perCopy: number;
}

const COPY_READING: CopyReading = { ownFirst: 20_000, perCopy: 50_000 };

/**
 * The pages `journal.recordsInTimeOrder(q)` gives, up to the head `headSeq`, read by the journal's writer: the
 * first `ownFirst` records through its own handle, the rest through private read snapshots of the journal, each
 * closed after `perCopy` records and the read continued in a fresh one from the last record's position. For a
 * read of the whole journal in the writer's process (the snapshot upkeep): LevelDB memory-maps every table its
 * table cache holds, at least 64 (open.ts), so one handle reading an L journal held ≈ 430–480 MiB of tables
 * resident at the upkeep's end; closing a store unmaps its tables. A later copy may hold records appended since
 * the read began: they are left out, as the journal's own read leaves out what lies beyond its head.
 */
export async function* recordPagesThroughCopies(journal: LevelJournal, q: TimeQuery, headSeq: number, reading: CopyReading = COPY_READING): AsyncGenerator<JournalRecord[]> {
  let after = q.after;
  /** Reads pages from `from` until `limit` records have been read; whether the read stopped there. */
  async function* segment(from: LevelJournal, limit: number): AsyncGenerator<JournalRecord[], boolean> {
    let read = 0;
    for await (const page of from.recordsInTimeOrder({ ...q, after }).batches()) {
      const last = page[page.length - 1];
      if (last !== undefined) after = { at: last.event.at, seq: last.seq };
      const kept = page.filter((r) => r.seq <= headSeq);
      if (kept.length > 0) yield kept;
      read += page.length;
      if (read >= limit) return true;
    }
    return false;
  }
  if (reading.ownFirst > 0 && !(yield* segment(journal, reading.ownFirst))) return;
  // Every copy replays the log: a long one is written into a table first.
  await journal.shortenLog();
  for (let more = true; more; ) {
    const copy = await openReadCopy(journal.dir, WRITER);
    try {
      more = yield* segment(copy.journal, reading.perCopy);
    } catch (error) {
      throw aboutJournal(error, copy.folder, journal.dir);
    } finally {
      await copy.close();
    }
  }
}
