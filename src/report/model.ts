/**
 * The data a report page carries: io-ts codecs are its only definition, so the CLI that writes it and the
 * page that reads it agree by construction (the page decodes it before drawing). Instants are epoch ms.
 */
import * as t from 'io-ts';

/** The clock-free cells of a `kubectl get pods` row (`KubectlRowFacts` without what the pod fixes). */
export const RowFacts = t.intersection([
  t.type({ ready: t.string, status: t.string, restarts: t.number }),
  t.partial({ lastRestartDate: t.string }),
]);
export type RowFacts = t.TypeOf<typeof RowFacts>;

/**
 * One change of a timeline entry (`podj timeline -o json`'s field and `to`), as indices into the report's
 * `strings`: [field, value], the value −1 when the field is unset. The same few hundred texts recur in every
 * pod; interned, a 10,000-pod report shrinks by half. (`from` is the previous value of the same field.)
 */
export const Change = t.tuple([t.number, t.number]);
export type Change = t.TypeOf<typeof Change>;

/** An event as the page names it: the journal's sequence, then its type, source and summary as indices into `strings`. */
export const Cause = t.intersection([
  t.type({ seq: t.number, type: t.number, source: t.number, summary: t.number }),
  t.partial({ inferred: t.literal(true) }),
]);
export type Cause = t.TypeOf<typeof Cause>;

/** A timeline entry of one pod, with the row it shows after it as an index into `rows` (absent: the pod is gone). */
export const Step = t.intersection([
  t.type({ at: t.number, changes: t.array(Change), cause: Cause }),
  t.partial({ row: t.number }),
]);
export type Step = t.TypeOf<typeof Step>;

export const MarkerKind = t.keyof(
  { probe: null, kill: null, backoff: null, exit: null, eviction: null, deletion: null, scheduling: null, image: null, node: null },
  'MarkerKind',
);
export type MarkerKind = t.TypeOf<typeof MarkerKind>;

/** A cause worth a mark on a lane, whether or not it changed what kubectl shows. */
export const Marker = t.intersection([t.type({ at: t.number, kind: MarkerKind, cause: Cause }), t.partial({ container: t.string })]);
export type Marker = t.TypeOf<typeof Marker>;

/** `ephemeral`: a debug container `kubectl debug` added to the running pod (spec.ephemeralContainers). */
export const ContainerKind = t.keyof({ init: null, sidecar: null, container: null, ephemeral: null }, 'ContainerKind');
export type ContainerKind = t.TypeOf<typeof ContainerKind>;

/** Memory samples of one container (bytes), with its request and limit when set. */
export const MemorySeries = t.intersection([
  t.type({ container: t.string, samples: t.array(t.tuple([t.number, t.number])) }),
  t.partial({ request: t.number, limit: t.number }),
]);
export type MemorySeries = t.TypeOf<typeof MemorySeries>;

/** A back-off window: a container waits from `from` until `until`; `inferred` when an import inferred the back-off. */
export const BackOff = t.intersection([
  t.type({ container: t.string, from: t.number, until: t.number, image: t.boolean }),
  t.partial({ inferred: t.literal(true) }),
]);
export type BackOff = t.TypeOf<typeof BackOff>;

/** A flag over time: [instant, value] at each change of value, from false; at most one per instant. */
export const Flips = t.array(t.tuple([t.number, t.boolean]));
export type Flips = t.TypeOf<typeof Flips>;

export const PodLane = t.intersection([
  t.type({
    namespace: t.string,
    name: t.string,
    uid: t.string,
    containers: t.array(t.type({ name: t.string, kind: ContainerKind })),
    /** Label sets in force from each instant on (the first from creation). */
    labels: t.array(t.type({ at: t.number, labels: t.record(t.string, t.string) })),
    steps: t.array(Step),
    markers: t.array(Marker),
    memory: t.array(MemorySeries),
    backoffs: t.array(BackOff),
  }),
  t.partial({
    node: t.string,
    creationTimestamp: t.string,
    /**
     * From each instant on, whether the pod is known only from its Events, its object not captured by then: its
     * row is what its Events say (`get pods --at` notes it). A later capture (another import) ends it.
     */
    eventsOnly: Flips,
    /** From each instant on, whether its row rests on facts an import inferred after its last capture (`get pods --at` notes it). */
    sinceCapture: Flips,
  }),
]);
export type PodLane = t.TypeOf<typeof PodLane>;

/** One node condition's values over time. */
export const ConditionSteps = t.type({
  type: t.string,
  steps: t.array(t.intersection([t.type({ at: t.number, status: t.string }), t.partial({ reason: t.string })])),
});
export type ConditionSteps = t.TypeOf<typeof ConditionSteps>;

export const NodeLane = t.type({ name: t.string, conditions: t.array(ConditionSteps) });
export type NodeLane = t.TypeOf<typeof NodeLane>;

export const ReportData = t.type({
  title: t.string,
  /** The journal's first and last event, and the window drawn (`--from`, `--to`). */
  first: t.number,
  last: t.number,
  from: t.number,
  to: t.number,
  /** The namespace the report was asked for; absent with `-A` (the panel then prints a NAMESPACE column). */
  scope: t.partial({ namespace: t.string }),
  selector: t.string,
  /** The pods the report was asked for by name (`podj report NAME...`), none for all: the cursor's `get pods NAME...`. */
  names: t.array(t.string),
  /** Pods in kubectl's order (namespace, then name). */
  pods: t.array(PodLane),
  nodes: t.array(NodeLane),
  /** The texts `Change` and `Cause` refer to by index. */
  strings: t.array(t.string),
  /**
   * The rows `Step` refers to by index, each once: a pod shows few distinct rows and many pods the same ones
   * (at tier M, 122,000 steps, 18,000 rows).
   */
  rows: t.array(RowFacts),
});
export type ReportData = t.TypeOf<typeof ReportData>;

/**
 * How many nodes the report draws: those with condition lanes and those its pods were bound to, a node being
 * known to an import from a pod's `spec.nodeName` alone.
 */
export const nodesDrawn = (data: Pick<ReportData, 'pods' | 'nodes'>): number =>
  new Set([...data.nodes.map((n) => n.name), ...data.pods.flatMap((p) => (p.node === undefined ? [] : [p.node]))]).size;
