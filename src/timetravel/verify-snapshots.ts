/**
 * `podj verify`'s check of the snapshots: each must match the chain (the journal checks its header) and
 * hold exactly the state the events fold to at its position, and the head table the pods at the end. One
 * fold of the journal in time order, each snapshot compared as it is reached.
 */
import type { Event } from '../events/index.js';
import type { Journal, JournalRecord, Position, SnapshotLookup } from '../journal/index.js';
import { emptyCluster, foldCluster, type ClusterState } from '../reducers/index.js';
import { snapshotVersion } from './snapshot-codec.js';
import { decodeIndex } from './snapshot-codec.js';
import { loadPods, loadRows, loadSnapshot, loadWholeParts, placesOf } from './snapshot-parts.js';
import { rowOf } from './snapshot-rows.js';
import { headTableParts } from './head-table.js';
import type { TimeTravel } from './time-travel.js';

export interface SnapshotFault {
  /** The snapshot's position; none for the head table. */
  readonly position?: Position;
  readonly reason: string;
}

export interface SnapshotReport {
  /** Snapshots that hold exactly the fold of the events. */
  readonly verified: number;
  /** Snapshots written by another version of podj: ignored by every read, replaced by the next write. */
  readonly otherVersion: number;
  readonly faults: readonly SnapshotFault[];
}

/** Records in time order, taken up to one position at a time. */
class Cursor {
  private readonly records: AsyncIterator<JournalRecord>;
  /** The first record past the last position asked for. */
  private held: JournalRecord | undefined;
  private done = false;

  constructor(journal: Journal) {
    this.records = journal.recordsInTimeOrder()[Symbol.asyncIterator]();
  }

  /** The events after the previous call's position, up to and including the record at `p` (to the end without it). */
  async eventsThrough(p?: Position): Promise<Event[]> {
    const out: Event[] = [];
    while (!this.done) {
      const r = this.held ?? (await this.pull());
      if (r === undefined) break;
      this.held = p !== undefined && (r.event.at > p.at || (r.event.at === p.at && r.seq > p.seq)) ? r : undefined;
      if (this.held !== undefined) break;
      out.push(r.event);
    }
    return out;
  }

  private async pull(): Promise<JournalRecord | undefined> {
    const step = await this.records.next();
    this.done = step.done === true;
    return step.done === true ? undefined : step.value;
  }
}

/** Every pod and node, in map order, as JSON: equal strings mean equal values, key orders and map orders. */
const exactly = (s: ClusterState): string => JSON.stringify([[...s.pods], [...s.nodes]]);

const judge = async (journal: Journal, snapshot: SnapshotLookup, state: ClusterState, version: string): Promise<'ok' | 'other-version' | string> => {
  if ('rejected' in snapshot) return snapshot.rejected;
  const written = snapshotVersion(snapshot.blob);
  if (written === undefined) return 'it is not a snapshot (malformed)';
  if (written !== version) return 'other-version';
  // Every part whole first: a part that does not match its name is named as such.
  const whole = await loadWholeParts(journal, snapshot.blob, version);
  if ('rejected' in whole) return whole.rejected;
  if (exactly(whole) !== exactly(state)) return 'it differs from the fold of the events at its position';
  const loaded = await loadSnapshot(journal, snapshot.blob, version);
  if ('rejected' in loaded) return loaded.rejected;
  if (exactly(loaded.state) !== exactly(state)) return 'its rows place its pods where others are stored, or in another order';
  return rowsFault(journal, snapshot.blob, version, state) ?? 'ok';
};

/** Why the snapshot's rows (`snapshot-rows.ts`) are not the fold's pods' rows, if they are not. */
const rowsFault = (journal: Journal, blob: string, version: string, state: ClusterState): string | undefined => {
  const index = decodeIndex(blob, version);
  if (index === undefined) return 'it is not a snapshot (malformed)';
  // Every pod's place is read, and each pod read back from where its row says it is stored.
  const rows = loadRows(journal, index, () => true);
  if ('rejected' in rows) return rows.rejected;
  const { wanted } = rows;
  const differs = rows.rows.length > 0 || wanted.size !== state.pods.size || [...state.pods].some(([uid, pod]) => wanted.get(uid)?.row !== rowOf(pod));
  if (differs) return 'its rows differ from the rows of the fold of the events at its position';
  const pods = loadPods(journal, index, placesOf(wanted));
  if ('rejected' in pods) return pods.rejected;
  const misplaced = [...state.pods].find(([uid, pod]) => JSON.stringify(pods.get(uid)) !== JSON.stringify(pod));
  return misplaced === undefined ? undefined : `its rows place pod ${misplaced[0]} where another is stored`;
};

export const verifySnapshots = async (tt: TimeTravel): Promise<SnapshotReport> => {
  const cursor = new Cursor(tt.journal);
  let state = emptyCluster;
  let verified = 0;
  let otherVersion = 0;
  const faults: SnapshotFault[] = [];
  for await (const snapshot of tt.journal.snapshots()) {
    state = foldCluster(await cursor.eventsThrough(snapshot.position), state);
    const verdict = await judge(tt.journal, snapshot, state, tt.version);
    if (verdict === 'ok') verified++;
    else if (verdict === 'other-version') otherVersion++;
    else faults.push({ position: snapshot.position, reason: verdict });
  }
  const table = await headTableFault(tt, foldCluster(await cursor.eventsThrough(), state));
  return { verified, otherVersion, faults: table === undefined ? faults : [...faults, { reason: `head table: ${table}` }] };
};

/** Why the head table of the current head (if there is one) is not the fold of every event, if it is not. */
const headTableFault = async (tt: TimeTravel, end: ClusterState): Promise<string | undefined> => {
  const table = await tt.journal.headTable();
  if (table === undefined) return undefined;
  if ('rejected' in table) return table.rejected;
  const expected = new Map(headTableParts(end));
  const names = new Set([...expected.keys(), ...table.parts.keys()]);
  const wrong = [...names].find((ns) => expected.get(ns) !== table.parts.get(ns));
  return wrong === undefined ? undefined : `namespace ${wrong} differs from the fold of the events`;
};
