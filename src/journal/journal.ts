/** The LevelDB journal: serialized, hash-chained appends and streaming reads in sequence, time and pod order. */
import * as E from 'fp-ts/lib/Either.js';
import type { Instant } from '../k8s/codecs.js';
import { observationTypes, type Event } from '../events/index.js';
import { checkEvent } from './event-guard.js';
import { ExpectedSequenceConflict, JournalError } from './errors.js';
import type { Head } from './head.js';
import { SNAPSHOTS, TIME, afterInstant, podKey, podPrefix, positionOfKey, recordKey, snapshotKey, timeKey, upper, type Position } from './keys.js';
import { readRecord, type JournalRecord, type Linked, type Sha256 } from './record.js';
import { RecordStream } from './stream.js';
import { readPodEntry, refuseOtherRecord, type PodRecord } from './pod-entry.js';
import { verifyStore, type VerifyResult } from './verify.js';
import { exportStore, importExport, importSources, type ImportOptions, type ImportResult, type ImportSource, type SourcesResult } from './exchange.js';
import { entryPages, fetchRecords, mergedEntryPages, recordEntryPages, skipping, walkIndex, type Db, type Range, type Skip } from './scan.js';
import { podEntryEventType } from './stored-type.js';
import { READER_LOG_BYTES, flushMemtable, logBytes } from './write-ahead-log.js';
import {
  readSnapshotFile,
  readSnapshotPart,
  readSnapshotPartRanges,
  removeSnapshotFiles,
  removeSnapshotFolder,
  removeUnusedParts,
  snapshotPartReader,
  writeSnapshotFile,
  writeSnapshotPart,
  type PartReader,
} from './snapshot-files.js';
import { headTablePartNames, readHeadTable, writeHeadTable, type HeadTableRead } from './head-table-files.js';
import { bindSnapshot, misplaced, unbindSnapshot, type SnapshotHeader } from './snapshot-binding.js';
import { checkedPendingOf, pendingOf, type Pending } from './pending.js';
import { Stage } from './stage.js';
import { IndexBacklog } from './index-backlog.js';
import { inTimeOrder, landRecordsAlone, startRecordsAlone, type Started } from './records-alone.js';
import { isIterable, mapAsyncIterable, mapIterable } from './sources.js';
import { recordTime } from './record-time.js';
import { ANY, type BulkOptions, type BulkResult, type ExpectedSeq, type StagePlan } from './bulk.js';

export { ANY, type BulkOptions, type BulkResult, type ExpectedSeq, type StagePlan } from './bulk.js';


export interface AppendOptions {
  /** The head sequence this append means to follow (0 for an empty journal), or `ANY`. */
  readonly expectedSeq: ExpectedSeq;
  /** Record time of the append; default the journal's clock. */
  readonly recordedAt?: Instant;
  /** fsync before acknowledging; default the journal's `sync` option. */
  readonly sync?: boolean;
}

export interface TimeQuery {
  /** Only records strictly after this position in (at, seq) order. */
  readonly after?: Position;
  /** Only records whose valid time is at or before this instant. */
  readonly untilAt?: Instant;
  /** Only records recorded at or before this instant: what the journal knew then. */
  readonly asOfRecordedAt?: Instant;
  /**
   * Records of these event types are left out unread: recognised by the end of their stored text
   * (`stored-type.ts`), neither parsed nor checked. A fold passes the events that change nothing.
   */
  readonly skipTypes?: ReadonlySet<string>;
}

export interface Snapshot {
  readonly position: Position;
  readonly blob: string;
}

/** A snapshot whose file does not match the journal (tampered, stale, misplaced, malformed, gone): never used. */
export interface RejectedSnapshot {
  readonly position: Position;
  readonly rejected: string;
}

export type SnapshotLookup = Snapshot | RejectedSnapshot;

export const DEFAULT_CHUNK = 8192;

