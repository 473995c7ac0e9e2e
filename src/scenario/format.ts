/**
 * The scenario file format as io-ts codecs, the single source of its types: nodes, a timeline of what the
 * outside world does, and how containers, probes, hooks and registries behave. See docs/scenarios.md.
 */
import * as t from 'io-ts';
import { ConditionStatus, type Instant, Integer, QuantityString, StringMap } from '../k8s/codecs.js';
import { parseInstantArg } from '../timetravel/instant-arg.js';
import { Bytes, Count, CountRate, Duration, ExitCode, GraceSeconds, MemoryEvictionThreshold, Rate, bytesOf, byShape, evictionThreshold, oneOf, strict } from './codecs.js';

/** The scenario's first instant: any RFC 3339 time, kept as the canonical UTC instant with milliseconds. */
export const Start = new t.Type<Instant, string, unknown>(
  'Start',
  (u): u is Instant => typeof u === 'string',
  (u, c) => {
    const parsed = typeof u === 'string' && !u.startsWith('+') ? parseInstantArg(u, undefined) : undefined;
    return parsed?._tag === 'Right' && parsed.right !== undefined
      ? t.success(parsed.right)
      : t.failure(u, c, 'is not an RFC 3339 time');
  },
  (i) => i,
);

const PositiveInt = t.refinement(Integer, (n) => n > 0, 'PositiveInt');

// ---------------------------------------------------------------------------------------------
// nodes
// ---------------------------------------------------------------------------------------------

export const NodeResources = strict(
  'NodeResources',
  {},
  { cpu: QuantityString, memory: QuantityString, pods: QuantityString, 'ephemeral-storage': QuantityString },
);

/** `--eviction-hard` for the other signals the engine observes; a signal left out keeps `DefaultEvictionHard`'s value. */
export const EvictionHard = strict(
  'EvictionHard',
  {},
  {
    'nodefs.available': evictionThreshold('nodefs.available'),
    'imagefs.available': evictionThreshold('imagefs.available'),
    'pid.available': evictionThreshold('pid.available'),
  },
);

export const NodeSpec = strict(
  'Node',
  { name: t.string },
  {
    capacity: NodeResources,
    /** Defaults to the capacity. */
    allocatable: NodeResources,
    labels: StringMap,
    internalIP: t.string,
    /** The kubelet's hard eviction threshold `memory.available<X`: a quantity or a percentage. */
    memoryEvictionThreshold: MemoryEvictionThreshold,
    evictionHard: EvictionHard,
    /** Bytes the node filesystem (of `capacity.ephemeral-storage`) holds besides the pods': system, images, logs. */
    diskUsed: bytesOf('disk'),
    /** The kernel's process limit (`rlimit.MaxPID`); unset, `pid.available` is not observed. */
    pidMax: PositiveInt,
    /** Processes running outside the pods. */
    processes: Count,
    /** Images already on the node. */
    images: t.array(t.string),
  },
);
export type NodeSpec = t.TypeOf<typeof NodeSpec>;

// ---------------------------------------------------------------------------------------------
// timeline: what the outside world does, at offsets from `start`
// ---------------------------------------------------------------------------------------------

/** A manifest file (relative to the scenario's folder) or an inline Pod / List. */
export const ManifestRef = byShape<string | Record<string, unknown>>('Manifest', (u) =>
  typeof u === 'string' ? t.string : t.UnknownRecord,
);
export type ManifestRef = t.TypeOf<typeof ManifestRef>;

const podName = { pod: t.string };
const podNamespace = { namespace: t.string };

export const MetadataChange = strict('MetadataChange', podName, {
  ...podNamespace,
  set: StringMap,
  remove: t.array(t.string),
});
export type MetadataChange = t.TypeOf<typeof MetadataChange>;

export const Deletion = strict('Deletion', podName, { ...podNamespace, gracePeriodSeconds: GraceSeconds, force: t.boolean });
export type Deletion = t.TypeOf<typeof Deletion>;

export const NodeConditionChange = strict(
  'NodeConditionChange',
  { node: t.string, type: t.string, status: ConditionStatus },
  { reason: t.string, message: t.string },
);

/** A controller patching `status.conditions[type=TYPE]` of a pod (a readiness gate's condition, say). */
export const PodConditionChange = strict(
  'PodConditionChange',
  { ...podName, type: t.string, status: ConditionStatus },
  { ...podNamespace, reason: t.string, message: t.string },
);
export type PodConditionChange = t.TypeOf<typeof PodConditionChange>;

export const Step = oneOf('Step', strict('Step', { at: Duration }), {
  apply: ManifestRef,
  label: MetadataChange,
  annotate: MetadataChange,
  delete: Deletion,
  nodeCondition: NodeConditionChange,
  podCondition: PodConditionChange,
  /** The node's kubelet stops posting status: the node lifecycle controller notices after its grace period. */
  stopKubelet: t.string,
  /** The node lifecycle controller marks the node Ready=Unknown now (its kubelet went silent earlier). */
  loseNode: t.string,
  addNode: NodeSpec,
});
export type Step = t.TypeOf<typeof Step>;

