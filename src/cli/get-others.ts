/**
 * `podj get nodes` and `podj get events`: the other resources a journal holds, at an instant. Nodes with their
 * conditions and the taints derived from them; Events as the cluster would have recorded them for the journal's
 * events, in kubectl's columns, `--types` as `kubectl events` filters them. Names, `-l`, `--field-selector` and
 * `--sort-by` select and order the served objects as the API server and kubectl do for these resources.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Journal } from '../journal/index.js';
import { apiList, eventsTable, kubeEventsFor, heldAt, nodesTable, servedEvent, servedNode, sortByPath, type KubeEventRow, type NodeRow, type ServedEvent } from '../printers/index.js';
import { compareStrings } from '../printers/go-sort.js';
import { notFoundLine } from '../printers/not-found.js';
import type { LabelColumns } from '../printers/label-columns.js';
import { fieldsMatch, selectorMatches, type Requirement, type SelectableFields } from '../selectors/index.js';
import type { Context } from './context.js';
import { BadInput, Finding } from './errors.js';
import { isTableOutput, printsFound, type Output } from './output-format.js';
import { fieldRequirements, type ListSelectors } from './list-selectors.js';
import { stateAt, type ReadPoint } from './read-options.js';
import { printServed } from './served-output.js';

export interface OtherQuery {
  readonly output: Output;
  readonly headers: boolean;
  /** `--show-kind`: tables name objects `KIND/NAME`. */
  readonly showKind: boolean;
  /** undefined: every namespace. */
  readonly namespace?: string;
  readonly types: readonly string[];
  /** Only the objects of these names (all without). */
  readonly names: readonly string[];
  /** The selectors as given, for the field selector's requirements and kubectl's words when they are refused. */
  readonly list: ListSelectors;
  readonly selector: readonly Requirement[];
  readonly sortBy?: string;
  /** `-L KEY…` and `--show-labels`: label columns on the table. */
  readonly labels: LabelColumns;
  /** Events: how long the API server keeps one after its last write (`--event-ttl`; 0: forever). */
  readonly eventTtlMs: number;
  /** `--ignore-not-found`: no NotFound error, no "No resources found", nothing printed when nothing is found. */
  readonly ignoreNotFound: boolean;
}

interface Served {
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly labels?: Readonly<Record<string, string>> };
}

/**
 * The items whose served object the query's names, label selector and field selector keep, ordered by
 * `--sort-by` (else as given); the names no object has, for kubectl's NotFound lines.
 */
const select = <T>(items: readonly T[], served: (item: T) => Served, fields: SelectableFields<T>, q: OtherQuery): { readonly kept: T[]; readonly missing: string[] } => {
  const kept = items.filter(selected(served, fields, q));
  const sorted = q.sortBy === undefined ? E.right(kept) : sortByPath(kept, q.sortBy, served, { table: isTableOutput(q.output) });
  if (E.isLeft(sorted)) throw new BadInput(sorted.left);
  const missing = q.names.filter((n) => !kept.some((item) => served(item).metadata.name === n));
  return { kept: sorted.right, missing };
};

/** Whether the query's names, label selector and field selector keep an item. */
const selected = <T>(served: (item: T) => Served, fields: SelectableFields<T>, q: OtherQuery): ((item: T) => boolean) => {
  const requirements = fieldRequirements(q.list, fields);
  return (item) => {
    const { name, labels } = served(item).metadata;
    return (q.names.length === 0 || q.names.includes(name)) && selectorMatches(q.selector, labels ?? {}) && fieldsMatch(requirements, fields, item);
  };
};

/** kubectl's answer (exit 1) for names the API server does not have, after what it did find; none with --ignore-not-found. */
const notFound = (resource: string, missing: readonly string[], q: OtherQuery): void => {
  if (missing.length > 0 && !q.ignoreNotFound) throw new Finding(missing.map((n) => notFoundLine(resource, n)).join('\n'));
};

/** Whether the query prints what it kept (`printsFound`). */
const prints = (q: OtherQuery, kept: readonly unknown[], missing: readonly string[]): boolean =>
  printsFound(q.output, { names: q.names.length, missing: missing.length, found: kept.length, ignoreNotFound: q.ignoreNotFound });

/** When each node registered, up to the point's instant: its AGE. */
const registrations = async (journal: Journal, point: ReadPoint): Promise<Map<string, string>> => {
  const at = new Map<string, string>();
  for await (const page of journal.recordsInTimeOrder({ untilAt: point.at, asOfRecordedAt: point.asOf }).batches()) {
    for (const { event } of page) if (event.type === 'NodeRegistered' && !at.has(event.node)) at.set(event.node, event.at);
  }
  return at;
};

type ServedNode = ReturnType<typeof servedNode>;

/** `pkg/registry/core/node/strategy.go :: NodeToSelectableFields` (a node is not namespaced). */
const nodeFields: SelectableFields<{ readonly object: ServedNode }> = {
  'metadata.name': ({ object }) => object.metadata.name,
  'spec.unschedulable': () => 'false',
};

