/**
 * `kubectl get events` / `kubectl events`: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE (`pkg/printers/internalversion/
 * printers.go :: printEvent`): LAST SEEN is the age of lastTimestamp, with "(xN over AGE)" when the event repeated;
 * OBJECT is `kind/name` with the kind lower-cased; a NAMESPACE column first with `-A`. Rows in order of their
 * last timestamp, as `kubectl events` sorts them.
 */
import { ageOf } from './duration.js';
import type { KubeEventRow } from './kube-event-row.js';
import { renderTable } from './tabwriter.js';

export interface EventsTableOptions {
  readonly withNamespace: boolean;
  readonly headers: boolean;
}

const lastSeen = (row: KubeEventRow, now: Date): string =>
  row.count > 1 ? `${ageOf(row.lastTimestamp, now)} (x${row.count} over ${ageOf(row.firstTimestamp, now)})` : ageOf(row.lastTimestamp, now);

export const eventsTable = (rows: readonly KubeEventRow[], opts: EventsTableOptions, now: Date): string => {
  const sorted = [...rows].sort((a, b) => (a.lastTimestamp < b.lastTimestamp ? -1 : a.lastTimestamp > b.lastTimestamp ? 1 : 0));
  const header = [...(opts.withNamespace ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
  const body = sorted.map((r) => [
    ...(opts.withNamespace ? [r.involvedObject.namespace] : []),
    lastSeen(r, now),
    r.type,
    r.reason,
    `${r.involvedObject.kind.toLowerCase()}/${r.involvedObject.name}`,
    r.message,
  ]);
  return renderTable(opts.headers ? [header, ...body] : body);
};
