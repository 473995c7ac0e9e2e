/**
 * The index entries and heads of durable appends not written yet. Such an append writes its records alone
 * in its synced write (`records-alone.ts`); what derives from them (pod, dedup and time index entries, the
 * head) is put here while that write's fsync runs, and written in one unsynced batch by the next durable
 * append once `FLUSH_RECORDS` records wait, and before any read of an index, any other write, and close. So
 * an append of one event makes one native write, as a raw one does, and a crash loses at most the entries
 * of fewer than `FLUSH_RECORDS` records and of the last two appends, which the next open rebuilds (`recover.ts`).
 */
import { dedupDigest, putIndexEntries } from './derived-keys.js';
import { encodeHead, type Head } from './head.js';
import { META_HEAD } from './keys.js';
import type { Linked } from './record.js';
import { encodePodEntry } from './record-bytes.js';
import type { Db } from './scan.js';
import type { Pending } from './pending.js';

type Batch = ReturnType<Db['batch']>;

/**
 * Records whose entries may wait: enough to make the write's cost per append small (a native write takes the
 * main thread 30-75 µs on this 2-core machine under load), few enough that a reopening reader's roll-forward
 * (≈ 20 µs a record: parse, decode, canonical JSON, hash) stays a few milliseconds.
 */
export const FLUSH_RECORDS = 64;

export class IndexBacklog {
  private pending: Batch | undefined;
  private records = 0;
  private head: Head | undefined;
  /** The records write the pending entries derive from: they are written only after it has landed. */
  private recordsLanded: Promise<void> = Promise.resolve();
  /**
   * The last write of entries: rejected if it, or a records write before it, failed. Every later write and
   * read of an index then fails, and the next open rebuilds the entries from the records.
   */
  private written: Promise<void> = Promise.resolve();
  /** The first failure of a records or entries write, once known: every later write and read throws it. */
  private failure: { readonly error: unknown } | undefined;

  constructor(private readonly db: Db) {}

  /**
   * Puts the entries of `items`, sealed as `sealed` and being written by `writing`, and `head`, the head
   * after them. Call it after the records write has started: the entries go out only once it lands. Once
   * `FLUSH_RECORDS` records' entries wait, the earlier ones (whose records have landed) are written first,
   * here, so that their native write is made during this append's fsync, not on the awaiting writer's path.
   */
  add(writing: Promise<void>, items: readonly Pending[], sealed: readonly Linked[], head: Head): void {
    if (this.records >= FLUSH_RECORDS) void this.flush();
    const batch = (this.pending ??= this.db.batch());
    const timeIndexed = !head.ordered;
    sealed.forEach(({ seq, recordedAt }, i) => {
      const item = items[i];
      if (item === undefined) return;
      putIndexEntries(batch, { seq, podValue: encodePodEntry(recordedAt, item.json), at: item.at, pod: item.pod, observed: item.observed }, dedupDigest(item), timeIndexed);
    });
    this.records += sealed.length;
    this.head = head;
    this.recordsLanded = writing;
    writing.catch((error: unknown) => this.fail(error));
  }

  /** Starts writing the pending entries (after their records) and returns that write: every entry so far. */
  flush(): Promise<void> {
    const [batch, head] = [this.pending, this.head];
    if (batch === undefined || head === undefined) return this.landed();
    [this.pending, this.head, this.records] = [undefined, undefined, 0];
    const before = this.written;
    this.written = Promise.all([before, this.recordsLanded]).then(
      () => batch.put(META_HEAD, encodeHead(head)).write({ sync: false }),
      async (error: unknown) => {
        await batch.close();
        throw error;
      },
    );
    this.written.catch((error: unknown) => this.fail(error)); // also awaited by the next write, read or close
    return this.written;
  }

  /** The last records and entries written: the next write waits for them (one failure stops every later one). */
  landed(): Promise<void> {
    return Promise.all([this.written, this.recordsLanded]).then(() => undefined);
  }

  /**
   * Throws the failure of an earlier records or entries write, if one is known. A durable append checks this
   * instead of waiting for the entries write in flight, which holds entries of records that have landed.
   */
  throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure.error;
  }

  private fail(error: unknown): void {
    this.failure ??= { error };
  }
}
