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
import { Folding, observationTypes, type PodState } from '../reducers/index.js';
import { decodeIndex } from './snapshot-codec.js';
import { loadPods, loadRows } from './snapshot-parts.js';
import { rowOf, type PlacedRow, type SnapshotRows } from './snapshot-rows.js';
import { clusterAt, type TimeTravel } from './time-travel.js';

/** The pods whose state the events can change: theirs, and the live pods holding a name they create. */
const touchedBy = (events: readonly PodEvent[], placed: ReadonlyMap<string, PlacedRow>): Set<string> => {
  const touched = new Set(events.map((e) => e.pod.uid));
  const created = new Set(events.filter((e) => e.type === 'PodCreated').map((e) => keyText(e.pod.namespace, e.pod.name)));
  if (created.size === 0) return touched;
  for (const [uid, { row }] of placed) if (created.has(lineKeyText(row))) touched.add(uid);
  return touched;
};

/** The pod events after a position (from the start without it) up to `at`, in valid-time order. */
const podEventsBetween = async (tt: TimeTravel, after: Position | undefined, at: Instant): Promise<PodEvent[]> => {
  const events: PodEvent[] = [];
  for await (const page of tt.journal.recordsInTimeOrder({ after, untilAt: at, skipTypes: observationTypes }).batches()) for (const { event } of page) if ('pod' in event) events.push(event);
  return events;
};

/** Where the rows start: a snapshot's rows and the way to its pods, or nothing before the first snapshot; undefined when no snapshot can serve. */
interface Start {
  readonly rows: SnapshotRows;
  readonly after?: Position;
  readonly pods: (wanted: ReadonlyMap<string, PlacedRow>) => Promise<Map<string, PodState> | { readonly rejected: string }>;
}

const startAt = async (tt: TimeTravel, at: Instant): Promise<Start | undefined> => {
  const snapshot = await tt.journal.snapshotAtOrBefore(at);
  if (snapshot === undefined) return { rows: { placed: new Map(), texts: [] }, pods: () => Promise.resolve(new Map()) };
  const index = 'blob' in snapshot ? decodeIndex(snapshot.blob, tt.version) : undefined;
  const rows = index === undefined ? undefined : await loadRows(tt.journal, index);
  if (index === undefined || rows === undefined || 'rejected' in rows) return undefined;
  return { rows, after: snapshot.position, pods: (wanted) => loadPods(tt.journal, index, rows, wanted) };
};

/** The rows of every pod alive at `at`, in no particular order; from the whole fold when no snapshot's rows can serve. */
export const rowsAt = async (tt: TimeTravel, at: Instant): Promise<RowLine[]> => {
  const whole = async () => [...(await clusterAt(tt, at)).pods.values()].map(rowOf);
  const start = await startAt(tt, at);
  if (start === undefined) return whole();
  const { placed } = start.rows;
  const events = await podEventsBetween(tt, start.after, at);
  const touched = touchedBy(events, placed);
  const wanted = new Map<string, PlacedRow>();
  for (const uid of touched) {
    const place = placed.get(uid);
    if (place !== undefined) wanted.set(uid, place);
  }
  const pods = await start.pods(wanted);
  if ('rejected' in pods) return whole();
  const folding = new Folding({ pods, nodes: new Map() });
  for (const e of events) folding.apply(e);
  const rows: RowLine[] = [];
  for (const [uid, { row }] of placed) if (!touched.has(uid)) rows.push(row);
  for (const pod of folding.pods.values()) rows.push(rowOf(pod));
  return rows;
};
