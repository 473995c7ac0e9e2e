/**
 * Opening the journal for a command. Readers read a private snapshot of it (any number of them, beside the one
 * writer, on a read-only folder, changing nothing); updaters need an existing journal, creators make one, and
 * both hold LevelDB's lock; after a write the snapshots are brought up to date; the journal is always closed after.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, rmdirSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { namedInJournal, openJournal, readJournal, whyNotWritable, JournalError, type Head, type Journal } from '../journal/index.js';
import { removedAtProcessEnd } from '../importers/on-interrupt.js';
import { newOwnedFolder } from '../temp/owned-folders.js';
import { BadInput, Finding } from './errors.js';
import { packageVersion } from './version.js';
import type { Context, GlobalOptions } from './context.js';

/** `verify` reads, and opens a journal whose head is missing, to report it as a finding. */
export type Access = 'read' | 'verify' | 'update' | 'create';

/** The head line every write prints on stderr: an anchor to keep outside the journal (`verify --expect-head`). */
export const headLine = (head: { readonly seq: number; readonly hash: string }): string => `head ${head.seq} sha256:${head.hash}\n`;

const badInput = (e: unknown): unknown => (e instanceof JournalError ? new BadInput(e.message) : e);

/** A damaged record or index entry a write read (an import's lookups, a simulation's fold) named in the journal, as a read names it. */
const storedFault = (e: unknown, dir: string): unknown => (e instanceof JournalError && e.key !== undefined ? namedInJournal(e, dir) : e);

/** What verify finds: a store LevelDB reports damaged is a fault of the journal, as a bad record is (exit 1). */
const verifyFinding = (e: unknown): unknown => (e instanceof JournalError && e.kind === 'corrupt' ? new Finding(e.message) : badInput(e));

/** Runs `task` with the journal open, mapping the journal's one-line errors to bad input (exit 2). */
export const withJournal = async <T>(
  ctx: Context,
  opts: GlobalOptions,
  access: Access,
  task: (journal: Journal) => Promise<T>,
): Promise<T> => {
  const dir = ctx.journalDir(opts);
  if (access !== 'create' && !existsSync(dir)) {
    throw new BadInput(`no journal at ${dir} (pass --journal DIR or set PODJ_JOURNAL)`);
  }
  if (access === 'read' || access === 'verify') {
    return readJournal(dir, task, { verifying: access === 'verify' }).catch((e: unknown) => Promise.reject(access === 'verify' ? verifyFinding(e) : badInput(e)));
  }
  if (access === 'create' && madeAside(dir)) return createWhole(ctx, dir, task);
  // The head line as soon as the write has landed, before the snapshot upkeep (seconds after a large import): a
  // Ctrl-C or SIGTERM during the upkeep ended the process with the records in and no word of them.
  const landed = (head: Head): void => ctx.io.err(headLine(head));
  const { result, upkeep } = await written(ctx, dir, task, access === 'create', landed).catch((e: unknown) => Promise.reject(badInput(storedFault(e, dir))));
  if (upkeep !== undefined) ctx.io.err(upkeepWarning(dir, upkeep));
  return result;
};

/**
 * The snapshots are a cache of the records: when the system refuses bringing them up to date (their folder
 * read-only, a full disk: `isSystemFailure`) after the records landed, the write stands. It printed an error and exited 2, with no head line, for a
 * write that had landed: a retry recorded its events twice. Now one warning line after the head line; reads
 * fold the events the snapshots lack, and the next write brings them up to date.
 */
const upkeepWarning = (dir: string, failure: string | undefined): string =>
  failure === undefined ? '' : `warning: journal ${dir}: the write landed, but its snapshots were not brought up to date (reads fold the events instead): ${failure}\n`;

/**
 * A failure of the system under the snapshots (a read-only folder, a full disk: Node's and LevelDB's errors carry a
 * `code`), which the write survives; any other failure of the upkeep (a damaged record, a defect) is the command's.
 */
const isSystemFailure = (e: unknown): e is Error & { readonly code: string } =>
  e instanceof Error && !(e instanceof JournalError) && typeof (e as { code?: unknown }).code === 'string';

/**
 * Opens the journal in `dir` to write, runs `task`, tells `landed` its head, brings the snapshots up to date after
 * a write, closes it.
 */
