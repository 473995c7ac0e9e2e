/** The parts every event shares: schema version, valid time, source, and its subject. */
import * as t from 'io-ts';
import { EventSource, Instant, Integer } from '../k8s/codecs.js';

/** The event schema version written today; older ones are upcast on read (see `upcast.ts`). */
export const SCHEMA_VERSION = 1 as const;

/** Which component made the event happen. */
export const Source = t.keyof(
  {
    api: null, // an API write: a user or a controller through the API server
    scheduler: null,
    kubelet: null, // the kubelet's own decisions (back-off, kills, evictions, probe results it publishes)
    runtime: null, // what the container runtime reports (created, started, exited, pulled)
    prober: null, // one probe execution
    controller: null, // control-plane controllers (node lifecycle, taint eviction, pod GC)
    node: null, // node status and usage
  },
  'Source',
);
export type Source = t.TypeOf<typeof Source>;

export const PodRef = t.type({ namespace: t.string, name: t.string, uid: t.string }, 'PodRef');
export type PodRef = t.TypeOf<typeof PodRef>;

/**
 * The Kubernetes Event an imported fact was read from, as the cluster recorded it: the Event object (its uid, else
 * `namespace/name`, else `reason@first time`), its type, reason and message, and who reported it (`source.component`,
 * else `reportingController`; `source.host`, else `reportingInstance`; '' when neither). Printers show the fact's
 * Event in these words, not in v1.36's (a v1.33 kubelet words `Created container: NAME`), one row per Event object.
 * Optional, as the object held them (the core/v1 view: an events.k8s.io/v1 Event's `deprecatedSource` and
 * `reportingController`): its `metadata.name`, `source`, `reportingComponent` and `reportingInstance`, which
 * `get events` prints (its NAME column, `-o json`) and selects by; journals imported before they were kept lack them.
 */
export const RecordedEvent = t.intersection(
  [
    t.type({ object: t.string, type: t.string, reason: t.string, message: t.string, component: t.string, host: t.string }),
    t.partial({
      name: t.string,
      source: EventSource,
      reportingComponent: t.string,
      reportingInstance: t.string,
      uid: t.string,
      resourceVersion: t.string,
      creationTimestamp: t.string,
      // a MicroTime as the object held it (`null`: the key held Go's zero time)
      eventTime: t.union([t.string, t.null]),
      action: t.string,
      objectResourceVersion: t.string,
      // the object held no firstTimestamp, lastTimestamp nor count: an Event of the events.k8s.io recorder
      unstamped: t.literal(true),
      // its series as held (events.k8s.io's recorder, from the second occurrence: `count` including the first,
      // `lastObservedTime` a MicroTime as written)
      series: t.type({ count: Integer, lastObservedTime: t.string }),
    }),
  ],
  'RecordedEvent',
);
export type RecordedEvent = t.TypeOf<typeof RecordedEvent>;

/**
 * Where an imported event came from (`podj import`): the file and the line of the document that gave it,
 * and `inferred: true` when the source did not record this fact at this time (an exit nobody saw, a run a
 * restart count implies, an occurrence of a counted Event placed between its first and last time, a removal
 * implied by a name's reuse). `occurrence` names an occurrence of a counted Event placed between its first
 * and last (`<Event uid>#<k>`), so that a later import of that Event meets it again wherever it was placed;
 * `recorded` is the Event it was read from (`RecordedEvent`).
 * The engine's and hand-recorded events have none. Optional on every event.
 */
export const Provenance = t.partial(
  { file: t.string, line: Integer, inferred: t.literal(true), occurrence: t.string, recorded: RecordedEvent },
  'Provenance',
);
export type Provenance = t.TypeOf<typeof Provenance>;

/**
 * The provenance of a fact an import derives from another (an exit a later run implies, a deletion a `Killing`
 * Event implies): where it came from, not the Event it was read from, which is the other fact's record.
 */
export const derivedProvenance = (from: Provenance | undefined): { readonly from?: Provenance } => {
  if (from === undefined) return {};
  const { recorded: _recorded, ...rest } = from;
  return Object.keys(rest).length === 0 ? {} : { from: rest };
};

/** Whether an import placed or supplied this event rather than a source recording it. */
export const isInferred = (e: { readonly from?: Provenance }): boolean => e.from?.inferred === true;

/** The optional fields every event may carry. */
const optionalEnvelope = { from: Provenance };

/** The fields every event carries besides `type`. */
export const envelope = { v: t.literal(SCHEMA_VERSION), at: Instant, source: Source };

/** Fields of an event about one pod. */
export const podSubject = { ...envelope, pod: PodRef };

/** Fields of an event about one container of a pod (init, sidecar or regular: names are unique in a pod). */
export const containerSubject = { ...podSubject, container: t.string };

/** Fields of an event about a node. */
export const nodeSubject = { ...envelope, node: t.string };

/**
 * A member of the event union: `type` is a literal equal to the member's name, so decode errors read as
 * event names (`ContainerExited/exitCode`). Exact: keys outside the schema never enter the hash chain.
 */
export function member<N extends string, R extends t.Props>(
  name: N,
  required: R,
): t.ExactC<t.IntersectionC<[t.TypeC<R & { type: t.LiteralC<N> }>, t.PartialC<typeof optionalEnvelope>]>>;
export function member<N extends string, R extends t.Props, O extends t.Props>(
  name: N,
  required: R,
  optional: O,
): t.ExactC<t.IntersectionC<[t.TypeC<R & { type: t.LiteralC<N> }>, t.PartialC<O & typeof optionalEnvelope>]>>;
export function member(name: string, required: t.Props, optional: t.Props = {}) {
  return t.exact(t.intersection([t.type({ ...required, type: t.literal(name) }), t.partial({ ...optional, ...optionalEnvelope })]), name);
}
