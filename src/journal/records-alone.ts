/**
 * The durable append's path: an append in time order that looks nothing up writes its records ALONE in its
 * synced write, the same keys and values a raw write of them would, one native write and one fsync. What
 * derives from them (index entries, the head) goes into the index backlog while the fsync runs
 * (`index-backlog.ts`), written later, several appends at once; a crash before it lands loses only what the
 * next open rebuilds from the records (`recover.ts`).
 *
 * The writer awaits each call, so every microsecond before the write starts and after it lands adds to
 * the fsync: this path allocates one record value and one head per event, and nothing else waits. Only
 * what the record's bytes need comes first: the events checked and encoded in one walk
 * (`checkedCanonicalEvent`), and the seal.
 */
import type { Instant } from '../k8s/codecs.js';
import type { Head } from './head.js';
import type { IndexBacklog } from './index-backlog.js';
import { recordKey } from './keys.js';
import type { Linked } from './record.js';
import { encodeRecord, putBytes, putValue } from './record-bytes.js';
import type { Db } from './scan.js';
import type { Pending } from './pending.js';

/** Whether the items come in valid-time order, the first at or after `maxAt`: an append that is not late. */
export const inTimeOrder = (items: readonly Pending[], maxAt: Instant | null): boolean => {
  let last = maxAt;
  for (const item of items) {
    if (last !== null && item.at < last) return false;
    last = item.at;
  }
  return true;
};

/** A durable append's records being written: each item's sealed record and the head after them. */
export interface Started {
  readonly writing: Promise<void>;
  readonly sealed: readonly Linked[];
  readonly head: Head;
}

/**
 * Seals `items` (checked events, in time order, none late) onto `tip` and starts writing their records with
 * `sync`; the caller lands them (`landRecordsAlone`), which puts their entries in the backlog during the fsync.
 */
export const startRecordsAlone = (db: Db, backlog: IndexBacklog, tip: Head, items: readonly Pending[], sync: boolean): Started => {
  // A failed write before this one stops every later one; a backlog write still in flight need not land
  // first: it holds entries of records that already have, and LevelDB orders the two writes itself.
  backlog.throwIfFailed();
  const sealed: Linked[] = [];
  let { minAt, maxAt } = tip;
  for (const item of items) {
    if (minAt === null || item.at < minAt) minAt = item.at;
    maxAt = item.at; // in time order: each is the latest so far
  }
  const writing = startWrite(db, tip, items, sealed, sync);
  const last = sealed.at(-1);
  return { writing, sealed, head: { seq: last?.seq ?? tip.seq, hash: last?.hash ?? tip.hash, minAt, maxAt, ordered: tip.ordered } };
};

/** Puts the index entries and the new head of checked records in `backlog` while they are written; resolves once they have landed. */
export const landRecordsAlone = async (backlog: IndexBacklog, started: Started, items: readonly Pending[]): Promise<void> => {
  backlog.add(started.writing, items, started.sealed, started.head);
  await started.writing;
};

/**
 * Seals `items` onto `tip` into `sealed` and starts writing their records, each encoded as it is put
 * (`record-bytes.ts`). One record is one `put`: a single native call where a chained batch makes three
 * (init, put, write), each a napi crossing that costs the awaiting writer 5-30 µs on this VM; several records
 * are one chained batch (an array `batch()` reads each operation's fields through napi, and costs more).
 */
const startWrite = (db: Db, tip: Head, items: readonly Pending[], sealed: Linked[], sync: boolean): Promise<void> => {
  const [only] = items;
  if (items.length === 1 && only !== undefined) {
    const { link, stored } = encodeRecord(tip.hash, tip.seq + 1, only.recordedAt, only.json);
    sealed.push(link);
    return putBytes(db, recordKey(link.seq), stored, sync);
  }
  const batch = db.batch();
  try {
    let { seq, hash } = tip;
    for (const item of items) {
      const { link, stored } = encodeRecord(hash, ++seq, item.recordedAt, item.json);
      putValue(batch, recordKey(seq), stored);
      sealed.push(link);
      hash = link.hash;
    }
  } catch (error) {
    void batch.close();
    throw error;
  }
  return batch.write({ sync });
};