export class LevelJournal {
  private current: Head;
  private tail: Promise<unknown> = Promise.resolve();
  /**
   * The index entries and head of the last durable appends, not written yet (`index-backlog.ts`): reads of an
   * index, every other write and `close` write them first. If that fails, every later read or write fails,
   * and the next open rebuilds the entries from the records.
   */
  private readonly backlog: IndexBacklog;
  /** Late appends made through this handle (seq after the append, earliest at), to refuse stale snapshots. */
  private readonly lateAppends: Array<{ readonly seq: number; readonly minAt: Instant }> = [];

  constructor(
    readonly dir: string,
    private readonly db: Db,
    head: Head,
    private readonly clock: () => Instant,
    private readonly syncByDefault: boolean,
  ) {
    this.current = head;
    this.backlog = new IndexBacklog(db);
  }

  // ---------------------------------------------------------------------------------------------
  // head
  // ---------------------------------------------------------------------------------------------

  /** The last acknowledged record's sequence and hash, the valid-time span, and whether it is time-ordered. */
  head(): Head {
    return this.current;
  }

  count(): number {
    return this.current.seq;
  }

  firstAt(): Instant | undefined {
    return this.current.minAt ?? undefined;
  }

  lastAt(): Instant | undefined {
    return this.current.maxAt ?? undefined;
  }

  // ---------------------------------------------------------------------------------------------
  // appends
  // ---------------------------------------------------------------------------------------------

  /** Appends the events as one atomic batch after checking `expectedSeq`; all or nothing. */
  append(events: readonly unknown[], opts: AppendOptions): Promise<JournalRecord[]> {
    return this.appendChecked(events, opts, false);
  }

  /** As `append`, skipping events the journal already holds (idempotent imports); returns what it appended. */
  appendNew(events: readonly unknown[], opts: AppendOptions): Promise<JournalRecord[]> {
    return this.appendChecked(events, opts, true);
  }

