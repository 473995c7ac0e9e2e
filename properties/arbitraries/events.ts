/**
 * Raw event sequences for the reducers alone: every member of the vocabulary, about one or two pods made
 * by the manifest generator, in any order, with contradictions (exits of instances never started, starts
 * of running containers, unknown containers, events after removal, instants out of order).
 */
import fc from 'fast-check';
import type { Event, PodRef } from '../../src/events/index.js';
import { instantOf, type Instant } from '../../src/k8s/codecs.js';
import type { V1Pod } from '../../src/k8s/pod.js';
import { applyDefaults } from '../../src/manifest/index.js';
import { summarize } from '../../src/events/summary.js';
import { IMAGE, containerNamesOf, podManifest } from './manifests.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');

/** The envelope of every event, at a second offset from T0 (offsets are not sorted: order is the sequence's). */
const envelope = (second: number) => ({ v: 1 as const, at: instantOf(T0 + second * 1000) });

const refOf = (pod: V1Pod): PodRef => ({ namespace: 'default', name: pod.metadata.name ?? '', uid: `uid-${pod.metadata.name ?? ''}` });

/** Events about nodes, which the pod reducers must ignore. */
export const nodeEvent: fc.Arbitrary<Event> = fc.integer({ min: 0, max: 600 }).chain((second) =>
  fc.oneof(
    fc.constant<Event>({ ...envelope(second), type: 'NodeRegistered', source: 'node', node: 'node-0', capacity: { memory: '1Gi' }, allocatable: { memory: '1Gi' }, labels: {} }),
    fc.constant<Event>({ ...envelope(second), type: 'NodeConditionChanged', source: 'kubelet', node: 'node-0', conditionType: 'MemoryPressure', status: 'True' }),
    fc.constant<Event>({ ...envelope(second), type: 'EvictionThresholdMet', source: 'kubelet', node: 'node-0', signal: 'memory.available', threshold: '100Mi', available: '50Mi' }),
    fc.constant<Event>({ ...envelope(second), type: 'KubeletStopped', source: 'node', node: 'node-0' }),
  ),
);

