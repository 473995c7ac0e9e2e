/**
 * LevelDB's write-ahead log, seen from the journal: every reader's private snapshot copies the `*.log` and
 * replays it on open (writing what it held into a table of its copy), so a long log is a cost on every cold
 * read. The writer's log grows to the write buffer's size (`STORE_OPTIONS`) before LevelDB writes it into a
 * table; the journal flushes it sooner when it closes with more than a reader should replay.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { crc32c, maskedCrc } from './crc32c.js';
import { inLastBlock, logFragments } from './leveldb-manifest.js';
import type { Db } from './scan.js';

/** The most log a reader replays after the writer closed: LevelDB's default write buffer, as before format 6. */
export const READER_LOG_BYTES = 4 * 1024 * 1024;

/**
 * Bytes in the store's write-ahead log files. Synchronous: every close asks, readers' copies included, and a
 * reader would otherwise load node:fs/promises for these two calls.
 */
export const logBytes = (dir: string): number => {
  const sizeOf = (name: string): number => statSync(join(dir, name), { throwIfNoEntry: false })?.size ?? 0;
  try {
    return readdirSync(dir).filter((name) => name.endsWith('.log')).reduce((sum, name) => sum + sizeOf(name), 0);
  } catch {
    return 0;
  }
};

// Every journal key starts with a letter and '!': no table holds a key in ['!', '!'].
const BELOW_EVERY_KEY = '!';

/** classic-level's `compactRange` (what `level` gives in Node.js), which the `level` typings leave out. */
interface Compactable {
  compactRange(start: string, end: string): Promise<void>;
}
const canCompact = (db: object): db is Compactable => 'compactRange' in db && typeof db.compactRange === 'function';

/**
 * Writes the memtable into a level-0 table and starts an empty log. LevelDB's `CompactRange` always does
 * this first; over a range no table overlaps it does nothing else.
 */
export const flushMemtable = async (db: Db): Promise<void> => {
  if (canCompact(db)) await db.compactRange(BELOW_EVERY_KEY, BELOW_EVERY_KEY);
};

/** LevelDB's zero record: what a preallocated file holds past the last write; its reader skips it silently. */
const isZeroFragment = (type: number, data: Buffer): boolean => type === 0 && data.length === 0;

/**
 * Where a log's bytes are damaged (a record failing its checksum, a length past its block), or undefined. A
 * record torn at the end of the file is a write a crash cut short, which LevelDB drops silently and so do we.
 */
export const logDamage = (bytes: Buffer): string | undefined => {
  for (const fragment of logFragments(bytes)) {
    const { offset, checksum, type, overrun, data } = fragment;
    if (overrun) return inLastBlock(fragment, bytes.length) ? undefined : `the record at byte ${offset} runs past its block`;
    if (isZeroFragment(type, data)) continue;
    // the checksum covers the type byte and the data, which follow each other in the header and the file
    if (maskedCrc(crc32c(bytes, offset + 6, offset + 7 + data.length)) !== checksum) return `the record at byte ${offset} fails its checksum`;
  }
  return undefined;
};

/**
 * The first damaged write-ahead log of the store in `dir`, named with where. LevelDB (paranoid_checks off, as
 * classic-level opens it) drops a damaged log record and the rest of its 32 KiB block on open (log_reader.cc ::
 * ReadPhysicalRecord), and then deletes the log: records acknowledged as durable would vanish for good, at the
 * end of the chain without a word, so a writer must not open such a store.
 */
export const damagedLog = (dir: string): string | undefined => {
  const names = readdirSync(dir).filter((n) => n.endsWith('.log'));
  for (const name of names.sort()) {
    const damage = logDamage(readFileSync(join(dir, name)));
    if (damage !== undefined) return `${name}: ${damage}`;
  }
  return undefined;
};

/**
 * What LevelDB dropped while it replayed the log of the store in `dir`, as its info log says (db_impl.cc ::
 * RecoverLogFile's reporter: "(ignoring error) …: dropping N bytes; Corruption: checksum mismatch"). A read
 * snapshot's copy replays the log anyway: reading the few lines LevelDB wrote costs nothing more.
 */
export const droppedLog = (dir: string): string | undefined => {
  let info: string;
  try {
    info = readFileSync(join(dir, 'LOG'), 'utf8');
  } catch {
    return undefined;
  }
  const line = info.split('\n').find((l) => l.includes('(ignoring error)'));
  return line?.slice(line.indexOf('(ignoring error)') + '(ignoring error) '.length);
};
