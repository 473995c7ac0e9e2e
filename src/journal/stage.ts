/**
 * Writing records: a stage chains events onto the head and writes them in atomic batches, one batch per
 * chunk; the head moves only with the commit, so readers, `verify` and a reopened journal see all of a
 * staged append or none of it (records beyond the head are rolled back, see `rollbackBeyond`).
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Instant } from '../k8s/codecs.js';
import { decodeEvent, isObservation, podKeyOf } from '../events/index.js';
import { canonical } from './canonical.js';
import { advance, encodeHead, type Head } from './head.js';
import { dedupDigest, putIndexEntries, type Indexed } from './derived-keys.js';
import type { IndexBacklog } from './index-backlog.js';
import { META_HEAD, META_STAGING, RECORDS, SNAPSHOTS, TIME, digestKey, podKey, recordKey, snapshotKey, timeKey, upper, type Position } from './keys.js';
import { parseEnvelope, readRecord, recordText, sha256, type Linked } from './record.js';
import { encodeRecord, putValue } from './record-bytes.js';
import type { Pending } from './pending.js';
import { entryPages, type Db } from './scan.js';
import { storedEvents } from './stored-events.js';

export interface ChunkOptions {
  /** Skip events the journal (or this chunk) already holds. */
  readonly dedup: boolean;
  /** Write the new head in the same batch: the chunk is the whole append. */
  readonly commit: boolean;
  readonly sync: boolean;
}

export class Stage {
  private tip: Head;
  /** The earliest valid time appended so far: a late one invalidates the snapshots after it. */
  private minAppendedAt: Instant | null = null;
  /**
   * The previous chunk's batch may still be writing while the next chunk is sealed (the write runs on
   * LevelDB's thread): at most one in flight, with the digests it adds, which a lookup cannot see yet.
   */
  private inflight: Promise<void> = Promise.resolve();
  private inflightDigests: ReadonlySet<string> = new Set();
  /** Whether `inflightDigests` lists every digest the write in flight adds (only a chunk that looked them up lists them). */
  private inflightListed = true;
  /** Files of the snapshots this append's commit unnamed: to be removed once it is written. */
  readonly staleFiles: string[] = [];
  /** Whether `m!staging` was written: chunks went out before the commit. */
  private marked = false;

  constructor(
    private readonly db: Db,
    readonly start: Head,
    /** The index entries of earlier durable appends not written yet: every other write and lookup writes them first. */
    private readonly backlog: IndexBacklog,
  ) {
    this.tip = start;
  }

  get head(): Head {
    return this.tip;
  }

  /** The earliest valid time appended, if it lies before the latest one the journal held: a late append. */
  get lateFrom(): Instant | undefined {
    const from = this.minAppendedAt;
    return from !== null && this.start.maxAt !== null && from < this.start.maxAt ? from : undefined;
  }

  /**
   * Seals one chunk into one batch and starts writing it; the result counts the items skipped and, with
   * `commit` (a whole append, whose caller returns them), holds each item's record, or undefined if skipped.
   * A staged chunk keeps nothing of its records: 8,192 records held until the chunk ends outlive V8's young
   * generation, and copying and collecting them cost a bulk append more than LevelDB's writes. With `commit`
   * the batch is written, and every earlier one, before it returns.
   */
  async write(items: readonly Pending[], opts: ChunkOptions): Promise<{ readonly sealed: Array<Linked | undefined>; readonly skipped: number }> {
    // A chunk that skips known events looks up which are new. So does a chunk that may be rolled
    // back (staged) onto records written before this append: a rollback deletes the entries its records
    // own, and must not take an older record's entry with it. Otherwise no read is needed: entries point
    // at this append's own records (an entry names some record holding the event), so no lookup sits
    // beside the fsync, nor, in a bulk load into an empty journal, before each chunk (at L, 2.6 million
    // digests: each lookup seeks in several tables).
    // A pod's event has no dedup entry (format 8, `dedupDigest`): it is looked up only to be skipped.
    const staged = !opts.commit || this.marked;
    const lookup = opts.dedup || items.some((item) => item.dedup === true) || (staged && this.start.seq > 0);
    // The index backlog of earlier durable appends (`records-alone.ts`) is written first.
    await this.backlog.flush();
    // Without a lookup each dedup digest is hashed as its record is sealed, and nothing need remember it;
    // with one every event's digest tells this chunk's and the write in flight's events apart.
    const digests = lookup ? items.map((item) => sha256(item.json)) : [];
    if (lookup && !this.inflightListed) await this.inflight;
    const asked = lookup ? items.map((item, i) => ({ item, digest: dedupDigest(item, digests[i]), byPod: item.dedup ?? opts.dedup })) : [];
    const known: readonly boolean[] = lookup ? await storedEvents(this.db, asked, this.tip.maxAt) : [];
    const fresh = new Set<string>();
    const out: Array<Linked | undefined> = [];
    let skipped = 0;
    const chunkStart = this.tip.seq;
    const unindexed: Position[] = [];
    let becameUnordered = false;
    const batch = this.db.batch();
    try {
      for (const [i, item] of items.entries()) {
        const digest = lookup ? (digests[i] ?? '') : undefined;
        const isNew = digest === undefined || (known[i] !== true && !fresh.has(digest) && !this.inflightDigests.has(digest));
        if (!isNew && (item.dedup ?? opts.dedup)) {
          skipped++;
          if (opts.commit) out.push(undefined);
          continue;
        }
        const { link: sealed, stored, podEntry } = encodeRecord(this.tip.hash, this.tip.seq + 1, item.recordedAt, item.json);
        const record: Indexed = { seq: sealed.seq, podValue: podEntry, at: item.at, pod: item.pod, observed: item.observed };
        putValue(batch, recordKey(sealed.seq), stored);
        if (this.minAppendedAt === null || item.at < this.minAppendedAt) this.minAppendedAt = item.at;
        // A time-ordered journal needs no time index (sequence order is time order); one that is not
        // has an entry for every record.
        const wasOrdered = this.tip.ordered;
        this.tip = advance(this.tip, item.at, sealed.hash);
        if (digest !== undefined && isNew) fresh.add(digest);
        putIndexEntries(batch, record, isNew ? dedupDigest(item, digest) : undefined, !wasOrdered);
        if (wasOrdered) unindexed.push({ at: item.at, seq: sealed.seq });
        if (wasOrdered && !this.tip.ordered) becameUnordered = true;
        if (opts.commit) out.push(sealed);
      }
      // The first record out of time order: from here on sequence order is not time order, and every
      // record, this chunk's and all before it, gets its time index entry (in this batch: all or none).
      if (becameUnordered) {
        await this.inflight;
        for await (const positions of storedPositions(this.db, chunkStart)) for (const p of positions) batch.put(timeKey(p), '');
        for (const p of unindexed) batch.put(timeKey(p), '');
      }
      if (opts.commit) {
        for (const [key, name] of await this.staleSnapshots()) {
          batch.del(key);
          this.staleFiles.push(name);
        }
        batch.put(META_HEAD, encodeHead(this.tip));
        if (this.marked) batch.del(META_STAGING);
      } else if (!this.marked) {
        batch.put(META_STAGING, String(this.start.seq));
        this.marked = true;
      }
      await this.inflight;
      const writing = batch.write({ sync: opts.sync });
      writing.catch(() => undefined); // awaited by the next chunk, the commit or abort
      [this.inflight, this.inflightDigests, this.inflightListed] = [writing, fresh, lookup];
      if (opts.commit) await writing;
    } catch (error) {
      await batch.close(); // a no-op once written; releases the batch if sealing or the snapshot lookup threw
      throw error;
    }
    return { sealed: out, skipped };
  }