const written = async <T>(
  ctx: Context,
  dir: string,
  task: (journal: Journal) => Promise<T>,
  create: boolean,
  landed?: (head: Head) => void,
): Promise<{ readonly result: T; readonly head: Head; readonly upkeep?: string }> => {
  const journal = await openJournal(dir, { create });
  try {
    const before = journal.head().seq;
    const result = await task(journal);
    landed?.(journal.head());
    if (journal.head().seq === before) return { result, head: journal.head() };
    // Snapshot upkeep can take seconds after a large import: say so on a terminal, then clear the line.
    if (ctx.io.errIsTTY) ctx.io.err('updating snapshots…\r');
    // Loaded here: readers do not fold, so they do not load the fold.
    const { refreshSnapshots, timeTravel } = await import('../timetravel/time-travel.js');
    const upkeep = await refreshSnapshots(timeTravel(journal, packageVersion())).then(
      () => undefined,
      (e: unknown) => (isSystemFailure(e) ? e.message : Promise.reject(e)),
    );
    if (ctx.io.errIsTTY) ctx.io.err('\x1b[2K');
    return { result, head: journal.head(), ...(upkeep !== undefined && { upkeep }) };
  } finally {
    await journal.close();
  }
};

/**
 * Whether a journal to create is made aside and moved into place: when `dir` does not exist, or is an empty
 * folder on its parent's file system (a mount point cannot be replaced by a rename: its journal is made in it).
 */
const madeAside = (dir: string): boolean => {
  try {
    return readdirSync(dir).length === 0 && statSync(dir).dev === statSync(dirname(dir)).dev;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT';
  }
};

/**
 * A new journal is made whole or not at all: written in a folder of its own beside `dir` (`.NAME.podj-new-PID-…`)
 * and renamed into place once the command has succeeded, so a refused command (a bad line in an import, an
 * unparsable --at) leaves no empty journal, and no reader sees a half-made one. A command that succeeds
 * without writing (an empty PodList imported) leaves its empty journal: the next read answers "No resources
 * found", not "no journal". The folder of a process killed outright is removed by the next create beside it.
 */
const createWhole = async <T>(ctx: Context, dir: string, task: (journal: Journal) => Promise<T>): Promise<T> => {
  const parent = dirname(dir);
  refuseReadOnlyFolder(dir, parent);
  const madeParent = mkdirSync(parent, { recursive: true });
  let aside: string | undefined;
  const release = removedAtProcessEnd(() => aside);
  try {
    aside = newOwnedFolder(parent, `.${basename(dir)}.podj-new`);
    const made = aside;
    const { result, head, upkeep } = await written(ctx, made, task, true).catch((e: unknown) => Promise.reject(namedAt(e, made, dir)));
    moveIntoPlace(made, dir);
    aside = undefined;
    syncFolder(parent);
    ctx.io.err(headLine(head) + upkeepWarning(dir, upkeep?.replaceAll(made, dir)));
    return result;
  } catch (e) {
    if (aside !== undefined) rmSync(aside, { recursive: true, force: true });
    aside = undefined;
    if (madeParent !== undefined) removeEmptyFolders(parent, madeParent);
    throw badInput(e);
  } finally {
    release();
  }
};

/**
 * A journal is made beside its place, in `parent` or the nearest folder above it that exists: one that cannot be
 * written is named. Node named the hidden folder it could not make (`EROFS: read-only file system, mkdtemp
 * '/evidence/.j.podj-new-41-XXXXXX'`), or, under a missing folder, said `ENOENT` of the folder it could not make.
 */
const refuseReadOnlyFolder = (dir: string, parent: string): void => {
  let nearest = parent;
  while (!existsSync(nearest) && dirname(nearest) !== nearest) nearest = dirname(nearest);
  const why = whyNotWritable(nearest);
  if (why !== undefined) throw new BadInput(`journal ${dir} cannot be made: folder ${nearest} is read-only (${why})`);
};

/** An error about the folder the journal was made in (LevelDB's own name its files there), told about the journal. */
const namedAt = (e: unknown, made: string, dir: string): unknown => {
  if (e instanceof JournalError) return new JournalError(e.kind, e.message.replaceAll(made, dir));
  if (e instanceof Error) e.message = e.message.replaceAll(made, dir);
  return e;
};

/** The rename that makes a new journal exist; refused if another process filled `dir` meanwhile. */
const moveIntoPlace = (made: string, dir: string): void => {
  try {
    renameSync(made, dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') throw new JournalError('in-use', `journal ${dir} was made by another process meanwhile: nothing of this command was written`);
    throw e;
  }
};

/** A rename lasts through a power loss once its folder is synced (the journal's own files are, by LevelDB). */
const syncFolder = (folder: string): void => {
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

/** Removes the folders `mkdir -p` made for a journal not made, from `deepest` up to `top`, while they are empty. */
const removeEmptyFolders = (deepest: string, top: string): void => {
  for (let folder = deepest; folder.length >= top.length; folder = dirname(folder)) {
    try {
      rmdirSync(folder);
    } catch {
      return;
    }
  }
};
