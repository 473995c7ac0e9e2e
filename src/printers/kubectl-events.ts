/**
 * `kubectl events` (kubectl/pkg/cmd/events at v1.36): its own printer, not `get events`' table. LAST SEEN is
 * `event_printer.go :: getInterval` (a repeated Event's last time, "(xN over AGE)" of its first), OBJECT the
 * involved object's Kind as the API holds it (`Pod/web`), each cell cut at its first line break (`escapeCell`),
 * the Events sorted by time (`events.go :: SortableEvents`); `-o json|yaml` print the typed `EventList`, whose
 * fields come in the Go struct's order (core/v1 types.go :: Event), not sorted as an unstructured object's.
 */
import { ageOf } from './duration.js';
import type { ServedEvent } from './served-event.js';

/** `event_printer.go :: cellBreakChars`: formfeed too, which the tabwriter reads as a line break. */
const CELL_BREAK = /[\f\n\r]/;

/** `escapeCell`: the text up to its first line break, then "...", with the terminal's escape made visible (`printers.EscapeTerminal`). */
export const escapeCell = (text: string): string => {
  const cut = CELL_BREAK.exec(text);
  const kept = cut === null ? text : `${text.slice(0, cut.index)}...`;
  return kept.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');
};

/** What `EventPrinter` and the sort read of an Event (any involved object's kind, as kubectl prints any). */
export type PrintedEvent = Pick<ServedEvent, 'type' | 'reason' | 'message' | 'eventTime' | 'firstTimestamp' | 'lastTimestamp' | 'count' | 'series'> & {
  readonly metadata: { readonly namespace: string };
  readonly involvedObject: { readonly kind: string; readonly name: string };
};

/** A MicroTime or Time as the object holds it: undefined for Go's zero time (null, absent or empty). */
const timeOf = (t: string | null | undefined): string | undefined => (t === null || t === undefined || t === '' ? undefined : t);

/** `getInterval`: the age of the first occurrence (eventTime, else firstTimestamp), and for a repeated Event its last and its count. */
export const intervalOf = (e: PrintedEvent, now: Date): string => {
  const eventTime = timeOf(e.eventTime);
  const firstSince = ageOf(eventTime ?? timeOf(e.firstTimestamp), now);
  if (e.series !== undefined) return `${ageOf(e.series.lastObservedTime, now)} (x${e.series.count} over ${firstSince})`;
  if ((e.count ?? 0) > 1) return `${ageOf(timeOf(e.lastTimestamp), now)} (x${e.count ?? 0} over ${firstSince})`;
  return firstSince;
};

/**
 * `events.go :: eventTime`, what the Events are sorted by: the series' last observation, else lastTimestamp, else
 * eventTime. `--since` compares with it too.
 */
export const eventTimeMs = (e: PrintedEvent): number => {
  const at = timeOf(e.series?.lastObservedTime) ?? timeOf(e.lastTimestamp) ?? timeOf(e.eventTime);
  return at === undefined ? Number.NEGATIVE_INFINITY : Date.parse(at);
};

/** `sort.Sort(SortableEvents(...))`, earliest first; Events of one instant keep the API's list order. */
export const sortedByEventTime = <T extends PrintedEvent>(events: readonly T[]): T[] => [...events].sort((a, b) => eventTimeMs(a) - eventTimeMs(b));

/** `EventPrinter`: the header (NAMESPACE first with `-A`), then a row per Event, their ages at `now`. */
export const kubectlEventsRows = (events: readonly PrintedEvent[], allNamespaces: boolean, now: Date): string[][] => [
  [...(allNamespaces ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
  ...events.map((e) => [
    ...(allNamespaces ? [e.metadata.namespace] : []),
    intervalOf(e, now),
    escapeCell(e.type),
    escapeCell(e.reason),
    `${escapeCell(e.involvedObject.kind)}/${escapeCell(e.involvedObject.name)}`,
    escapeCell(e.message.trim()),
  ]),
];

/**
 * The Event as `json.Marshal` writes the typed core/v1 Event: its fields in the struct's order, `omitempty` ones
 * left out when empty, the Times (structs, never omitted) null when zero, reportingComponent and reportingInstance
 * always (no omitempty).
 */
export const typedEvent = (e: ServedEvent): Record<string, unknown> => {
  const { metadata: m, involvedObject: o } = e;
  return {
    kind: 'Event',
    apiVersion: 'v1',
    metadata: {
      name: m.name,
      namespace: m.namespace,
      ...(m.uid !== undefined && { uid: m.uid }),
      ...(m.resourceVersion !== undefined && { resourceVersion: m.resourceVersion }),
      creationTimestamp: m.creationTimestamp,
    },
    involvedObject: {
      kind: o.kind,
      namespace: o.namespace,
      name: o.name,
      ...(o.uid !== '' && { uid: o.uid }),
      apiVersion: o.apiVersion,
      ...(o.resourceVersion !== undefined && { resourceVersion: o.resourceVersion }),
      ...(o.fieldPath !== undefined && o.fieldPath !== '' && { fieldPath: o.fieldPath }),
    },
    ...(e.reason !== '' && { reason: e.reason }),
    ...(e.message !== '' && { message: e.message }),
    source: { ...(e.source.component !== undefined && e.source.component !== '' && { component: e.source.component }), ...(e.source.host !== undefined && e.source.host !== '' && { host: e.source.host }) },
    firstTimestamp: e.firstTimestamp,
    lastTimestamp: e.lastTimestamp,
    ...(e.count !== undefined && e.count !== 0 && { count: e.count }),
    ...(e.type !== '' && { type: e.type }),
    eventTime: e.eventTime ?? null,
    ...(e.series !== undefined && { series: e.series }),
    ...(e.action !== undefined && e.action !== '' && { action: e.action }),
    reportingComponent: e.reportingComponent ?? '',
    reportingInstance: e.reportingInstance ?? '',
    // podj's mark: an occurrence shown was placed by an import, not recorded
    ...(e.inferred === true && { inferred: true }),
  };
};

/** The `EventList` `events.go :: Run` prints: its TypeMeta, an empty ListMeta, the items sorted. */
export const typedEventList = (events: readonly ServedEvent[]): Record<string, unknown> => ({
  kind: 'EventList',
  apiVersion: 'v1',
  metadata: {},
  items: events.map(typedEvent),
});
