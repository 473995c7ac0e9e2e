/**
 * Questions at a past instant: the cluster at T from the nearest snapshot at or before T plus the events
 * after it, and the upkeep of those snapshots after appends. Cost follows the snapshot interval, not the
 * journal's length.
 */
import type { Event } from '../events/index.js';
import type { Instant } from '../k8s/codecs.js';
import { recordPagesThroughCopies, type Journal, type JournalRecord, type Position } from '../journal/index.js';
import { Folding, emptyCluster, foldPages, type ClusterState } from '../reducers/index.js';
import { observationTypes } from '../events/index.js';
import { SNAPSHOT_SCHEMA } from './snapshot-codec.js';
import { SnapshotWriter, Touched, addPartsNamed, loadSnapshot, type Layout } from './snapshot-parts.js';
import { headTableParts } from './head-table.js';

export const DEFAULT_SNAPSHOT_EVERY = 10_000;

export interface TimeTravel {
  readonly journal: Journal;
  /** The version of the code that folds (the package version): snapshots of another are ignored. */
  readonly version: string;
  /** Events between two snapshots. */
  readonly every: number;
}

export const timeTravel = (journal: Journal, codeVersion: string, every = DEFAULT_SNAPSHOT_EVERY): TimeTravel => ({
  journal,
  version: `${SNAPSHOT_SCHEMA}/${codeVersion}`,
  every,
});

const positionOf = (r: JournalRecord): Position => ({ at: r.event.at, seq: r.seq });

async function* eventPages(pages: AsyncIterable<readonly JournalRecord[]>): AsyncIterable<Event[]> {
  for await (const page of pages) yield page.map((r) => r.event);
}

interface Start {
  readonly state: ClusterState;
  readonly after?: Position;
  /** The parts of the snapshot it starts from. */
  readonly layout?: Layout;
  /** The snapshot found was written by another version, or does not match the journal. */
  readonly stale: boolean;
}

const fromScratch = (stale: boolean): Start => ({ state: emptyCluster, stale });

/** The newest usable snapshot at or before `at` (the newest of all without `at`), else the empty cluster. */
const startAt = async (tt: TimeTravel, at: Instant | undefined): Promise<Start> => {
  const bound = at ?? tt.journal.lastAt();
  if (bound === undefined) return fromScratch(false);
  const snapshot = await tt.journal.snapshotAtOrBefore(bound);
  if (snapshot === undefined) return fromScratch(false);
  // A snapshot that does not match the chain (tampered, stale, misplaced) is never used; the next write rebuilds them all.
  if ('rejected' in snapshot) return fromScratch(true);
  const loaded = await loadSnapshot(tt.journal, snapshot.blob, tt.version);
  return 'rejected' in loaded ? fromScratch(true) : { state: loaded.state, layout: loaded.layout, after: snapshot.position, stale: false };
};

/**
 * The cluster at `at` (now, without it). With `asOf`, only what had been recorded by then: snapshots fold
 * everything recorded, so such a question folds from the start.
 */
export const clusterAt = async (tt: TimeTravel, at?: Instant, asOf?: Instant): Promise<ClusterState> => {
  const start = asOf === undefined ? await startAt(tt, at) : fromScratch(false);
  const stream = tt.journal.recordsInTimeOrder({ after: start.after, untilAt: at, asOfRecordedAt: asOf, skipTypes: observationTypes });
  return foldPages(eventPages(stream.batches()), start.state);
};

/**
 * Writes the snapshots missing after the newest usable one: one every `every` folded events in valid-time
 * order (each writes only the pods that changed since the one before, so a question at T folds at most
 * `every` events after loading the nearest; observations change no state, so they are left unread and
 * uncounted, as questions leave them; a long read goes through read snapshots closed as it goes, which lets
 * LevelDB's mapped tables go), then the head table (the pods at the head, by
 * namespace), then removes the parts no snapshot names any more. If the newest snapshot is of another
 * version or does not match the journal, all are dropped first. Returns how many snapshots were written.
 */
export const refreshSnapshots = async (tt: TimeTravel): Promise<number> => {
  const written = await foldAndWrite(tt);
  // After the fold returned: its state (≈ 300 MiB at tier L) is garbage while the snapshots are read again.
  await removeUnusedParts(tt);
  return written;
};

/** The snapshots and the head table of `refreshSnapshots`; how many snapshots were written. */
const foldAndWrite = async (tt: TimeTravel): Promise<number> => {
  const head = tt.journal.head();
  const start = await startAt(tt, undefined);
  if (start.stale) await tt.journal.deleteSnapshots();
  const folding = new Folding(start.state);
  const writer = new SnapshotWriter(start.layout);
  const touched = new Touched();
  let pending = 0;
  let written = 0;
  // A long read goes through read snapshots closed as it goes, so that LevelDB's mapped tables go with them (≈ 430–480 MiB at tier L).
  for await (const page of recordPagesThroughCopies(tt.journal, { after: start.after, skipTypes: observationTypes }, head.seq)) {
    for (const record of page) {
      const { event } = record;
      if ('pod' in event) {
        const heldBefore = folding.pods.has(event.pod.uid);
        folding.apply(event);
        touched.note(event.pod.uid, heldBefore, folding.pods.has(event.pod.uid));
      } else folding.apply(event);
      if (++pending < tt.every) continue;
      const state = folding.result();
      const blob = await writer.write(tt.journal, state, tt.version, touched);
      touched.clear();
      if (!(await tt.journal.putSnapshot(positionOf(record), blob, { computedAtSeq: head.seq }))) return written;
      written++;
      pending = 0;
    }
  }
  await tt.journal.putHeadTable(head, headTableParts(folding.result()));
  return written;
};

/**
 * Parts of snapshots that late appends unnamed take only disk space; they go after each upkeep. Each
 * snapshot's names are taken as it is read, not its text kept (214 indexes, 12 MB, at tier L).
 */
const removeUnusedParts = async (tt: TimeTravel): Promise<void> => {
  const used = new Set<string>();
  for await (const snapshot of tt.journal.snapshots()) if ('blob' in snapshot) addPartsNamed(used, snapshot.blob, tt.version);
  await tt.journal.removeUnusedSnapshotParts(used);
};
