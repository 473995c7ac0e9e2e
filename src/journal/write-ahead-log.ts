/**
 * LevelDB's write-ahead log, seen from the journal: every reader's private snapshot copies the `*.log` and
 * replays it on open (writing what it held into a table of its copy), so a long log is a cost on every cold
 * read. The writer's log grows to the write buffer's size (`STORE_OPTIONS`) before LevelDB writes it into a
 * table; the journal flushes it sooner when it closes with more than a reader should replay.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