export const getNodes = async (ctx: Context, journal: Journal, point: ReadPoint, q: OtherQuery): Promise<void> => {
  const state = await stateAt(journal, point);
  const registered = await registrations(journal, point);
  const rows = [...state.nodes.values()]
    .sort((a, b) => compareStrings(a.name, b.name))
    .map((node): NodeRow & { readonly object: ServedNode } => {
      const registeredAt = registered.get(node.name);
      return { node, registeredAt, object: servedNode(node, registeredAt, point.now) };
    });
  const { kept, missing } = select(rows, (r) => r.object, nodeFields, q);
  if (prints(q, kept, missing)) ctx.io.out(await printServed(q.output, kept.map((r) => r.object), { headers: q.headers, singleItem: q.names.length === 1 }, (wide) => nodesTable(kept, { ...q.labels, wide, headers: q.headers, withKind: q.showKind }, point.now)));
  else if (isTableOutput(q.output) && missing.length === 0 && !q.ignoreNotFound) ctx.io.err('No resources found\n');
  notFound('nodes', missing, q);
};

/**
 * `--types` as `kubectl events` reads them (events/events.go :: Validate, filterByTypes): Normal or Warning in any
 * case (`strings.EqualFold`), an Event kept when its type equals one of them so.
 */
const eventTypes = ['normal', 'warning'];

export interface ListedEvent {
  readonly row: KubeEventRow;
  readonly object: ServedEvent;
}

/**
 * `pkg/registry/core/event/strategy.go :: ToSelectableFields`: the involved object's fields, reason,
 * reportingComponent (`reportingController`), source (`source.component`, else `reportingController`: the row's
 * component, as kubectl's SOURCE column reads it), type, and the object's name and namespace.
 */
const eventFields: SelectableFields<ListedEvent> = {
  'metadata.name': ({ object }) => object.metadata.name,
  'metadata.namespace': ({ row }) => row.involvedObject.namespace,
  'involvedObject.kind': ({ row }) => row.involvedObject.kind,
  'involvedObject.namespace': ({ row }) => row.involvedObject.namespace,
  'involvedObject.name': ({ row }) => row.involvedObject.name,
  'involvedObject.uid': ({ row }) => row.involvedObject.uid,
  'involvedObject.apiVersion': ({ object }) => object.involvedObject.apiVersion,
  'involvedObject.resourceVersion': ({ object }) => object.involvedObject.resourceVersion ?? '',
  'involvedObject.fieldPath': ({ row }) => row.involvedObject.fieldPath ?? '',
  reason: ({ row }) => row.reason,
  reportingComponent: ({ object }) => object.reportingComponent ?? '',
  source: ({ row }) => row.source.component,
  type: ({ row }) => row.type,
};

/** Whether an Event is of `--types` (all without); anything but Normal or Warning is kubectl's error. */
export const ofTypes = (given: readonly string[]): ((row: KubeEventRow) => boolean) => {
  const types = given.map((t) => t.toLowerCase());
  if (!types.every((t) => eventTypes.includes(t))) throw new BadInput('valid --types are Normal or Warning');
  return (r) => types.length === 0 || types.includes(r.type.toLowerCase());
};

/** Whether an Event is of the namespace (every one when undefined). */
export const ofNamespace =
  (namespace: string | undefined) =>
  (r: KubeEventRow): boolean =>
    namespace === undefined || r.involvedObject.namespace === namespace;

/** Whether an Event is of the query's namespace and types (the list's scope, before names and selectors). */
const ofNamespaceAndTypes = (q: OtherQuery): ((row: KubeEventRow) => boolean) => {
  const typed = ofTypes(q.types);
  const inNamespace = ofNamespace(q.namespace);
  return (r) => inNamespace(r) && typed(r);
};

/**
 * The Events the API server holds at the point, in its list order: those written within `--event-ttl` (named
 * before, so that an expired Event does not rename those listed with it).
 */
export const heldEvents = async (journal: Journal, point: ReadPoint, eventTtlMs: number): Promise<ListedEvent[]> => {
  const events = [];
  for await (const page of journal.recordsInTimeOrder({ untilAt: point.at, asOfRecordedAt: point.asOf }).batches()) events.push(...page.map((r) => r.event));
  const held = heldAt(point.now, eventTtlMs);
  return apiList(kubeEventsFor(events))
    .filter(({ row }) => held(row))
    .map(({ name, row }): ListedEvent => ({ row, object: servedEvent(name, row) }));
};

/** Whether the query keeps an Event: its namespace, `--types`, names, `-l` and `--field-selector`. */
export const eventInScope = (q: OtherQuery): ((e: ListedEvent) => boolean) => {
  const listed = ofNamespaceAndTypes(q);
  const kept = selected((e: ListedEvent) => e.object, eventFields, q);
  return (e) => listed(e.row) && kept(e);
};

export const getEvents = async (ctx: Context, journal: Journal, point: ReadPoint, q: OtherQuery): Promise<void> => {
  const listed = ofNamespaceAndTypes(q);
  // kubectl get events lists what the API server still holds
  const inList = (await heldEvents(journal, point, q.eventTtlMs)).filter(({ row }) => listed(row));
  const { kept, missing } = select(inList, (e) => e.object, eventFields, q);
  if (prints(q, kept, missing)) {
    const named = kept.map((e) => ({ name: e.object.metadata.name, row: e.row }));
    ctx.io.out(await printServed(q.output, kept.map((e) => e.object), { headers: q.headers, singleItem: q.names.length === 1 }, (wide) => eventsTable(named, { ...q.labels, withNamespace: q.namespace === undefined, headers: q.headers, wide, withKind: q.showKind }, point.now)));
  } else if (isTableOutput(q.output) && missing.length === 0 && !q.ignoreNotFound) ctx.io.err(q.namespace === undefined ? 'No resources found\n' : `No resources found in ${q.namespace} namespace.\n`);
  notFound('events', missing, q);
};
