/**
 * Events imported after their pods' objects (a separate `podj import` each) record facts the journal holds worse:
 * the runs a status's `restartCount` implied, placed on the back-off curve, which the kubelet's `Created` and
 * `Started` Events time; the back-off the status showed, which the `BackOff` Events report; a start the object
 * stated, without the Event the cluster recorded for it. A joint import keeps the Events' records. The journal is
 * append-only, so this import appends them and one `RecordsSuperseded` per pod naming the journal's records they
 * replace; every reader leaves those out (`events/superseded.ts`), and the three orders answer alike.
 */
import { derivedProvenance, isObservation, supersededRecordOf, supersededKeyOf, type Event, type EventOf, type Provenance, type RecordedEvent, type SupersededRecord } from '../events/index.js';
import { instantOf, msOf } from '../k8s/codecs.js';
import { containerKeyOf, envelopeAt } from './build.js';
import { factKey, isBackOff, isStatusBackOff } from './fact-identity.js';
import type { Certainty, Imported } from './imported.js';

const runFacts: ReadonlySet<Event['type']> = new Set(['ContainerCreated', 'ContainerStarted', 'ContainerExited']);

const containerOf = (i: Imported): string | undefined => ('container' in i.event && 'pod' in i.event ? containerKeyOf(i.event) : undefined);

const isHeldInferred = (i: Imported): boolean => i.event.from?.inferred === true;

/**
 * The containers whose runs the Events record where the journal holds them placed: an Event's exact creation or start
 * of a run the journal holds inferred. Their runs are placed again, from the journal's records of the container and
 * the Events together, as a joint import places them (`reread`).
 */
export const rerecordedContainers = (journal: readonly Imported[], own: readonly Imported[]): ReadonlySet<string> => {
  const fresh = new Map(own.map((i) => [factKey(i), i]));
  const containers = new Set<string>();
  for (const held of journal) {
    if (!isHeldInferred(held) || (held.event.type !== 'ContainerCreated' && held.event.type !== 'ContainerStarted')) continue;
    const record = fresh.get(factKey(held));
    const container = containerOf(held);
    if (record !== undefined && record.origin === 'events' && record.certainty === 'exact' && container !== undefined) containers.add(container);
  }
  return containers;
};

/**
 * The journal's records of the containers whose runs the Events record, as this import's own facts: their runs are
 * placed again with the Events', as a joint import places them (an object's recorded runs, its exit and back-off
 * model, with the Events' times). Records the journal holds placed are placed anew (a run no record states, only a
 * `restartCount`, as the differ gave it: `interpolated`); the others meet themselves. Of the back-offs the journal
 * read off a status, where the Events report the container's, only the status's own wait after the last run is
 * (`waitsPlaced`): a joint import keeps the Events' reports of the others.
 */
export const reread = (journal: readonly Imported[], own: readonly Imported[], rerecorded: ReadonlySet<string>): Imported[] => {
  if (rerecorded.size === 0) return [];
  const placedWaits = waitsPlaced(journal, reportedContainers(own));
  const mine = journal.filter((i) => {
    const container = containerOf(i);
    return container !== undefined && rerecorded.has(container) && !isObservation(i.event) && !placedWaits.has(i);
  });
  const stated = new Set(mine.flatMap((i) => (i.instance !== undefined && !isHeldInferred(i) ? [`${containerOf(i) ?? ''}#${i.instance}`] : [])));
  const certaintyOf = (i: Imported): Certainty =>
    !isHeldInferred(i) ? 'exact' : i.instance === undefined || stated.has(`${containerOf(i) ?? ''}#${i.instance}`) ? 'inferred' : 'interpolated';
  return mine.map((i) => ({ ...i, origin: 'snapshot', certainty: certaintyOf(i) }));
};

/**
 * The back-offs the journal holds read off a status, for a container whose back-offs this import's Events report, but
 * the status's own wait, after the container's last run: the merge placed the others, one per wait between two runs
 * it placed (`runs-on-curve.ts :: withWaitsShown`), where the Events now say how often the kubelet reported.
 */
const waitsPlaced = (journal: readonly Imported[], reported: ReadonlySet<string>): ReadonlySet<Imported> => {
  const lastRun = new Map<string, string>();
  for (const i of journal) {
    const container = containerOf(i);
    if (container !== undefined && runFacts.has(i.event.type) && i.event.at > (lastRun.get(container) ?? '')) lastRun.set(container, i.event.at);
  }
  return new Set(
    journal.filter((i) => {
      const container = containerOf(i);
      return container !== undefined && reported.has(container) && isStatusBackOff(i) && i.event.at < (lastRun.get(container) ?? '');
    }),
  );
};

