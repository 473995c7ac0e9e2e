/** Opening a journal folder: create or open the store, map LevelDB's failures to clear errors, check the format, recover. */
import { existsSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { Level } from 'level';
import { instantOf, type Instant } from '../k8s/codecs.js';
import { JournalError } from './errors.js';
import { EMPTY_HEAD, encodeHead, parseHead, type Head } from './head.js';
import { refuseHeadOffTheRecords } from './head-check.js';
import { LevelJournal } from './journal.js';
import { META_FORMAT, META_HEAD, META_STAGING } from './keys.js';
import type { Db } from './scan.js';
import { removeTemporarySnapshotFiles } from './snapshot-files.js';
import { rollForward } from './recover.js';
import { damagedLog, droppedLog } from './write-ahead-log.js';
import { rollbackBeyond } from './stage.js';
import { OLDEST_UPGRADABLE, upgradeFormat } from './upgrade.js';
import { whyNotWritable } from './writable.js';

/** The on-disk layout this code reads and writes (key space, record encoding, head metadata). */
// 2: the pod index is keyed by namespace/name; 3: snapshot blobs in files; 4: pod index entries hold the record;
// 5: a time index only while the journal is not time-ordered; 6: pod index entries hold the record time and event only;
// 7: dedup entries keyed by instant; 8: dedup entries only for events without a pod; 9: a pod's observations in a
// range of their own; 10: each record stored behind its CRC-32, which reads check instead of its SHA-256
export const JOURNAL_FORMAT = 10;

export interface OpenOptions {
  /** Create the journal if the folder does not hold one (default true); read-only verbs pass false. */
  readonly create?: boolean;
  /** Record time for appends that do not give one; default the wall clock. */
  readonly clock?: () => Instant;
  /**
   * fsync every append's records before acknowledging them (default true). Without it an acknowledged append still
   * survives the process being killed (LevelDB has handed it to the OS), but not a machine crash.
   */
  readonly sync?: boolean;
  /**
   * Remove the `.tmp` files a killed snapshot write left (default true). A read snapshot passes false: its
   * snapshots folder is a link to the writer's, whose `.tmp` file may be one being written.
   */
  readonly tidy?: boolean;
  /**
   * For `verify`: open a journal whose head (`m!head`) is missing or unreadable, as if it were empty, so
   * that verify walks the records and names the fault; no recovery is attempted on it.
   */
  readonly verifying?: boolean;
  /**
   * The folder is a read snapshot's private copy: LevelDB's replay of its log checks every record, and what it
   * drops is read from the info log it writes, instead of reading the log twice on every cold read.
   */
  readonly copy?: boolean;
}

const wallClock = (): Instant => instantOf(Date.now());

/**
 * LevelDB's table file size (its default is 2 MiB). Every reader's private copy links each live table, so a
 * cold `podj get pods` grows with their number: 8 MiB tables make an L journal (2.7 GB) ≈ 340 files, not ≈ 940.
 */
const TABLE_FILE_BYTES = 8 * 1024 * 1024;

/**
 * LevelDB's write buffer (its default is 4 MiB): the memtable a level-0 table is written from. A bigger one
 * writes fewer, larger level-0 tables, which overlap each other less often, so LevelDB merges the pod and
 * dedup indexes' scattered keys fewer times (`bench/probes/index-cost.ts`, M: ≈ 30 % less of LevelDB's
 * CPU for format 6's keys). Every reader copies and replays the write-ahead log, which grows to this size:
 * the journal flushes a longer one when it closes (`READER_LOG_BYTES`).
 */
const WRITE_BUFFER_BYTES = 16 * 1024 * 1024;

/**
 * Files LevelDB keeps open (its default is 1,000), each table memory-mapped while open: a read of the whole journal
 * (the snapshot upkeep, a full replay) kept every table of a 2 GB journal mapped, ≈ 0.5–1 GB of resident memory
 * at tier L. LevelDB clips the option to at least 74 (db_impl.cc :: SanitizeOptions, 64 + the 10 files it keeps for
 * itself), so no value bounds the mapped tables below 64 × 8 MiB: 64 was taken as 74, as 24 and 12 are (a full scan
 * maps 62 tables with each; bench/README.md, 2026-12-06 15:05): one handle reading an L journal ends with ≈ 480 MiB of
 * tables resident, so the snapshot upkeep reads through read snapshots it closes as it goes (read-snapshot.ts ::
 * recordPagesThroughCopies). Against 1,000, the upkeep's peak RSS at L fell by 330–470 MiB for the same CPU time
 * (2026-12-06 02:05).
 */
const OPEN_FILES = 74;

/** The LevelDB options of the journal's store (the benchmark's raw baseline is measured with them too). */
export const STORE_OPTIONS = { maxFileSize: TABLE_FILE_BYTES, writeBufferSize: WRITE_BUFFER_BYTES, maxOpenFiles: OPEN_FILES } as const;

export const openJournal = async (dir: string, opts: OpenOptions = {}): Promise<LevelJournal> => {
  refuseForeignFolder(dir, opts.create ?? true);
  if (opts.copy !== true && existsSync(dir)) {
    refuseReadOnly(dir);
    refuseDamagedLog(dir, damagedLog(dir));
  }
  const db: Db = new Level<string, string>(dir, { keyEncoding: 'utf8', valueEncoding: 'utf8', ...STORE_OPTIONS });
  try {
    // Not creating: classic-level would make the folder first (node:fs/promises' mkdir, loaded for it).
    await db.open({ createIfMissing: opts.create ?? true });
  } catch (error) {
    throw openFailure(dir, error);
  }
  try {
    if (opts.copy === true) refuseDamagedLog(dir, droppedLog(dir));
    const read = await readOrInitialize(db, dir, opts.create ?? true);
    if (E.isLeft(read) && opts.verifying !== true) throw read.left;
    // A bulk append that never committed (its process died) left its mark and records beyond the head: undo
    // them. Without the mark, records beyond the head that chain onto it are appends acknowledged before
    // their index write landed: rebuild it (recover.ts). Others are not ours to touch: verify reports them.
    const stored = E.isLeft(read) ? EMPTY_HEAD : read.right;
    const staging = E.isRight(read) && (await db.get(META_STAGING)) !== undefined;
    if (staging) await rollbackBeyond(db, stored);
    const head = E.isRight(read) && !staging ? await rollForward(db, stored) : stored;
    if (opts.verifying !== true) await refuseHeadOffTheRecords(db, dir, head);
    if (opts.tidy ?? true) await removeTemporarySnapshotFiles(dir);
    return new LevelJournal(dir, db, head, opts.clock ?? wallClock, opts.sync ?? true);
  } catch (error) {
    await db.close();
    throw error;
  }
};

/** The folder's or file's status; undefined when it cannot be had (missing, unreadable, under a file). */
const statusOf = (path: string): Stats | undefined => {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
};

/**
 * A folder that holds files but no LevelDB is someone else's: never write into it. Without `create`, the folder
 * must hold a store. Synchronous: two small calls on every start, each a thread-pool round trip otherwise.
 */
export const refuseForeignFolder = (dir: string, create: boolean): void => {
  const info = statusOf(dir);
  if (info !== undefined && !info.isDirectory()) throw new JournalError('not-a-journal', `${dir} is not a journal: it is a file, not a folder`);
  const entries = info === undefined ? [] : readdirSync(dir);
  if (entries.length === 0 && !create) throw new JournalError('not-a-journal', `journal ${dir} does not exist`);
  if (entries.length > 0 && !entries.includes('CURRENT')) {
    // A MANIFEST beside the tables is a LevelDB store that lost the file naming it: damaged, not someone else's.
    if (entries.some((name) => name.startsWith('MANIFEST-'))) throw new JournalError('corrupt', `journal ${dir} is damaged: LevelDB's CURRENT file is missing`);
    throw new JournalError('not-a-journal', `${dir} is not a journal: the folder holds other files and no LevelDB store`);
  }
};

/**
 * A journal that cannot be written is refused before LevelDB opens it, naming why: LevelDB's open rotates its info
 * log and takes the LOCK file before it writes anything else, so on a folder it may not write it failed naming a
 * file it could not make (`000008.ldb: Operation not permitted`, an immutable folder), or said the journal "cannot
 * be opened", having changed its LOG. Reads never open the journal itself (`read-snapshot.ts`): they still work.
 */
const refuseReadOnly = (dir: string): void => {
  for (const [path, what] of [[dir, 'its folder'], [join(dir, 'LOCK'), 'its LOCK file']] as const) {
    const why = whyNotWritable(path);
    if (why !== undefined) throw new JournalError('read-only', `journal ${dir} is read-only (${what}: ${why}): it can be read, not written`);
  }
};

/**
 * A store whose write-ahead log is damaged is refused before LevelDB opens it for writing (which would drop the
 * damaged record and those after it, and delete the log); a copy is refused after, from what its replay dropped.
 */
const refuseDamagedLog = (dir: string, damage: string | undefined): void => {
  if (damage !== undefined) {
    throw new JournalError('corrupt', `journal ${dir} is damaged: LevelDB's write-ahead log ${damage.replace(`${dir}/`, '')}; its files are left as they are`);
  }
};

const openFailure = (dir: string, error: unknown): JournalError => {
  const cause = error instanceof Error ? error.cause : undefined;
  const code = cause instanceof Error && 'code' in cause ? cause.code : undefined;
  if (code === 'LEVEL_LOCKED') return new JournalError('in-use', `journal ${dir} is in use by another process`);
  const why = cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  return new JournalError(code === 'LEVEL_CORRUPTION' ? 'corrupt' : 'not-a-journal', `journal ${dir} cannot be opened: ${why}`);
};

/** The head, or (Left) why the journal has none: the one fault `verifying` opens past. */
const readOrInitialize = async (db: Db, dir: string, create: boolean): Promise<E.Either<JournalError, Head>> => {
  const [format, head]: ReadonlyArray<string | undefined> = await db.getMany([META_FORMAT, META_HEAD]);
  if (format === undefined) {
    const [any] = await db.keys({ limit: 1 }).all();
    if (any !== undefined) throw new JournalError('not-a-journal', `${dir} is a LevelDB store but not a podjournal journal`);
    if (!create) throw new JournalError('not-a-journal', `journal ${dir} does not exist`);
    await db.batch().put(META_FORMAT, String(JOURNAL_FORMAT)).put(META_HEAD, encodeHead(EMPTY_HEAD)).write({ sync: true });
    return E.right(EMPTY_HEAD);
  }
  const version = Number(format);
  if (Number.isInteger(version) && version >= OLDEST_UPGRADABLE && version < JOURNAL_FORMAT) {
    await upgradeFormat(db, version, JOURNAL_FORMAT, head);
  } else if (format !== String(JOURNAL_FORMAT)) {
    const hint = !Number.isInteger(version)
      ? ''
      : version > JOURNAL_FORMAT
        ? ' (written by a newer podj: upgrade podj)'
        : ' (too old to upgrade in place: export it with the podj that wrote it, then import the export)';
    throw new JournalError('format-version', `journal ${dir} has format version ${format}; this podj reads version ${JOURNAL_FORMAT}${hint}`);
  }
  if (head === undefined) return E.left(new JournalError('corrupt', `journal ${dir} has no head (${META_HEAD})`));
  return E.mapLeft((why: string) => new JournalError('corrupt', `journal ${dir}: ${META_HEAD} ${why}`))(parseHead(head));
};
