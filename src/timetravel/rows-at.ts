/**
 * `get pods` rows at a past instant without folding the whole cluster: the rows of the nearest snapshot at or
 * before it (`snapshot-rows.ts`), with only the pods that the events between that snapshot and the instant
 * touch decoded and folded on. The rows are the full fold's: the fold changes a pod only through its own
 * events, and through a creation that takes its name (the API server's one live pod per name), and both
 * kinds of pods are folded here.
 */
import type { PodEvent } from '../events/index.js';
import type { Instant } from '../k8s/codecs.js';
import type { Position } from '../journal/index.js';
import { keyText, lineKeyText, type RowLine } from '../printers/row-line.js';
import { Folding, type PodState } from '../reducers/index.js';
import { observationTypes } from '../events/index.js';
import { decodeIndex, type SnapshotIndex } from './snapshot-codec.js';
import { loadPods, loadRows, placesOf } from './snapshot-parts.js';
import { rowOf, type SnapshotRows, type Wants } from './snapshot-rows.js';
import { clusterAt, type TimeTravel } from './time-travel.js';

/**
 * The pods whose state the events can change: theirs, and the live pods holding a name they create. Known
 * before the snapshot's rows are read, so that only these pods' places are read with them.
 */
const touchedBy = (events: readonly PodEvent[]): Wants => {
  const uids = new Set(events.map((e) => e.pod.uid));
  const created = new Set(events.filter((e) => e.type === 'PodCreated').map((e) => keyText(e.pod.namespace, e.pod.name)));
  return (uid, row) => uids.has(uid) || (created.size > 0 && created.has(lineKeyText(row)));
};

/** The pod events after a position (from the start without it) up to `at`, in valid-time order. */
const podEventsBetween = async (tt: TimeTravel, after: Position | undefined, at: Instant): Promise<PodEvent[]> => {
  const events: PodEvent[] = [];
  for await (const page of tt.journal.recordsInTimeOrder({ after, untilAt: at, skipTypes: observationTypes }).batches()) for (const { event } of page) if ('pod' in event) events.push(event);
  return events;
};

/** The snapshot the rows start from (none before the first snapshot); undefined when no snapshot can serve. */
const startAt = async (tt: TimeTravel, at: Instant): Promise<{ readonly index?: SnapshotIndex; readonly after?: Position } | undefined> => {
  const snapshot = await tt.journal.snapshotAtOrBefore(at);
  if (snapshot === undefined) return {};
  const index = 'blob' in snapshot ? decodeIndex(snapshot.blob, tt.version) : undefined;
  return index === undefined ? undefined : { index, after: snapshot.position };
};

/** The rows of every pod alive at `at`, in no particular order; from the whole fold when no snapshot's rows can serve. */
export const rowsAt = async (tt: TimeTravel, at: Instant): Promise<RowLine[]> => {
  const whole = async () => [...(await clusterAt(tt, at)).pods.values()].map(rowOf);
  const start = await startAt(tt, at);
  if (start === undefined) return whole();
  const { index } = start;
  const events = await podEventsBetween(tt, start.after, at);
  const snapshot: SnapshotRows | { readonly rejected: string } = index === undefined ? { rows: [], wanted: new Map() } : loadRows(tt.journal, index, touchedBy(events));
  if ('rejected' in snapshot) return whole();
  // The touched pods the snapshot holds are the ones it gives the places of; the others' rows are kept as they are.
  const { rows, wanted } = snapshot;
  const pods = index === undefined ? new Map<string, PodState>() : loadPods(tt.journal, index, placesOf(wanted));
  if ('rejected' in pods) return whole();
  const folding = new Folding({ pods, nodes: new Map() });
  for (const e of events) folding.apply(e);
  for (const pod of folding.pods.values()) rows.push(rowOf(pod));
  return rows;
};