/** Any event about `pod` or its node: containers are mostly its own, sometimes unknown; ids come from a small pool so instances collide. */
export const podEvent = (pod: V1Pod): fc.Arbitrary<Event> => {
  const ref = refOf(pod);
  const at = fc.integer({ min: 0, max: 600 });
  const container = fc.constantFrom(...containerNamesOf(pod), 'ghost');
  const containerID = fc.integer({ min: 0, max: 4 }).map((n) => `containerd://c${n}`);
  const probe = fc.constantFrom('liveness' as const, 'readiness' as const, 'startup' as const);
  const outcome = fc.constantFrom('success' as const, 'failure' as const);
  const node = fc.constantFrom('node-0', 'node-1');
  // The condition types an imported object showed its kubelet publishes: none told, a kubelet before v1.29, v1.36's.
  const publishedTypes = fc.constantFrom<{ conditionTypes?: string[] }>(
    {},
    { conditionTypes: ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'] },
    { conditionTypes: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'] },
  );
  // every event gets an instant and a container to pick from; each member takes what it needs
  const member = (weight: number, make: (base: { v: 1; at: Instant; pod: PodRef }, c: string) => fc.Arbitrary<Event>) => ({
    weight,
    arbitrary: fc.tuple(at, container).chain(([second, c]) => make({ ...envelope(second), pod: ref }, c)),
  });
  const one = (e: Event): fc.Arbitrary<Event> => fc.constant(e);
  return fc.oneof(
    member(1, (b) => one({ ...b, type: 'PodCreated', source: 'api', manifest: pod })),
    // an API write of metadata, or (imports) kubectl debug's write of pods/ephemeralcontainers: told apart by the
    // instant already drawn, so that the seeded properties draw every other event as before
    member(1, (b) =>
      one(
        Date.parse(b.at) % 7000 === 0
          ? { ...b, type: 'PodEphemeralContainersUpdated', source: 'api', ephemeralContainers: [{ name: 'debugger', image: 'busybox:1.36', targetContainerName: containerNamesOf(pod)[0] ?? '' }] }
          : { ...b, type: 'PodMetadataUpdated', source: 'api', labels: { app: 'x' }, annotations: {} },
      ),
    ),
    member(2, (b) => fc.integer({ min: 0, max: 30 }).map((g): Event => ({ ...b, type: 'PodDeletionRequested', source: 'api', gracePeriodSeconds: g }))),
    member(1, (b) => one({ ...b, type: 'PodRemoved', source: 'api' })),
    // a refused write, or (imports) a later import's records superseding a container's start (the fold passes over
    // one when it meets it): told apart by the instant already drawn, as above
    member(1, (b, c) =>
      one(
        Date.parse(b.at) % 5000 === 0
          ? { ...b, type: 'RecordsSuperseded', source: 'api', records: [{ type: 'ContainerStarted', at: instantOf(Date.parse(b.at) + 1000), container: c }] }
          : { ...b, type: 'PodWriteRejected', source: 'api', verb: 'update', code: 409, message: 'conflict' },
      ),
    ),
    member(1, (b) => fc.constantFrom('True' as const, 'False' as const).map((status): Event => ({ ...b, type: 'PodConditionSet', source: 'controller', conditionType: 'DisruptionTarget', status }))),
    member(3, (b) => node.map((n): Event => ({ ...b, type: 'PodBound', source: 'scheduler', node: n }))),
    member(1, (b) => one({ ...b, type: 'PodUnschedulable', source: 'scheduler', reason: 'Unschedulable', message: '0/1 nodes are available' })),
    member(3, (b) => fc.tuple(node, publishedTypes).map(([n, types]): Event => ({ ...b, type: 'PodAdmitted', source: 'kubelet', node: n, ...types }))),
    member(1, (b) => node.map((n): Event => ({ ...b, type: 'PodRejected', source: 'kubelet', node: n, reason: 'Evicted', message: 'The node had condition: [MemoryPressure]. ' }))),
    // A sandbox with its IP, or (imports) shown ready before its IP, which PodIPAssigned brings later.
    member(3, (b) => fc.constantFrom<{ podIP?: string }>({ podIP: '10.244.0.2' }, {}).map((ip): Event => ({ ...b, type: 'SandboxCreated', source: 'kubelet', ...ip }))),
    member(1, (b) => one({ ...b, type: 'PodIPAssigned', source: 'kubelet', podIP: '10.244.0.3', podIPs: ['10.244.0.3'] })),
    member(3, (b) => one({ ...b, type: 'PodSynced', source: 'kubelet' })),
    // An import's capture, and a start it inferred (a run a restart count implies): what the fold's provenance reads.
    // Its conditions' stamped transitions, at or before the capture (an object states no time after its own).
    member(2, (b) =>
      fc.tuple(publishedTypes, fc.subarray(['Ready', 'ContainersReady', 'Initialized', 'PodReadyToStartContainers']), fc.constantFrom('True' as const, 'False' as const), fc.integer({ min: 0, max: 5 })).map(
        ([types, stamped, status, earlier]): Event => {
          const lastTransitionTime = instantOf(Math.max(T0, Date.parse(b.at) - earlier * 1000));
          const conditions = stamped.map((type) => ({ type, status, lastTransitionTime }));
          return { ...b, type: 'PodObserved', source: 'api', ...types, ...(conditions.length > 0 && { conditions }) };
        },
      ),
    ),
    member(2, (b, c) => containerID.map((id): Event => ({ ...b, container: c, type: 'ContainerStarted', source: 'runtime', containerID: id, from: { inferred: true } }))),
    member(1, (b) => one({ ...b, type: 'PodEvicted', source: 'kubelet', signal: 'memory.available', message: 'The node was low on resource: memory. ' })),
    member(1, (b) => one({ ...b, type: 'PodDeadlineExceeded', source: 'kubelet' })),
    member(1, (b) => one({ ...b, type: 'PodKillTimedOut', source: 'kubelet' })),
    member(1, (b) => node.map((n): Event => ({ ...b, type: 'PodNodeLost', source: 'controller', node: n }))),
    member(1, (b, c) => one({ ...b, container: c, type: 'ImagePulling', source: 'runtime', image: IMAGE })),
    member(2, (b, c) => fc.boolean().map((present): Event => ({ ...b, container: c, type: 'ImagePulled', source: 'runtime', image: IMAGE, alreadyPresent: present }))),
    member(1, (b, c) => one({ ...b, container: c, type: 'ImagePullFailed', source: 'runtime', image: IMAGE, reason: 'ErrImagePull', message: 'not found' })),
    member(4, (b, c) => containerID.map((id): Event => ({ ...b, container: c, type: 'ContainerCreated', source: 'runtime', containerID: id }))),
    member(6, (b, c) => containerID.map((id): Event => ({ ...b, container: c, type: 'ContainerStarted', source: 'runtime', containerID: id }))),
    member(1, (b, c) => one({ ...b, container: c, type: 'ContainerStartFailed', source: 'runtime', reason: 'RunContainerError', message: 'exec: not found' })),
    member(1, (b, c) => fc.constantFrom('PodInitializing', 'ContainerCreating').map((reason): Event => ({ ...b, container: c, type: 'ContainerWaiting', source: 'kubelet', reason }))),
    member(1, (b, c) => one({ ...b, container: c, type: 'PostStartHookFailed', source: 'runtime', message: 'hook failed' })),
    member(1, (b, c) => one({ ...b, container: c, type: 'PostStartHookSucceeded', source: 'runtime' })),
    member(5, (b, c) =>
      fc.tuple(containerID, fc.constantFrom(0, 1, 137)).map(([id, code]): Event => ({
        ...b,
        container: c,
        type: 'ContainerExited',
        source: 'runtime',
        containerID: id,
        exitCode: code,
        reason: code === 0 ? 'Completed' : 'Error',
      })),
    ),
    member(1, (b, c) => containerID.map((id): Event => ({ ...b, container: c, type: 'ContainerRemoved', source: 'kubelet', containerID: id }))),
    member(1, (b, c) => fc.constantFrom('0', '64Mi', '300Mi').map((memory): Event => ({ ...b, container: c, type: 'ContainerUsageSampled', source: 'node', memory }))),
    member(2, (b, c) => fc.tuple(probe, outcome).map(([p, o]): Event => ({ ...b, container: c, type: 'ProbeExecuted', source: 'prober', probe: p, outcome: o }))),
    member(3, (b, c) => fc.tuple(probe, outcome).map(([p, o]): Event => ({ ...b, container: c, type: 'ProbeResultChanged', source: 'kubelet', probe: p, outcome: o }))),
    member(1, (b, c) =>
      fc.constantFrom('LivenessProbeFailed' as const, 'PodDeleted' as const, 'RestartAllContainers' as const).map((reason): Event => ({
        ...b,
        container: c,
        type: 'ContainerKilling',
        source: 'kubelet',
        reason,
        message: `Stopping container ${c}`,
        gracePeriodSeconds: 30,
      })),
    ),
    member(1, (b, c) => fc.constantFrom(10, 20, 300).map((d): Event => ({ ...b, container: c, type: 'ContainerBackOff', source: 'kubelet', delaySeconds: d, until: b.at }))),
    member(1, (b, c) => one({ ...b, container: c, type: 'ImagePullBackOff', source: 'kubelet', image: IMAGE, delaySeconds: 10, until: b.at })),
    { weight: 1, arbitrary: nodeEvent },
  );
};

/** One pod's raw sequence, printed one event a line when it is a counterexample. */
export class RawPod {
  constructor(
    readonly pod: V1Pod,
    readonly events: readonly Event[],
  ) {}

  [fc.toStringMethod](): string {
    const lines = this.events.map((e) => `  ${e.at.slice(11, 19)} ${e.type}${'container' in e ? ` ${e.container}` : ''}: ${summarize(e)}`);
    return `\npod ${this.pod.metadata.name ?? ''} (restartPolicy ${this.pod.spec.restartPolicy ?? 'Always'}, ${containerNamesOf(this.pod).join(', ')}):\n${lines.join('\n')}`;
  }
}

/** A pod named `name` (defaulted, as the API server stores it) and raw events about it, starting with its creation. */
export const rawPodSequence = (name: string, maxLength = 40): fc.Arbitrary<RawPod> =>
  podManifest(name).chain((raw) => {
    const pod = applyDefaults(raw);
    const created: Event = { ...envelope(0), type: 'PodCreated', source: 'api', pod: refOf(pod), manifest: pod };
    return fc.array(podEvent(pod), { maxLength }).map((rest) => new RawPod(pod, [created, ...rest]));
  });

/** One to three pods' raw sequences (each pod its own generator, so shrinking drops whole pods). */
export const rawCluster: fc.Arbitrary<RawPod[]> = fc.tuple(
  rawPodSequence('raw-0'),
  fc.option(rawPodSequence('raw-1'), { nil: undefined }),
  fc.option(rawPodSequence('raw-2'), { nil: undefined }),
).map((pods) => pods.filter((p): p is RawPod => p !== undefined));
