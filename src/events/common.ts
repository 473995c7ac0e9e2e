/** The parts every event shares: schema version, valid time, source, and its subject. */
import * as t from 'io-ts';
import { Instant } from '../k8s/codecs.js';

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
): t.ExactC<t.TypeC<R & { type: t.LiteralC<N> }>>;
export function member<N extends string, R extends t.Props, O extends t.Props>(
  name: N,
  required: R,
  optional: O,
): t.ExactC<t.IntersectionC<[t.TypeC<R & { type: t.LiteralC<N> }>, t.PartialC<O>]>>;
export function member(name: string, required: t.Props, optional?: t.Props) {
  const fields = t.type({ ...required, type: t.literal(name) });
  return optional === undefined
    ? t.exact(fields, name)
    : t.exact(t.intersection([fields, t.partial(optional)]), name);
}
