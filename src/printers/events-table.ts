/**
 * `kubectl get events`: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE (`pkg/printers/internalversion/printers.go ::
 * printEvent`, the server-side table): LAST SEEN is the age of lastTimestamp alone (the count shows only in
 * `-o wide`; "(xN over AGE)" is `kubectl events`' and `describe`'s), OBJECT is `kind/name` with the kind
 * lower-cased, MESSAGE trimmed; a NAMESPACE column first with `-A`. Rows in the order given
 * (`printEventList` does not sort: the order is the API's, `apiListOrder`).
 */
import { ageOf } from './duration.js';
import type { KubeEventRow } from './kube-event-row.js';
import { renderTable } from './tabwriter.js';

export interface EventsTableOptions {
  readonly withNamespace: boolean;
  readonly headers: boolean;
}

export const eventsTable = (rows: readonly KubeEventRow[], opts: EventsTableOptions, now: Date): string => {
  const header = [...(opts.withNamespace ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
  const body = rows.map((r) => [
    ...(opts.withNamespace ? [r.involvedObject.namespace] : []),
    ageOf(r.lastTimestamp, now),
    r.type,
    r.reason,
    `${r.involvedObject.kind.toLowerCase()}/${r.involvedObject.name}`,
    r.message.trim(),
  ]);
  return renderTable(opts.headers ? [header, ...body] : body);
};

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The order the API server lists Events in: by storage key, namespace then name, and a recorder names each
 * event `<object name>.<first occurrence, hex nanoseconds>` (`client-go/tools/record :: makeEvent`), so an
 * object's events come in the order they first happened, objects by name ("web-1." before "web.").
 */
export const apiListOrder = (rows: readonly KubeEventRow[]): KubeEventRow[] =>
  [...rows].sort(
    (a, b) =>
      compare(a.involvedObject.namespace, b.involvedObject.namespace) ||
      compare(`${a.involvedObject.name}.`, `${b.involvedObject.name}.`) ||
      compare(a.firstTimestamp, b.firstTimestamp),
  );

/**
 * The names an event recorder gives these Events: `<object name>.<first occurrence, hex Unix nanoseconds>`
 * (`client-go/tools/record :: makeEvent`). Rows carry second-precision times, so an object's rows first seen
 * in one second are told apart by a nanosecond each, in the order given, as the recorder's clock would.
 */
export const recorderNamed = (rows: readonly KubeEventRow[]): { readonly name: string; readonly row: KubeEventRow }[] => {
  const taken = new Set<string>();
  return rows.map((r) => {
    let nanos = BigInt(Date.parse(r.firstTimestamp)) * 1_000_000n;
    const key = (): string => `${r.involvedObject.namespace}/${r.involvedObject.name}.${nanos.toString(16)}`;
    while (taken.has(key())) nanos += 1n;
    taken.add(key());
    return { name: `${r.involvedObject.name}.${nanos.toString(16)}`, row: r };
  });
};