/** The containers whose back-offs this import's Events report. */
const reportedContainers = (own: readonly Imported[]): ReadonlySet<string> =>
  new Set(own.flatMap((i) => (i.origin === 'events' && isBackOff(i) ? [containerOf(i) ?? ''] : [])));

/** A record of the journal this import supersedes: left out, or read with the Event named (`recordedAs`). */
export interface Superseded {
  readonly held: Imported;
  readonly recordedAs?: RecordedEvent;
  /** Where the record that supersedes it came from. */
  readonly by?: Provenance;
}

export interface Supersession {
  /** The journal's records still standing. */
  readonly journal: readonly Imported[];
  readonly superseded: readonly Superseded[];
}

/**
 * The journal's records this import's own supersede, by rule: a run fact the journal holds inferred of a container
 * whose runs the Events record, which this import records otherwise; a back-off the merge placed for a wait of such a
 * container (`waitsPlaced`), which its `BackOff` Events report. And the journal's records of facts this import's Events
 * recorded, held without them (a start or a binding an object stated): they stand, read with their Event.
 * Observations are left: no fold reads them.
 */
export const supersede = (journal: readonly Imported[], fresh: readonly Imported[], rerecorded: ReadonlySet<string>): Supersession => {
  if (!fresh.some((i) => i.origin === 'events')) return { journal, superseded: [] };
  const freshByKey = new Map(fresh.map((i) => [factKey(i), i]));
  const placedWaits = waitsPlaced(journal, reportedContainers(fresh));
  const superseded: Superseded[] = [];
  const left = new Set<Imported>();
  for (const held of journal) {
    const e = held.event;
    if (!('pod' in e) || isObservation(e)) continue;
    const container = containerOf(held);
    const record = freshByKey.get(factKey(held));
    const rerun = container !== undefined && rerecorded.has(container);
    const replaced = rerun && isHeldInferred(held) && runFacts.has(e.type) && record !== undefined && supersededKeyOf(record.event) !== supersededKeyOf(e);
    const recordedAs = !isHeldInferred(held) && e.from !== undefined && e.from.recorded === undefined ? record?.event.from?.recorded : undefined;
    if (replaced || (rerun && placedWaits.has(held))) {
      left.add(held);
      superseded.push({ held, by: record?.event.from });
    } else if (recordedAs !== undefined) superseded.push({ held, recordedAs, by: record?.event.from });
  }
  return { journal: left.size === 0 ? journal : journal.filter((i) => !left.has(i)), superseded };
};

/**
 * The markers: per pod, one for the records the fold passes over, 1 ms before the earliest (a fold in time order meets
 * it first, once the pod exists: those at the pod's creation the fold reads under the record of their run that
 * supersedes it, one run id), and one for the others (a record read with its Event stands: the fold reads no Event).
 */
export const supersessionMarkers = (superseded: readonly Superseded[], journal: readonly Imported[]): EventOf<'RecordsSuperseded'>[] => {
  const createdAt = new Map(journal.flatMap((i) => (i.event.type === 'PodCreated' ? [[i.event.pod.uid, i.event.at] as const] : [])));
  const byPod = new Map<string, { pod: EventOf<'RecordsSuperseded'>['pod']; records: SupersededRecord[]; from?: Provenance }>();
  for (const { held, recordedAs, by } of superseded) {
    const e = held.event;
    if (!('pod' in e)) continue;
    const folded = recordedAs === undefined && e.at > (createdAt.get(e.pod.uid) ?? e.at);
    const key = `${e.pod.uid}|${folded ? 'folded' : 'read'}`;
    const pod = byPod.get(key) ?? { pod: e.pod, records: [] };
    pod.records.push({ ...supersededRecordOf(e), ...(recordedAs !== undefined && { recordedAs }) });
    pod.from ??= by;
    byPod.set(key, pod);
  }
  return [...byPod.values()].map(({ pod, records, from }) => ({
    type: 'RecordsSuperseded',
    ...envelopeAt(instantOf(Math.min(...records.map((r) => msOf(r.at))) - 1), 'api'),
    pod,
    records,
    ...derivedProvenance(from),
  }));
};