  /** Moves the head to the last staged record (with nothing more to write) and returns it. */
  async commit(sync: boolean): Promise<Head> {
    await this.write([], { dedup: false, commit: true, sync });
    return this.tip;
  }

  /** Undoes the staged chunks: the head never moved, so this deletes every record beyond it. */
  async abort(): Promise<void> {
    await this.inflight.catch(() => undefined);
    await rollbackBeyond(this.db, this.start);
  }

  /**
   * Snapshots hold the state at a position; an appended event at (at, seq) belongs before every snapshot
   * at a later instant, so those are stale. Appends in time order (at ≥ the latest so far) stale nothing.
   */
  /** Snapshot keys (and the files they name) made stale by a late event in this append. */
  private async staleSnapshots(): Promise<Array<[string, string]>> {
    const from = this.lateFrom;
    if (from === undefined) return [];
    const stale: Array<[string, string]> = [];
    const range = { gte: snapshotKey({ at: from, seq: this.start.seq + 1 }), lt: upper(SNAPSHOTS) };
    for await (const entries of entryPages(this.db, range)) stale.push(...entries);
    return stale;
  }
}

/** The positions of the stored records 1 … `toSeq`, page by page (read to index them by time). */
async function* storedPositions(db: Db, toSeq: number): AsyncGenerator<Position[]> {
  if (toSeq < 1) return;
  for await (const entries of entryPages(db, { gte: recordKey(1), lte: recordKey(toSeq) })) {
    yield entries.map(([key, value]) => {
      const record = readRecord(value, key);
      return { at: record.event.at, seq: record.seq };
    });
  }
}

/**
 * Deletes the records after the head and their index entries, then the staging mark: what a bulk append
 * had written when it was refused, or when its process died. Such records were never acknowledged. A
 * time-ordered head has no time index: entries a staged chunk wrote for the records before it (when one
 * of its records came out of order) go too.
 */
export const rollbackBeyond = async (db: Db, head: Pick<Head, 'seq' | 'ordered'>): Promise<void> => {
  const headSeq = head.seq;
  if (head.ordered) await db.clear({ gte: TIME, lt: upper(TIME) });
  for await (const entries of entryPages(db, { gt: recordKey(headSeq), lt: upper(RECORDS) })) {
    const dels: string[] = [];
    const digestOwners: Array<[string, string]> = [];
    for (const [key, value] of entries) {
      dels.push(key);
      const envelope = parseEnvelope(recordText(value));
      const event = E.isRight(envelope) ? decodeEvent(envelope.right.event) : E.left('unreadable');
      if (E.isLeft(envelope) || E.isLeft(event)) continue; // its index entries cannot be named; the record goes
      const position = { at: event.right.at, seq: envelope.right.seq };
      const pod = podKeyOf(event.right);
      dels.push(timeKey(position));
      if (pod !== undefined) dels.push(podKey(pod, isObservation(event.right), position));
      else digestOwners.push([digestKey(position.at, sha256(canonical(envelope.right.event))), String(position.seq)]);
    }
    // A digest entry goes only with the record that created it.
    const owners: ReadonlyArray<string | undefined> = await db.getMany(digestOwners.map(([key]) => key));
    digestOwners.forEach(([key, seq], i) => {
      if (owners[i] === seq) dels.push(key);
    });
    await db.batch(dels.map((key) => ({ type: 'del' as const, key })), { sync: true });
  }
  await db.del(META_STAGING, { sync: true });
};