// ---------------------------------------------------------------------------------------------
// behavior: how each container, probe, hook and registry answers
// ---------------------------------------------------------------------------------------------

/** How many runs a rule covers: `all` (the default), `once`, or the first N runs. */
export const Runs = byShape<'all' | 'once' | number>('Runs', (u) =>
  typeof u === 'number' ? PositiveInt : t.keyof({ all: null, once: null }),
);

/** The process exits with `code`, `after` each start, or at a scenario offset `at`. */
export const ExitRule = oneOf('Exit', strict('Exit', { code: ExitCode }, { runs: Runs }), {
  after: Duration,
  at: Duration,
});
export type ExitRule = t.TypeOf<typeof ExitRule>;

/** An amount over time: a constant, a ramp from `from` (default 0) capped at `max`, or steps (0 before the first). */
export type Use = bigint | { readonly grows: number; readonly from?: bigint; readonly max?: bigint } | { readonly steps: readonly { readonly after: number; readonly use: bigint }[] };

const useOf = (name: string, amount: t.Type<bigint, unknown, unknown>, rate: t.Type<number, string, unknown>) => {
  const ramp = strict(`${name}Ramp`, { grows: rate }, { from: amount, max: amount });
  const steps = strict(`${name}Steps`, { steps: t.array(strict(`${name}Step`, { after: Duration, use: amount })) });
  return byShape<Use>(name, (u) => (typeof u === 'object' && u !== null ? ('steps' in u ? steps : ramp) : amount));
};

/** Working set over each run: a constant quantity, a ramp, or steps (offsets from the container's start). */
export const MemoryUse = useOf('Memory', Bytes, Rate);
export type MemoryUse = Use;
/** Bytes in the container's writable layer and logs over each run (a new container starts with none). */
export const DiskUse = useOf('Disk', bytesOf('disk'), Rate);
/** Processes of each run. */
export const ProcessUse = useOf('Processes', Count, CountRate);

/**
 * When a rule holds, every given bound at once: scenario offsets `from`/`to`, offsets from each container
 * start `fromStart`/`toStart`, and `startedBefore` (only instances started before that scenario offset).
 */
export const ProbeWindow = strict(
  'ProbeWindow',
  {},
  { from: Duration, to: Duration, fromStart: Duration, toStart: Duration, startedBefore: Duration, output: t.string },
);
export type ProbeWindow = t.TypeOf<typeof ProbeWindow>;
export const ProbeRule = oneOf('ProbeRule', strict('ProbeRule', {}), { fail: ProbeWindow, pass: ProbeWindow });
export type ProbeRule = t.TypeOf<typeof ProbeRule>;

export const Hook = strict('Hook', {}, { takes: Duration, fails: t.string });
export type Hook = t.TypeOf<typeof Hook>;

const SigtermExit = strict('Sigterm', {}, { exitsAfter: Duration, code: ExitCode });
export const Sigterm = byShape<'ignore' | t.TypeOf<typeof SigtermExit>>('Sigterm', (u) =>
  typeof u === 'string' ? t.literal('ignore') : SigtermExit,
);
export type Sigterm = t.TypeOf<typeof Sigterm>;

export const ContainerBehavior = strict(
  'ContainerBehavior',
  {},
  {
    exit: byShape<ExitRule | ExitRule[]>('Exits', (u) => (Array.isArray(u) ? t.array(ExitRule) : ExitRule)),
    memory: MemoryUse,
    disk: DiskUse,
    pids: ProcessUse,
    liveness: t.array(ProbeRule),
    readiness: t.array(ProbeRule),
    startup: t.array(ProbeRule),
    postStart: Hook,
    preStop: Hook,
    sigterm: Sigterm,
  },
);
export type ContainerBehavior = t.TypeOf<typeof ContainerBehavior>;

export const ImageBehavior = strict(
  'Image',
  {},
  {
    fails: byShape<'always' | number>('Fails', (u) => (typeof u === 'number' ? PositiveInt : t.literal('always'))),
    /** Every pull fails before this scenario offset (a registry outage). */
    failsUntil: Duration,
    message: t.string,
    takes: Duration,
  },
);
export type ImageBehavior = t.TypeOf<typeof ImageBehavior>;

// ---------------------------------------------------------------------------------------------
// the document
// ---------------------------------------------------------------------------------------------

export const ScenarioDoc = strict(
  'Scenario',
  { start: Start, until: Duration, timeline: t.array(Step) },
  {
    name: t.string,
    nodes: t.array(NodeSpec),
    /** Pod name (`name` or `namespace/name`) → container name → behavior. */
    behavior: t.record(t.string, t.record(t.string, ContainerBehavior)),
    /** Image reference → how pulling it goes. */
    images: t.record(t.string, ImageBehavior),
    /** Pod name → emptyDir volume name → bytes in it, counted from the pod's start (it outlives container restarts). */
    volumes: t.record(t.string, t.record(t.string, DiskUse)),
  },
);
export type ScenarioDoc = t.TypeOf<typeof ScenarioDoc>;