  private appendChecked(events: readonly unknown[], opts: AppendOptions, dedup: boolean): Promise<JournalRecord[]> {
    const sync = opts.sync ?? this.syncByDefault;
    try {
      const recordedAt = recordTime(opts.recordedAt, this.clock);
      // Events stored as given are checked and encoded in one walk; any other is decoded (or refused) first.
      const checked = checkedPending(events, recordedAt);
      const decoded = checked === undefined ? events.map(decodeOrThrow) : (events as readonly Event[]);
      const pending = checked ?? decoded.map((e) => pendingOf(e, recordedAt));
      return this.exclusive(() => this.appendDecoded(decoded, pending, opts, sync, dedup));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Appends checked events (inside the append queue): their records alone when in time order and looking nothing up, else one staged batch. */
  private async appendDecoded(decoded: readonly Event[], pending: readonly Pending[], opts: AppendOptions, sync: boolean, dedup: boolean): Promise<JournalRecord[]> {
    this.checkExpected(opts.expectedSeq);
    // An append in time order that looks nothing up writes its records alone (`records-alone.ts`).
    if (!dedup && inTimeOrder(pending, this.current.maxAt)) {
      return this.landRecords(startRecordsAlone(this.db, this.backlog, this.current, pending, sync), pending, decoded);
    }
    const stage = new Stage(this.db, this.current, this.backlog);
    const { sealed } = await stage.write(pending, { dedup, commit: true, sync });
    this.moveHead(stage);
    return recordsOf(sealed, decoded);
  }

  private async landRecords(started: Started, pending: readonly Pending[], events: readonly Event[]): Promise<JournalRecord[]> {
    await landRecordsAlone(this.backlog, started, pending);
    this.current = started.head;
    return recordsOf(started.sealed, events);
  }

  /**
   * Appends a stream of events (a big import) in chunks, each written as one batch without fsync; the head
   * moves once, with a synced commit, at the end. An invalid event refuses the whole stream, and nothing
   * stays written: `events[i]: why`.
   */
  appendBulk(events: Iterable<unknown> | AsyncIterable<unknown>, opts: BulkOptions = {}): Promise<BulkResult> {
    let recordedAt: Instant;
    try {
      recordedAt = recordTime(opts.recordedAt, this.clock);
    } catch (error) {
      return Promise.reject(error);
    }
    let index = 0;
    const stage = (u: unknown): Pending => {
      const i = index++;
      return checkedPendingOf(u, recordedAt) ?? pendingOf(decodeOrThrow(u, i), recordedAt);
    };
    const source = isIterable(events) ? mapIterable(events, stage) : mapAsyncIterable(events, stage);
    return this.stageAll(() => ({ source, dedup: opts.dedup ?? false }), opts);
  }

  /**
   * Runs a staged append, holding the append lock throughout: `plan` sees the head it starts from and
   * says what to append. If the source throws, the staged chunks are rolled back and the error rethrown.
   */
  stageAll(plan: (start: Head) => StagePlan, opts: Omit<BulkOptions, 'dedup' | 'recordedAt'> = {}): Promise<BulkResult> {
    const chunkSize = opts.chunkSize ?? DEFAULT_CHUNK;
    return this.exclusive(async () => {
      this.checkExpected(opts.expectedSeq ?? ANY);
      const stage = new Stage(this.db, this.current, this.backlog);
      const { source, dedup } = plan(this.current);
      let chunk: Pending[] = [];
      let read = 0;
      let skipped = 0;
      const flush = async () => {
        skipped += (await stage.write(chunk, { dedup, commit: false, sync: false })).skipped;
        read += chunk.length;
        chunk = [];
        opts.onProgress?.(read);
      };
      try {
        if (isIterable(source)) {
          for (const pending of source) if (chunk.push(pending) >= chunkSize) await flush();
        } else {
          for await (const pending of source) if (chunk.push(pending) >= chunkSize) await flush();
        }
        if (chunk.length > 0) await flush();
        await stage.commit(true);
      } catch (error) {
        await stage.abort();
        throw error;
      }
      this.moveHead(stage);
      return { appended: stage.head.seq - stage.start.seq, skipped, head: stage.head };
    });
  }

  /** The clock the journal was opened with, for callers that build pending records themselves. */
  now(): Instant {
    return this.clock();
  }

  // ---------------------------------------------------------------------------------------------
  // reads
  // ---------------------------------------------------------------------------------------------

  /** Records in sequence order, `fromSeq` to `toSeq` inclusive (default: all acknowledged). */
  records(range: { readonly fromSeq?: number; readonly toSeq?: number } = {}): RecordStream {
    const from = Math.max(1, range.fromSeq ?? 1);
    const to = Math.min(this.current.seq, range.toSeq ?? Number.MAX_SAFE_INTEGER);
    return new RecordStream(() => this.scanRecords(() => recordEntryPages(this.db, from, { gte: recordKey(from), lte: recordKey(to) }), readRecord, () => true));
  }

  /** Records in valid-time order (at, then seq). */
  recordsInTimeOrder(q: TimeQuery = {}): RecordStream {
    const head = this.current;
    const keep = recordedBy(q.asOfRecordedAt);
    const skip = skipping(q.skipTypes);
    const range: Range = {
      ...(q.after === undefined ? { gte: TIME } : { gt: timeKey(q.after) }),
      lt: q.untilAt === undefined ? upper(TIME) : afterInstant(TIME, q.untilAt),
    };
    if (!head.ordered) return new RecordStream(() => this.afterIndexed(walkIndex(this.db, range, 'time', head.seq, keep, skip)));
    return new RecordStream(() => this.scanOrdered(q.after, head.seq, keep, skip, q.untilAt));
  }

  /**
   * In a time-ordered journal sequence order is time order (and there is no time index): the records
   * after `after` are a suffix of the sequence, found by binary search, then read in sequence order until
   * one passes `untilAt`.
   */
  private async *scanOrdered(after: Position | undefined, headSeq: number, keep: (r: JournalRecord) => boolean, skip: Skip | undefined, untilAt?: Instant) {
    const first = after === undefined ? 1 : await this.firstSeqAfter(after, headSeq);
    if (first > headSeq) return;
    yield* this.scanRecords(() => recordEntryPages(this.db, first, { gte: recordKey(first), lte: recordKey(headSeq) }), readRecord, keep, untilAt, skip);
  }

  /** The first sequence number whose record lies after `p` in (at, seq) order; headSeq + 1 if none does. */
  private async firstSeqAfter(p: Position, headSeq: number): Promise<number> {
    let [low, high] = [1, headSeq + 1];
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      const [record] = await fetchRecords(this.db, [mid], 'sequence');
      if (record !== undefined && (record.event.at > p.at || (record.event.at === p.at && mid > p.seq))) high = mid;
      else low = mid + 1;
    }
    return low;
  }

  /**
   * The records of the pods named `namespace/name`, in valid-time order, from the pod index: every pod
   * that has held the name (a name can outlive several uids), and nothing else. The index holds each
   * record's time and event, so this is a sequential range read, not one lookup per record; the hash
   * chain is the records' own (`recordsNumbered`). `skipTypes` leaves entries of those types unread, as
   * `recordsInTimeOrder` does: a fold of the pod needs none of its observations, which have a range of
   * their own (format 9). When `skipTypes` holds every observation type that range is not read at all;
   * otherwise the two ranges are read together, merged in valid-time order.
   */
  podRecords(namespace: string, name: string, q: TimeQuery = {}): RecordStream<PodRecord> {
    const pod = `${namespace}/${name}`;
    const rangeOf = (observed: boolean): Range => {
      const prefix = podPrefix(pod, observed);
      return {
        ...(q.after === undefined ? { gte: prefix } : { gt: podKey(pod, observed, q.after) }),
        lt: q.untilAt === undefined ? upper(prefix) : afterInstant(prefix, q.untilAt),
      };
    };
    const withObservations = ![...observationTypes].every((type) => q.skipTypes?.has(type) === true);
    const source = withObservations ? () => mergedEntryPages(this.db, rangeOf(false), rangeOf(true)) : () => entryPages(this.db, rangeOf(false));
    const headSeq = this.current.seq;
    const asOf = recordedBy(q.asOfRecordedAt);
    const skip = skipping(q.skipTypes, podEntryEventType);
    // Entries beyond the head belong to a bulk append not acknowledged yet.
    return new RecordStream(() => this.afterIndexed(this.scanRecords(source, readPodEntry, (r) => r.seq <= headSeq && asOf(r), undefined, skip)));
  }

  /**
   * The whole records of pod index entries (`podRecords`), each checked to hold its entry's event (`pod-entry.ts ::
   * sameRecord`): an entry whose key names another record (another pod's) would print that record as this pod's.
   */
  async recordsOf(entries: readonly PodRecord[]): Promise<JournalRecord[]> {
    const records = await this.recordsNumbered(entries.map((e) => e.seq));
    records.forEach((r, i) => {
      const entry = entries[i];
      if (entry !== undefined) refuseOtherRecord(entry, r);
    });
    return records;
  }

  /** `pages` once the index backlog is written: a read of an index sees every acknowledged record. */
  private async *afterIndexed<T>(pages: AsyncGenerator<T>): AsyncGenerator<T> {
    await this.backlog.flush();
    yield* pages;
  }

  /** The records numbered `seqs` (each at most the head), whole: with their hash chain. */
  async recordsNumbered(seqs: readonly number[]): Promise<JournalRecord[]> {
    const beyond = seqs.find((seq) => seq > this.current.seq);
    if (beyond !== undefined) throw new RangeError(`record ${beyond} lies beyond the head of journal ${this.dir} (${this.current.seq})`);
    return fetchRecords(this.db, seqs, 'sequence');
  }

  /** The records in `source`'s pages (made when the scan starts: after the index backlog, for an index). */
  private async *scanRecords<R extends PodRecord>(
    source: () => AsyncGenerator<Array<[string, string]>>,
    read: (value: string, key: string) => R,
    keep: (r: R) => boolean,
    untilAt?: Instant,
    skip?: Skip,
  ): AsyncGenerator<R[]> {
    for await (const entries of source()) {
      const records: R[] = [];
      for (const [key, value] of entries) {
        // A skipped record past `untilAt` does not end the scan: the next one read does.
        if (skip?.(value) === true) continue;
        const record = read(value, key);
        if (untilAt !== undefined && record.event.at > untilAt) {
          if (records.length > 0) yield records;
          return;
        }
        if (keep(record)) records.push(record);
      }
      if (records.length > 0) yield records;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // verify, export, import
  // ---------------------------------------------------------------------------------------------

  /** Checks every record, link, hash and index entry; names the first bad sequence number. */
  verify(): Promise<VerifyResult> {
    return this.exclusive(async () => {
      await this.backlog.flush();
      return verifyStore(this.db);
    });
  }

  /** The journal in podjournal's text format, one line at a time (no line ends). */
  exportLines(): AsyncIterable<string> {
    return exportStore(this.db, this.current);
  }

  /** Restores an export into an empty journal, or appends its new events to a non-empty one. */
  importExport(lines: Iterable<string> | AsyncIterable<string>, opts: ImportOptions = {}): Promise<ImportResult> {
    return importExport(this, lines, opts);
  }

  /** Imports exports and converted events as one staged append: all of them, or nothing. */
  importSources(sources: readonly ImportSource[], opts: ImportOptions = {}): Promise<SourcesResult> {
    return importSources(this, sources, opts);
  }

  // ---------------------------------------------------------------------------------------------
  // snapshots: opaque blobs at positions, written and read by time travel
  // ---------------------------------------------------------------------------------------------

  /**
   * Stores a snapshot of the state at `position` (a record's position), bound to the head it was folded
   * from: `computedAtSeq` (default the current head). The snapshot is refused (false) if a late append has
   * since landed before it.
   */
  putSnapshot(position: Position, blob: string, opts: { readonly computedAtSeq?: number } = {}): Promise<boolean> {
    return this.exclusive(async () => {
      const foldedSeq = opts.computedAtSeq ?? this.current.seq;
      if (this.lateAppends.some((l) => l.seq > foldedSeq && l.minAt < position.at)) return false;
      const [atPosition] = position.seq >= 1 && position.seq <= this.current.seq ? await fetchRecords(this.db, [position.seq], 'snapshot') : [];
      if (atPosition?.event.at !== position.at || foldedSeq < position.seq || foldedSeq > this.current.seq) {
        // A caller's mistake, not a fault of the journal.
        throw new RangeError(`snapshot position ${position.at} #${position.seq} folded at #${foldedSeq} is not a record of journal ${this.dir}`);
      }
      const folded = { seq: foldedSeq, hash: foldedSeq === this.current.seq ? this.current.hash : await this.hashOf(foldedSeq) };
      await this.db.put(snapshotKey(position), await writeSnapshotFile(this.dir, position, bindSnapshot(position, folded, blob)));
      return true;
    });
  }

  /** Stores one part of snapshots (content-addressed: an unchanged part is written once); its name. */
  putSnapshotPart(text: string): Promise<string> {
    return this.exclusive(() => Promise.resolve(writeSnapshotPart(this.dir, text)));
  }

  /** A part's text, checked against its name (its SHA-256); rejected when it is missing or does not match. */
  snapshotPart(name: string): Promise<{ readonly text: string } | { readonly rejected: string }> {
    return readSnapshotPart(this.dir, name);
  }

  /** A reader of parts' bytes, each checked against its name, undecoded, in one reused buffer (`snapshotPartReader`). */
  snapshotPartReader(): PartReader {
    return snapshotPartReader(this.dir);
  }

  /** Byte ranges of a part, unchecked: for a caller holding a digest of each from a checked part. */
  snapshotPartRanges(name: string, ranges: readonly (readonly [number, number])[]): { readonly texts: string[] } | { readonly rejected: string } {
    return readSnapshotPartRanges(this.dir, name, ranges);
  }

  /** Removes the parts that none of `used` names (parts of snapshots a late append unnamed). */
  removeUnusedSnapshotParts(used: ReadonlySet<string>): Promise<void> {
    return this.exclusive(() => removeUnusedParts(this.dir, used));
  }

  /** The latest snapshot at or before instant `at`, checked against the chain (rejected when it does not match). */
  async snapshotAtOrBefore(at: Instant): Promise<SnapshotLookup | undefined> {
    const [entry] = await this.db.iterator({ gte: SNAPSHOTS, lt: afterInstant(SNAPSHOTS, at), reverse: true, limit: 1 }).all();
    return entry === undefined ? undefined : this.checkedSnapshot(entry[0], entry[1]);
  }

  /** Every snapshot in (at, seq) order, each checked against the chain as `snapshotAtOrBefore` does. */
  async *snapshots(): AsyncIterable<SnapshotLookup> {
    for await (const entries of entryPages(this.db, { gte: SNAPSHOTS, lt: upper(SNAPSHOTS) })) {
      for (const [key, name] of entries) yield await this.checkedSnapshot(key, name);
    }
  }

  /**
   * The blob of the snapshot named under `key` once its header matches the journal: the key's position,
   * a record at that position, the hash of the record it was folded at, the blob's SHA-256, and (in a
   * journal that is not time-ordered) no record appended since it was folded that belongs before it.
   */
  private async checkedSnapshot(key: string, name: string): Promise<SnapshotLookup> {
    const position = positionOfKey(key);
    const text = await readSnapshotFile(this.dir, name);
    if (text === undefined) return { position, rejected: `its file ${name} is missing` };
    const bound = unbindSnapshot(text);
    if (E.isLeft(bound)) return { position, rejected: `file ${name}: ${bound.left}` };
    const head = this.current;
    const problem = misplaced(bound.right.header, position, head.seq) ?? (await this.unchained(bound.right.header, head));
    return problem === undefined ? { position, blob: bound.right.blob } : { position, rejected: `file ${name}: ${problem}` };
  }

  private async unchained(header: SnapshotHeader, head: Head): Promise<string | undefined> {
    const { position, folded } = header;
    const [atPosition, atFolded] = await fetchRecords(this.db, [position.seq, folded.seq], 'snapshot');
    if (atPosition?.event.at !== position.at) return `record ${position.seq} is not at ${position.at}`;
    if (atFolded?.hash !== folded.hash) return `record ${folded.seq}, where it was folded, has another hash: the journal changed since`;
    if (head.ordered || folded.seq === head.seq) return undefined;
    for await (const page of this.scanRecords(() => recordEntryPages(this.db, folded.seq + 1, { gt: recordKey(folded.seq), lte: recordKey(head.seq) }), readRecord, () => true)) {
      const late = page.find((r) => r.event.at < position.at);
      if (late !== undefined) return `record ${late.seq}, appended after it was folded, belongs before it: it is stale`;
    }
    return undefined;
  }

  private async hashOf(seq: number): Promise<Sha256> {
    const [record] = await fetchRecords(this.db, [seq], 'snapshot');
    if (record === undefined) throw new RangeError(`record ${seq} is not in journal ${this.dir}`);
    return record.hash as Sha256;
  }

  /**
   * Stores the head table (the state at the head, in named parts) folded at `folded`, the head when its
   * fold began; refused (false) when the head has moved since.
   */
  putHeadTable(folded: Head, parts: Iterable<readonly [string, string]>): Promise<boolean> {
    return this.exclusive(async () => {
      const head = this.current;
      if (head.seq === 0 || head.seq !== folded.seq || head.hash !== folded.hash) return false;
      writeHeadTable(this.dir, { seq: head.seq, hash: head.hash }, parts);
      return true;
    });
  }

  /**
   * The parts asked for (all without `wanted`) of the head table folded at the current head: a part it does
   * not hold is absent. Undefined when there is no table for this head; rejected when a part fails its checks.
   */
  headTable(wanted?: readonly string[]): Promise<HeadTableRead | undefined> {
    const head = this.current;
    return Promise.resolve(head.seq === 0 ? undefined : readHeadTable(this.dir, { seq: head.seq, hash: head.hash }, wanted));
  }

  /** The names of the head table's parts, without reading them; undefined without a usable table. */
  headTableParts(): Promise<string[] | undefined> {
    const head = this.current;
    return Promise.resolve(head.seq === 0 ? undefined : headTablePartNames(this.dir, { seq: head.seq, hash: head.hash }));
  }

  deleteSnapshots(): Promise<void> {
    return this.exclusive(async () => {
      await this.db.clear({ gte: SNAPSHOTS, lt: upper(SNAPSHOTS) });
      await removeSnapshotFolder(this.dir);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // lifecycle and internals
  // ---------------------------------------------------------------------------------------------

  /**
   * Waits for appends in flight and their index writes, then closes the store (and releases the lock). A
   * write-ahead log longer than `READER_LOG_BYTES` is first written into a table: every reader copies the
   * log and replays it on open.
   */
  async close(): Promise<void> {
    await this.tail;
    // A failed index write was reported to every call after it; the next open rebuilds what it lacked.
    await this.backlog.flush().catch(() => undefined);
    await this.shortenLog();
    await this.db.close();
  }

  /**
   * Writes a write-ahead log longer than a reader should replay (`READER_LOG_BYTES`) into a table: every private
   * read snapshot copies and replays the log on open. Done on close, and before the writer reads through read
   * snapshots (`recordPagesThroughCopies`), after an append that left up to 16 MiB of log.
   */
  async shortenLog(): Promise<void> {
    if (logBytes(this.dir) > READER_LOG_BYTES) await flushMemtable(this.db);
  }

  /** Runs `task` after every earlier append, verify or snapshot write: one writer at a time. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private checkExpected(expected: ExpectedSeq): void {
    if (expected !== ANY && expected !== this.current.seq) throw new ExpectedSequenceConflict(expected, this.current.seq);
  }

  private moveHead(stage: Stage): void {
    this.current = stage.head;
    // Best effort: an unnamed snapshot file is never read again; a leftover one only takes disk space.
    if (stage.staleFiles.length > 0) void removeSnapshotFiles(this.dir, stage.staleFiles).catch(() => undefined);
    const late = stage.lateFrom;
    if (late !== undefined) this.lateAppends.push({ seq: stage.head.seq, minAt: late });
  }
}

/** The records of an append: each event with its sealed link, the skipped ones (undefined) left out. */
const recordsOf = (sealed: ReadonlyArray<Linked | undefined>, events: readonly Event[]): JournalRecord[] => {
  const records: JournalRecord[] = [];
  sealed.forEach((s, i) => {
    const event = events[i];
    if (s !== undefined && event !== undefined) records.push({ seq: s.seq, recordedAt: s.recordedAt, prevHash: s.prevHash, hash: s.hash, event });
  });
  return records;
};

/** The events of an append, each checked and staged as given (`checkedPendingOf`), or undefined if one is not. */
const checkedPending = (events: readonly unknown[], recordedAt: Instant): Pending[] | undefined => {
  const pending: Pending[] = [];
  for (const u of events) {
    const item = checkedPendingOf(u, recordedAt);
    if (item === undefined) return undefined;
    pending.push(item);
  }
  return pending;
};

/** The event at `index` of an append, checked; its place is named only when it is refused. */
const decodeOrThrow = (u: unknown, index: number): Event => {
  const decoded = checkEvent(u);
  if (E.isLeft(decoded)) throw new JournalError('invalid-event', `events[${index}]: ${decoded.left}`);
  return decoded.right;
};

const recordedBy =
  (asOf: Instant | undefined) =>
  (r: PodRecord): boolean =>
    asOf === undefined || r.recordedAt <= asOf;
