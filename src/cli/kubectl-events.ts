/**
 * `podj events` as `kubectl events` (kubectl/pkg/cmd/events/events.go at v1.36): the Events the API server holds
 * at the read point (as `get events` lists them), of the namespace (every one with `-A`), `--types` and
 * `--for TYPE/NAME`, sorted by time and printed by `EventPrinter`, or as the typed `EventList` in json, yaml, name
 * or jsonpath; nothing found is "No events found in NS namespace." on stderr, exit 0. `-w` prints the Events held
 * at the start, then each write of one, never a deletion ("events are deleted after 1 hour; don't print that").
 */
import type { Journal } from '../journal/index.js';
import { goJson } from '../printers/go-json.js';
import { eventTimeMs, kubectlEventsRows, sortedByEventTime, typedEvent, typedEventList } from '../printers/kubectl-events.js';
import { servedEvent, type ServedEvent } from '../printers/served-event.js';
import { renderTable } from '../printers/tabwriter.js';
import type { Instant } from '../k8s/codecs.js';
import type { Context } from './context.js';
import { BadInput, WatchInterrupted } from './errors.js';
import { heldEvents, ofNamespace, ofTypes, type ListedEvent } from './get-others.js';
import { jsonPathText } from './jsonpath-output.js';
import { parseOutput, type Output } from './output-format.js';
import type { NamedEventRow } from '../printers/events-table.js';
import type { WatchedKind } from './watch-views.js';
import type { ReadPoint } from './read-options.js';

/** `--for TYPE/NAME`: the involved object's Kind (its apiVersion, as v1.36 selects it too) and name. */
export interface ForObject {
  readonly kind: string;
  readonly apiVersion: string;
  readonly name: string;
}

/** The resources (in kubectl's spellings) whose Kind `--for` can name: a pod's Events are the only ones a journal holds. */
const kindsByResource: Readonly<Record<string, readonly [string, string]>> = Object.fromEntries(
  (
    [
      [['pods', 'pod', 'po'], 'Pod', 'v1'],
      [['nodes', 'node', 'no'], 'Node', 'v1'],
      [['events', 'event', 'ev'], 'Event', 'v1'],
      [['namespaces', 'namespace', 'ns'], 'Namespace', 'v1'],
      [['services', 'service', 'svc'], 'Service', 'v1'],
      [['persistentvolumeclaims', 'persistentvolumeclaim', 'pvc'], 'PersistentVolumeClaim', 'v1'],
      [['deployments', 'deployment', 'deploy'], 'Deployment', 'apps/v1'],
      [['replicasets', 'replicaset', 'rs'], 'ReplicaSet', 'apps/v1'],
      [['statefulsets', 'statefulset', 'sts'], 'StatefulSet', 'apps/v1'],
      [['daemonsets', 'daemonset', 'ds'], 'DaemonSet', 'apps/v1'],
      [['jobs', 'job'], 'Job', 'batch/v1'],
      [['cronjobs', 'cronjob', 'cj'], 'CronJob', 'batch/v1'],
    ] as const
  ).flatMap(([names, kind, apiVersion]) => names.map((n) => [n, [kind, apiVersion] as const])),
);

/** `events.go :: decodeResourceTypeName`, its errors in kubectl's words; the resource is read lower-cased. */
export const forObjectOf = (target: string): ForObject => {
  if (!target.includes('/')) throw new BadInput('--for must be in resource/name form');
  const [resource = '', name = '', ...more] = target.split('/');
  if (more.length > 0) throw new BadInput('arguments in resource/name form may not have more than one slash');
  const known = kindsByResource[resource.toLowerCase()];
  // the RESTMapper's NoResourceMatchError for a resource it does not know
  if (known === undefined) throw new BadInput(`no matches for /, Resource=${resource.toLowerCase()}`);
  return { kind: known[0], apiVersion: known[1], name };
};

export interface KubectlEventsQuery {
  /** undefined: `-A`. */
  readonly namespace?: string;
  readonly namespaceShown: string;
  readonly types: readonly string[];
  readonly for?: ForObject;
  /** podj's: only the Events whose time (as they are sorted) is at or after this instant. */
  readonly since?: Instant;
  readonly headers: boolean;
  readonly output: EventsOutput;
  readonly eventTtlMs: number;
}

/** Whether the query keeps an Event: `Run`'s list (namespace, `--for`'s field selector) and `filteredEventType`. */
const inQuery = (q: KubectlEventsQuery): ((e: ListedEvent) => boolean) => {
  const typed = ofTypes(q.types);
  const inNamespace = ofNamespace(q.namespace);
  const since = q.since === undefined ? Number.NEGATIVE_INFINITY : Date.parse(q.since);
  const target = q.for;
  // an empty name (`pod/`) selects nothing: events.go lists every Event then
  const isFor = (o: ServedEvent['involvedObject']): boolean =>
    target === undefined || target.name === '' || (o.kind === target.kind && o.apiVersion === target.apiVersion && o.name === target.name);
  return ({ row, object }) => inNamespace(row) && typed(row) && isFor(object.involvedObject) && eventTimeMs(object) >= since;
};

