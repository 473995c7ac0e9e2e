/**
 * `kubectl get events`: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE (`pkg/printers/internalversion/printers.go ::
 * printEvent`, the server-side table): LAST SEEN is the age of the series' lastObservedTime, else of lastTimestamp,
 * else of the first time (`tableTimes`; the count shows only in `-o wide`; "(xN over AGE)" is `kubectl events`' and
 * `describe`'s), OBJECT is `kind/name` with the kind
 * lower-cased, MESSAGE trimmed; a NAMESPACE column first with `-A`. `-o wide` adds the columns of priority 1
 * in their places: SUBOBJECT (the field path), SOURCE (`formatEventSource`: the component, then ", host" when
 * there is one), FIRST SEEN, COUNT and NAME. Rows in the order given (`printEventList` does not sort: the
 * order is the API's, `apiList`).
 */
import { ageOf } from './duration.js';
import { tableTimes } from './event-stamps.js';
import type { KubeEventRow } from './kube-event-row.js';
import { compareStorageKeys } from './go-sort.js';
import { labelCells, labelHeaders, type LabelColumns } from './label-columns.js';
import { renderTable } from './tabwriter.js';

export interface EventsTableOptions extends LabelColumns {
  readonly withNamespace: boolean;
  readonly headers: boolean;
  readonly wide: boolean;
  /** `--show-kind`: the NAME column (`-o wide`'s, the one of format "name") as `event/NAME` (tableprinter.go :: decorateTable). */
  readonly withKind?: boolean;
}

/** `printers.go :: formatEventSource`. */
const sourceCell = ({ component, host }: KubeEventRow['source']): string => (host === undefined || host === '' ? component : `${component}, ${host}`);

/** The header, then a row per Event, their ages at `now`. */
export const eventsTableRows = (events: readonly NamedEventRow[], opts: Omit<EventsTableOptions, 'headers'>, now: Date): string[][] => {
  const header = [
    ...(opts.withNamespace ? ['NAMESPACE'] : []),
    ...(opts.wide
      ? ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME']
      : ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']),
    ...labelHeaders(opts),
  ];
  const body = events.map(({ name, row: r }) => {
    const object = `${r.involvedObject.kind.toLowerCase()}/${r.involvedObject.name}`;
    const times = tableTimes(r);
    const lastSeen = ageOf(times.lastSeen, now);
    const message = r.message.trim();
    return [
      ...(opts.withNamespace ? [r.involvedObject.namespace] : []),
      ...(opts.wide
        ? [lastSeen, r.type, r.reason, object, r.involvedObject.fieldPath ?? '', sourceCell(r.source), message, ageOf(times.firstSeen, now), String(times.count), opts.withKind === true ? `event/${name}` : name]
        : [lastSeen, r.type, r.reason, object, message]),
      // an Event a recorder writes has no labels
      ...labelCells(undefined, opts),
    ];
  });
  return [header, ...body];
};

export const eventsTable = (events: readonly NamedEventRow[], opts: EventsTableOptions, now: Date): string => {
  const [header = [], ...body] = eventsTableRows(events, opts, now);
  return renderTable(opts.headers ? [header, ...body] : body);
};

/** A row with the name an event recorder gave its Event. */
export interface NamedEventRow {
  readonly name: string;
  readonly row: KubeEventRow;
}

/**
 * Names Events as the API server holds them: each as the cluster named it when it was imported from one
 * (`recorded.name`), else as a recorder names it, `<object name>.<first occurrence, hex Unix nanoseconds>`
 * (`client-go/tools/record :: makeEvent`). Rows carry second-precision times, so an object's rows first seen in
 * one second are told apart by a nanosecond each, in the order they are named (created), as the recorder's clock
 * would; a recorded name among `known` is never given to another. Named before any filter, so a name never
 * depends on the query.
 */
export const eventNamer = (known: readonly KubeEventRow[]): ((row: KubeEventRow) => string) => {
  const key = (namespace: string, name: string): string => `${namespace}/${name}`;
  const taken = new Set(known.flatMap((r) => (r.recorded?.name === undefined ? [] : [key(r.involvedObject.namespace, r.recorded.name)])));
  return (row) => {
    const { namespace, name: object } = row.involvedObject;
    if (row.recorded?.name !== undefined) return row.recorded.name;
    let nanos = BigInt(Date.parse(row.firstTimestamp)) * 1_000_000n;
    while (taken.has(key(namespace, `${object}.${nanos.toString(16)}`))) nanos += 1n;
    const name = `${object}.${nanos.toString(16)}`;
    taken.add(key(namespace, name));
    return name;
  };
};

/** The API's list order: by storage key (`compareStorageKeys`: namespace, `/`, name), so an object's events come in the order they first happened, objects by name ("web-1." before "web."). */
export const byStorageKey = (a: NamedEventRow, b: NamedEventRow): number => compareStorageKeys(a.row.involvedObject.namespace, a.name, b.row.involvedObject.namespace, b.name);

/** The Events as the API server lists them, `rows` named in their order of creation (`eventNamer`). */
export const apiList = (rows: readonly KubeEventRow[]): NamedEventRow[] => {
  const nameOf = eventNamer(rows);
  return rows.map((row) => ({ name: nameOf(row), row })).sort(byStorageKey);
};
