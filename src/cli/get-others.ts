/**
 * `podj get nodes` and `podj get events`: the other resources a journal holds, at an instant. Nodes with their
 * conditions and the taints derived from them; Events as the cluster would have recorded them for the journal's
 * events, in kubectl's columns, `--types` as `kubectl events` filters them.
 */
import type { Journal } from '../journal/index.js';
import { apiList, eventsTable, kubeEventsFor, nodesTable, servedNode, type NodeRow } from '../printers/index.js';
import type { Context } from './context.js';
import { BadInput } from './errors.js';
import type { Output } from './output-format.js';
import { stateAt, type ReadPoint } from './read-options.js';
import { printServed } from './served-output.js';

export interface OtherQuery {
  readonly output: Output;
  readonly headers: boolean;
  /** undefined: every namespace. */
  readonly namespace?: string;
  readonly types: readonly string[];
}

/** When each node registered, up to the point's instant: its AGE. */
const registrations = async (journal: Journal, point: ReadPoint): Promise<Map<string, string>> => {
  const at = new Map<string, string>();
  for await (const page of journal.recordsInTimeOrder({ untilAt: point.at, asOfRecordedAt: point.asOf }).batches()) {
    for (const { event } of page) if (event.type === 'NodeRegistered' && !at.has(event.node)) at.set(event.node, event.at);
  }
  return at;
};

export const getNodes = async (ctx: Context, journal: Journal, point: ReadPoint, q: OtherQuery): Promise<void> => {
  const state = await stateAt(journal, point);
  const registered = await registrations(journal, point);
  const rows: NodeRow[] = [...state.nodes.values()].map((node) => ({ node, registeredAt: registered.get(node.name) }));
  if (rows.length === 0) {
    ctx.io.err('No resources found\n');
    return;
  }
  const objects = rows.map((r) => servedNode(r.node, r.registeredAt, point.now));
  ctx.io.out(await printServed(q.output, objects, q.headers, (wide) => nodesTable(rows, { wide, headers: q.headers }, point.now)));
};

const eventTypes = new Set(['Normal', 'Warning']);

export const getEvents = async (ctx: Context, journal: Journal, point: ReadPoint, q: OtherQuery): Promise<void> => {
  for (const t of q.types) if (!eventTypes.has(t)) throw new BadInput(`--types: "${t}" is not an event type (Normal, Warning)`);
  const events = [];
  for await (const page of journal.recordsInTimeOrder({ untilAt: point.at, asOfRecordedAt: point.asOf }).batches()) events.push(...page.map((r) => r.event));
  const listed = apiList(kubeEventsFor(events)).filter(
    ({ row: r }) => (q.namespace === undefined || r.involvedObject.namespace === q.namespace) && (q.types.length === 0 || q.types.includes(r.type)),
  );
  if (listed.length === 0) {
    ctx.io.err(q.namespace === undefined ? 'No events found.\n' : `No events found in ${q.namespace} namespace.\n`);
    return;
  }
  const objects = listed.map(({ name, row }) => ({ apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: row.involvedObject.namespace }, ...row }));
  const rows = listed.map(({ row }) => row);
  ctx.io.out(await printServed(q.output, objects, q.headers, () => eventsTable(rows, { withNamespace: q.namespace === undefined, headers: q.headers }, point.now)));
};
