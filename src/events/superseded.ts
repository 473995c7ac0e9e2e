/**
 * Records a later import superseded (`RecordsSuperseded`): each is told by its type, instant, container and the Event
 * it was read from, so that a reader of a pod's records leaves it out (or, named `recordedAs`, reads it with that
 * Event), and the markers with them.
 */
import type { Event, EventOf } from './event.js';
import type { SupersededRecord } from './vocabulary.js';
import type { RecordedEvent } from './common.js';

/** What tells a record from the pod's others, as a `RecordsSuperseded` names it. */
export const supersededRecordOf = (e: Event): SupersededRecord => ({
  type: e.type,
  at: e.at,
  ...('container' in e && { container: e.container }),
  ...(e.from?.recorded !== undefined && { recorded: e.from.recorded.object }),
});

/** One key per record: a superseded record and the record that names it have the same. */
export const supersededKey = (r: SupersededRecord): string => `${r.type}|${r.at}|${r.container ?? ''}|${r.recorded ?? ''}`;

/** The key of an event as a superseded record. */
export const supersededKeyOf = (e: Event): string => supersededKey(supersededRecordOf(e));

export const isSupersession = (e: Event): e is EventOf<'RecordsSuperseded'> => e.type === 'RecordsSuperseded';

/** Whether the fold passes over the record (it does not: the record stands, read with the Event named). */
export const leftOut = (r: SupersededRecord): boolean => r.recordedAs === undefined;

/**
 * How a reader of these events reads each: `undefined` for a marker or a record one of their markers supersedes, the
 * record with its Event for one a marker names `recordedAs`, else the event itself. Journals without markers pay one pass.
 */
export const asSuperseded = (events: Iterable<Event>): (<T extends Event>(e: T) => T | undefined) => {
  const named = new Map<string, SupersededRecord>();
  for (const e of events) if (isSupersession(e)) for (const r of e.records) named.set(`${e.pod.uid}|${supersededKey(r)}`, r);
  return <T extends Event>(e: T): T | undefined => {
    if (isSupersession(e)) return undefined;
    const r = named.size === 0 || !('pod' in e) ? undefined : named.get(`${e.pod.uid}|${supersededKeyOf(e)}`);
    if (r === undefined) return e;
    return r.recordedAs === undefined ? undefined : withRecorded(e, r.recordedAs);
  };
};

const withRecorded = <T extends Event>(e: T, recorded: RecordedEvent): T => ({ ...e, from: { ...e.from, recorded } });

/** The events as a reader reads them (`asSuperseded`): `events` itself when it has no marker. */
export const withoutSuperseded = <T extends Event>(events: readonly T[]): readonly T[] => {
  if (!events.some(isSupersession)) return events;
  const read = asSuperseded(events);
  return events.flatMap((e) => read(e) ?? []);
};