/** What `kubectl events -o` prints that podj prints too: the events' table, json, yaml, name, jsonpath. */
export type EventsOutput =
  | { readonly kind: 'table' | 'json' | 'yaml' | 'name' }
  | { readonly kind: 'jsonpath'; readonly template: string };

/** cli-runtime's NoCompatiblePrinterError, with the formats podj's `events` prints (sorted, as it sorts them). */
const noPrinter = (spec: string): BadInput =>
  new BadInput(`unable to match a printer suitable for the output format "${spec}", allowed formats are: journal,json,jsonl,jsonpath,jsonpath-file,kubectl,name,yaml`);

/** `-o` of kubectl's formats as `events` takes them (get's `wide` and custom-columns are not among them). */
export const eventsOutputOf = async (raw: string | undefined): Promise<EventsOutput> => {
  const spec = raw?.replace(/^=/, '');
  if (spec === undefined || spec === '' || spec === 'kubectl') return { kind: 'table' };
  if (spec === 'wide' || spec.startsWith('custom-columns')) throw noPrinter(spec);
  const output = await parseOutput(spec).catch((e: unknown) => {
    throw e instanceof BadInput && e.message.startsWith('unable to match a printer') ? noPrinter(spec) : e;
  });
  if (output.kind === 'jsonpath') return output;
  if (output.kind === 'named' && (output.format === 'json' || output.format === 'yaml' || output.format === 'name')) return { kind: output.format };
  throw noPrinter(spec);
};

/** The Events in the output's format: `EventPrinter`'s table, or the typed `EventList`. */
const printed = async (output: EventsOutput, events: readonly ServedEvent[], q: KubectlEventsQuery, now: Date): Promise<string> => {
  switch (output.kind) {
    case 'table': {
      const [header = [], ...rows] = kubectlEventsRows(events, q.namespace === undefined, now);
      return renderTable(q.headers ? [header, ...rows] : rows);
    }
    case 'json':
      return `${goJson(typedEventList(events))}\n`;
    case 'yaml':
      return (await import('../printers/get-pods-yaml.js')).yamlOf(typedEventList(events));
    case 'name':
      return events.map((e) => `event/${e.metadata.name}\n`).join('');
    case 'jsonpath':
      return jsonPathText(output.template, typedEventList(events));
    default: {
      const unreachable: never = output;
      return unreachable;
    }
  }
};

export const listKubectlEvents = async (ctx: Context, journal: Journal, point: ReadPoint, q: KubectlEventsQuery): Promise<void> => {
  const kept = inQuery(q);
  const events = sortedByEventTime((await heldEvents(journal, point, q.eventTtlMs)).filter(kept).map((e) => e.object));
  if (events.length === 0) {
    ctx.io.err(q.namespace === undefined ? 'No events found.\n' : `No events found in ${q.namespaceShown} namespace.\n`);
    return;
  }
  ctx.io.out(await printed(q.output, events, q, point.now));
};

/** What the watch prints of an Event: `EventPrinter`'s row (its header once), or the typed Event. */
const watchedKind = (allNamespaces: boolean): WatchedKind<NamedEventRow> => ({
  tableRows: (items, now) => kubectlEventsRows(items.map(({ name, row }) => servedEvent(name, row)), allNamespaces, now),
  served: ({ name, row }) => typedEvent(servedEvent(name, row)),
  name: ({ name }) => `event/${name}`,
});

/** The output as the watch's views take it. */
const viewOutput = (output: EventsOutput): Output => (output.kind === 'jsonpath' ? output : { kind: 'named', format: output.kind });

/** `events.go :: runWatch`: the Events held at the start (at `--at`, none without it), then each write, until interrupted. */
export const watchKubectlEvents = async (ctx: Context, journal: Journal, point: ReadPoint, q: KubectlEventsQuery, journalDir: string): Promise<void> => {
  const [{ watchEvents }, { appendsAfter }] = await Promise.all([import('./watch-events.js'), import('./follow.js')]);
  const end = await watchEvents(ctx.io, journal, {
    output: viewOutput(q.output),
    headers: q.headers,
    watchEvents: false,
    watchOnly: false,
    kind: watchedKind(q.namespace === undefined),
    deletions: false,
    names: [],
    ignoreNotFound: false,
    from: point.at,
    inScope: inQuery(q),
    eventTtlMs: q.eventTtlMs,
    follow: (afterSeq) => appendsAfter(ctx.io, journalDir, afterSeq),
  });
  if (end === 'interrupted') throw new WatchInterrupted();
};
