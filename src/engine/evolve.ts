/** The engine's fold: `evolve(state, event)` rebuilds the bookkeeping from events, so a replay never re-decides. */
import type { Event, EventOf } from '../events/index.js';
import { msOf, type Instant } from '../k8s/codecs.js';
import { lastMemo } from '../memo/index.js';
import { roundCleaned, roundJoined, roundWaitRanOut } from './eviction/loop.js';
import { isLocalStorageSignal } from './eviction/local-storage.js';
import { conditionOfSignal, hardThresholds, isObservedSignal } from './eviction/signals.js';
import { valueOf } from '../k8s/quantity.js';
import { crashLoopBackoff, imagePullBackoff, nextBackoff } from './backoff.js';
import { backoffAnchor, changedContainer, podTerminal } from './lifecycle.js';
import { backoffEntry, errorEntry, resyncEntry, tickOf } from './kubelet/worker.js';
import { fullyDisrupted } from './nodeloss/controller.js';
import { isPressureType, withPressure } from './pressure.js';
import { imageKey, specContainers } from './spec.js';
import { PersistentMap } from './persistent-map.js';
import { probeTrackOf, readinessRunsAtStatus, tracksForNewInstance } from './probes/worker.js';
import type { ContainerBook, EngineState, ImageBackoff, Instance, NodeBook, PodBook } from './state.js';
import type { VirtualMs } from './world.js';

const withPod = (state: EngineState, uid: string, f: (pod: PodBook) => PodBook): EngineState => {
  const pod = state.pods.get(uid);
  if (pod === undefined) return state;
  const next = f(pod);
  const bump = !podTerminal(pod) && podTerminal(next) ? 1 : 0; // a finished pod frees room on its node
  return { ...state, pods: PersistentMap.from(state.pods).set(uid, next), clusterGen: state.clusterGen + bump };
};

const withNode = (state: EngineState, name: string, f: (node: NodeBook) => NodeBook, bump = 0): EngineState => {
  const node = state.nodes.get(name);
  if (node === undefined) return state;
  return { ...state, nodes: new Map(state.nodes).set(name, f(node)), clusterGen: state.clusterGen + bump };
};

const withContainer = (state: EngineState, uid: string, name: string, f: (c: ContainerBook) => ContainerBook): EngineState =>
  withPod(state, uid, (pod) => {
    const index = pod.containers.findIndex((c) => c.name === name);
    const c = pod.containers[index];
    return c === undefined ? pod : { ...pod, containers: changedContainer(pod, index, f(c)) };
  });

const withInstance = (state: EngineState, uid: string, name: string, f: (i: Instance) => Instance): EngineState =>
  withContainer(state, uid, name, (c) => (c.current === undefined ? c : { ...c, current: f(c.current) }));

/** The pod worker's bookkeeping (`kubelet/worker.ts`): a trigger wants a sync at `at`, and what it will show changed. */
const triggered = (pod: PodBook, at: VirtualMs): PodBook => ({
  ...pod,
  dirty: true,
  syncDueAt: pod.syncDueAt === undefined ? at : Math.min(pod.syncDueAt, at),
});

/** The PLEG relist after `at` sees a container start or die, and syncs the pod. */
const relisted = (state: EngineState, pod: PodBook, at: VirtualMs): PodBook => {
  const node = pod.node === undefined ? undefined : state.nodes.get(pod.node);
  return node === undefined ? { ...pod, dirty: true } : triggered(pod, tickOf(node, at, true));
};

const isReadinessGate = (spec: PodBook['spec'], conditionType: string): boolean => (spec.readinessGates ?? []).some((g) => g.conditionType === conditionType);

const changed = (pod: PodBook): PodBook => (pod.dirty ? pod : { ...pod, dirty: true });

/** A failed pull steps the pod's entry for its image (`backOff.Next`) and stores its error (`prevPullErrMsg.Store`). */
const steppedImageBackoff = (pod: PodBook, e: EventOf<'ImagePullFailed'>, at: VirtualMs): ImageBackoff => ({
  entry: nextBackoff(imagePullBackoff, pod.imageBackoffs.get(e.image)?.entry, at, at),
  lastError: `${e.reason}: ${e.message}`,
  failedFor: e.container,
});

const created = (e: EventOf<'PodCreated'>, seq: number): PodBook => ({
  ref: e.pod,
  seq,
  manifest: e.manifest,
  spec: e.manifest.spec,
  admitted: false,
  sandbox: false,
  evicted: false,
  deadlineExceeded: false,
  removed: false,
  dirty: false,
  syncs: 0,
  syncFoundTerminal: false,
  imageBackoffs: new Map(),
  containers: specContainers(e.manifest.spec).map(({ name, role }) => ({ name, role, instances: 0, pulls: 0, probes: {} })),
});

const registered = (state: EngineState, e: EventOf<'NodeRegistered'>): NodeBook => {
  const previous = state.nodes.get(e.node);
  const disk = e.capacity['ephemeral-storage'];
  const base = {
    name: e.node,
    index: previous?.index ?? state.nodes.size,
    registeredAt: previous?.registeredAt ?? msOf(e.at),
    allocatable: e.allocatable,
    labels: e.labels,
    images: new Set([...(previous?.images ?? []), ...(e.images ?? []).map(imageKey)]),
    thresholds: hardThresholds(e),
    pressures: previous?.pressures ?? [],
    pressureObservedAt: previous?.pressureObservedAt ?? {},
    sandboxes: previous?.sandboxes ?? 0,
  };
  const internalIP = e.internalIP ?? previous?.internalIP;
  return { ...base, ...(internalIP === undefined ? {} : { internalIP }), ...(disk === undefined ? {} : { diskCapacityBytes: valueOf(disk) }) };
};

/** A met threshold keeps its condition on for the transition period from this cycle (`nodeConditionsLastObservedAt`). */
const thresholdMet = (node: NodeBook, e: EventOf<'EvictionThresholdMet'>, at: VirtualMs): NodeBook => {
  const type = isObservedSignal(e.signal) ? conditionOfSignal[e.signal] : undefined;
  return { ...node, thresholdLastMetAt: at, pressureObservedAt: type === undefined ? node.pressureObservedAt : { ...node.pressureObservedAt, [type]: at } };
};

/** The eviction manager's wait for the pods it evicted ends once none has a live container (`eviction/loop.ts`). */
const evictionCleanup = (state: EngineState, uid: string, at: VirtualMs): EngineState => {
  const name = state.pods.get(uid)?.node;
  const node = name === undefined ? undefined : state.nodes.get(name);
  if (node?.evictionRound?.uids.includes(uid) !== true) return state;
  const next = roundCleaned(state, node, at);
  return next === node ? state : { ...state, nodes: new Map(state.nodes).set(node.name, next) };
};

/** Notes when the cluster has a Ready node again after none: the node lifecycle controller taints anew then. */
const disruptionTracked = (before: EngineState, after: EngineState, at: VirtualMs): EngineState =>
  fullyDisrupted(before.nodes.values()) && !fullyDisrupted(after.nodes.values()) ? { ...after, disruptionEndedAt: at } : after;

/** A Ready condition of True is the kubelet posting again; anything else marks the node not ready (once). */
const readiness = (node: NodeBook, e: EventOf<'NodeConditionChanged'>, at: VirtualMs): NodeBook => {
  const { lostAt: _, lostStatus: __, kubeletStoppedAt: ___, ...ready } = node;
  if (e.status === 'True') return ready;
  return { ...node, lostAt: node.lostAt ?? at, lostStatus: e.status };
};

const nodeCondition = (state: EngineState, e: EventOf<'NodeConditionChanged'>): EngineState => {
  const at = msOf(e.at);
  switch (e.conditionType) {
    case 'Ready':
      return disruptionTracked(state, withNode(state, e.node, (node) => readiness(node, e, at), 1), at);
    default: {
      const type = e.conditionType;
      return isPressureType(type) ? withNode(state, e.node, (node) => ({ ...node, pressures: withPressure(node.pressures, type, e.status === 'True') }), 1) : state;
    }
  }
};

const probeExecuted = (c: ContainerBook, e: EventOf<'ProbeExecuted'>): ContainerBook => {
  const track = probeTrackOf(c, e.probe);
  const run = track.lastOutcome === e.outcome ? track.run + 1 : 1;
  const { manualPending: _, ...rest } = track;
  return { ...c, probes: { ...c.probes, [e.probe]: { ...rest, lastOutcome: e.outcome, run, lastAt: msOf(e.at) } } };
};

/** A liveness failure, or any startup result, holds the worker until a new instance and zeroes its run (`doProbe`). */
const probeResultChanged = (c: ContainerBook, e: EventOf<'ProbeResultChanged'>): ContainerBook => {
  const track = { ...probeTrackOf(c, e.probe), result: e.outcome };
  const held = e.probe === 'startup' || (e.probe === 'liveness' && e.outcome === 'failure');
  const run = c.current?.run;
  return { ...c, probes: { ...c.probes, [e.probe]: held && run !== undefined ? { ...track, heldRun: run, run: 0 } : track } };
};

/** The last event's instant, parsed: the many events of one instant share it. */
const msAt = lastMemo((at: Instant): VirtualMs => msOf(at));

export const evolve = (state: EngineState, e: Event): EngineState => {
  const at = msAt(e.at);
  switch (e.type) {
    case 'PodCreated':
      return { ...state, pods: PersistentMap.from(state.pods).set(e.pod.uid, created(e, state.pods.size)) };
    case 'PodDeletionRequested':
      // `BeforeDelete`: a pod already being deleted only takes a shorter grace, counted from the first request
      return withPod(state, e.pod.uid, (pod) =>
        pod.deletion === undefined || e.gracePeriodSeconds < pod.deletion.graceSeconds
          ? triggered({ ...pod, deletion: { at: pod.deletion?.at ?? at, graceSeconds: e.gracePeriodSeconds, over: pod.deletion?.over ?? podTerminal(pod) } }, at)
          : pod,
      );
    case 'PodRemoved':
      return { ...withPod(state, e.pod.uid, (pod) => ({ ...pod, removed: true })), clusterGen: state.clusterGen + 1 };
    case 'PodBound':
      return withPod(state, e.pod.uid, (pod) => ({ ...pod, node: e.node, syncDueAt: at }));
    case 'PodUnschedulable':
      return withPod(state, e.pod.uid, (pod) => ({ ...pod, scheduleAttemptGen: state.clusterGen }));
    case 'NodeRegistered':
      return disruptionTracked(state, { ...state, nodes: new Map(state.nodes).set(e.node, registered(state, e)), clusterGen: state.clusterGen + 1 }, at);
    case 'KubeletStopped':
      return withNode(state, e.node, (node) => ({ ...node, kubeletStoppedAt: node.kubeletStoppedAt ?? at }));
    case 'NodeConditionChanged':
      return nodeCondition(state, e);
    case 'EvictionThresholdMet':
      return withNode(state, e.node, (node) => thresholdMet(node, e, at));
    case 'PodAdmitted':
      return withPod(state, e.pod.uid, (pod) => ({ ...pod, admitted: true, dirty: true }));
    case 'PodSynced':
      // `SyncTerminatedPod` (`kubelet/terminated.ts`): the last status; the terminating sync's end stays the last sync's
      if (e.terminated === true) return withPod(state, e.pod.uid, ({ syncDueAt: _, ...pod }) => ({ ...pod, sessionAt: at, dirty: false, syncs: pod.syncs + 1, terminatedSynced: true }));
      // `completeWork` enqueues a clean sync's next one; a failure later in this sync replaces it
      // the first sync starts the prober workers; each status it generates triggers readiness runs
      return evictionCleanup(withPod(state, e.pod.uid, ({ syncDueAt: _, ...pod }) => {
        const syncs = pod.syncs + 1;
        const containers = readinessRunsAtStatus(pod, at);
        return { ...pod, containers, sessionAt: at, syncedAt: at, syncFoundTerminal: podTerminal(pod), dirty: false, syncs, requeue: resyncEntry({ ...pod, syncs }, at), startTime: pod.startTime ?? at, probersFrom: pod.probersFrom ?? at };
      }), e.pod.uid, at);
    case 'PodRejected':
      return withPod(state, e.pod.uid, ({ syncDueAt: _, ...pod }) => ({ ...pod, rejectedAt: at }));
    case 'SandboxCreated': {
      const node = state.pods.get(e.pod.uid)?.node;
      // the PLEG lists sandboxes as containers (`generic.go :: getContainersFromPods`): the next relist sees it start
      const next = withPod(state, e.pod.uid, (pod) => ({ ...relisted(state, pod, at), sandbox: true }));
      // only a sandbox given an IP takes one from the node's range (a host-network one gets none)
      return node === undefined || (e.podIP ?? '') === '' ? next : withNode(next, node, (n) => ({ ...n, sandboxes: n.sandboxes + 1 }));
    }
    case 'PodEvicted': {
      const evicted = withPod(state, e.pod.uid, (pod) => ({ ...triggered(pod, at), evicted: true }));
      const node = evicted.pods.get(e.pod.uid)?.node;
      return evictionCleanup(node === undefined ? evicted : withNode(evicted, node, (n) => roundJoined(n, e.pod.uid, at, isLocalStorageSignal(e.signal))), e.pod.uid, at);
    }
    case 'PodKillTimedOut': {
      const node = state.pods.get(e.pod.uid)?.node;
      return node === undefined ? state : withNode(state, node, (n) => roundWaitRanOut(n, e.pod.uid));
    }
    case 'PodDeadlineExceeded':
      // the sync that noticed publishes Failed; the pod is over (`podTerminal`), so its containers are stopped
      return withPod(state, e.pod.uid, (pod) => ({ ...changed(pod), deadlineExceeded: true }));
    case 'PodNodeLost':
      return withPod(state, e.pod.uid, (pod) => ({ ...pod, nodeLostAt: at }));
    case 'ImagePulling':
      return withContainer(state, e.pod.uid, e.container, (c) => ({ ...c, pullingSince: at, pulls: c.pulls + 1 }));
    case 'ImagePulled': {
      const node = state.pods.get(e.pod.uid)?.node;
      // a pull that returns resumes its sync (`EnsureImageExists` blocks it)
      const pulled = withPod(state, e.pod.uid, (pod) => ({ ...changed(pod), ...(e.alreadyPresent ? {} : { sessionAt: at }) }));
      const next = withContainer(pulled, e.pod.uid, e.container, ({ pullingSince: _, ...c }) => ({ ...c, imageReadyFor: c.instances }));
      return node === undefined ? next : withNode(next, node, (n) => ({ ...n, images: new Set(n.images).add(imageKey(e.image)) }));
    }
    case 'ImagePullFailed': {
      // the sync goes on with the other containers, then fails: the worker retries after its error back-off;
      // a failed pull steps the pod's back-off entry for that image (`backOff.Next(backOffKey, now)`)
      const failed = withPod(state, e.pod.uid, (pod) => ({
        ...changed(pod),
        sessionAt: at,
        requeue: errorEntry(pod, at),
        ...(e.reason === 'ErrImagePull' ? { imageBackoffs: new Map(pod.imageBackoffs).set(e.image, steppedImageBackoff(pod, e, at)) } : {}),
      }));
      return withContainer(failed, e.pod.uid, e.container, ({ pullingSince: _, ...c }) => ({ ...c, imageFailedSync: state.pods.get(e.pod.uid)?.syncs }));
    }
    case 'ImagePullBackOff': {
      // ErrImagePullBackOff fails the sync too (it carries no expiry, unlike CrashLoopBackOff)
      const waiting = withPod(state, e.pod.uid, (pod) => ({ ...changed(pod), requeue: errorEntry(pod, at) }));
      return withContainer(waiting, e.pod.uid, e.container, (c) => ({ ...c, imageBackOffSync: state.pods.get(e.pod.uid)?.syncs }));
    }
    case 'ContainerCreated':
      return withContainer(withPod(state, e.pod.uid, changed), e.pod.uid, e.container, (c) => {
        // a restart advances the back-off entry (`backOff.Next(key, ts)`): expired or not by the finish doBackOff
        // saw, the step dated by this sync (a pull in it comes before the creation: then a little later than the
        // kubelet's, which steps before it pulls); no finish, no step
        const pod = state.pods.get(e.pod.uid);
        const anchor = pod === undefined ? undefined : backoffAnchor(pod, c);
        const previousExit = c.current?.exit ?? c.previousExit;
        return {
          ...c,
          instances: c.instances + 1,
          current: { run: c.instances, containerID: e.containerID, sync: pod?.syncs ?? 0, postStartDone: false, kills: [] },
          probes: tracksForNewInstance(c.probes),
          ...(anchor !== undefined ? { crashBackoff: nextBackoff(crashLoopBackoff, c.crashBackoff, anchor, at) } : {}),
          ...(previousExit !== undefined ? { previousExit } : {}),
        };
      });
    case 'ContainerStarted': {
      const spec = state.pods.get(e.pod.uid)?.spec;
      const hook = spec !== undefined && specContainers(spec).some((c) => c.name === e.container && c.spec.lifecycle?.postStart !== undefined);
      const seen = withPod(state, e.pod.uid, (pod) => relisted(state, pod, at));
      return withInstance(seen, e.pod.uid, e.container, (i) => ({ ...i, startedAt: at, postStartDone: !hook }));
    }
    case 'PostStartHookSucceeded':
      // the hook runs inside the container's start: its sync resumes when it returns
      return withInstance(withPod(state, e.pod.uid, (pod) => ({ ...changed(pod), sessionAt: at })), e.pod.uid, e.container, (i) => ({ ...i, postStartDone: true }));
    case 'ContainerExited': {
      // a killed process ends the kill its sync was waiting for: that sync resumes (and restarts it if due)
      const killed = (state.pods.get(e.pod.uid)?.containers.find((c) => c.name === e.container)?.current?.kills.length ?? 0) > 0;
      const seen = withPod(state, e.pod.uid, (pod) => ({ ...relisted(state, pod, at), ...(killed ? { sessionAt: at } : {}) }));
      return evictionCleanup(withInstance(seen, e.pod.uid, e.container, (i) => ({ ...i, exit: { at, code: e.exitCode } })), e.pod.uid, at);
    }
    case 'ContainerRemoved': {
      // the runtime lists nothing of it any more: no finish for `doBackOff`, the next instance counted on; the
      // kubelet syncs the pod again at once to start it (`kubelet.go :: SyncPod` after a reset: `UpdatePod`)
      const syncs = state.pods.get(e.pod.uid)?.syncs;
      const resync = withPod(state, e.pod.uid, (pod) => triggered(pod, at));
      return withContainer(resync, e.pod.uid, e.container, ({ current: _, previousExit: __, ...c }) => ({ ...c, ...(syncs !== undefined && { removedSync: syncs }) }));
    }
    case 'ContainerKilling':
      return withInstance(state, e.pod.uid, e.container, (i) => ({
        ...i,
        kills: [...i.kills, { at, graceSeconds: e.gracePeriodSeconds, reason: e.reason, sync: state.pods.get(e.pod.uid)?.syncs ?? 0 }],
      }));
    case 'ContainerBackOff': {
      // the back-off error names its expiry: the worker comes back then, or after the resync period if sooner
      const until = msOf(e.until);
      const waiting = withPod(state, e.pod.uid, (pod) => ({ ...changed(pod), requeue: backoffEntry(pod, at, until) }));
      return withContainer(waiting, e.pod.uid, e.container, (c) => ({ ...c, backOffSync: state.pods.get(e.pod.uid)?.syncs }));
    }
    case 'ContainerUsageSampled':
      return withContainer(state, e.pod.uid, e.container, (c) => ({ ...c, lastUsage: e.memory }));
    case 'ProbeExecuted':
      return withContainer(state, e.pod.uid, e.container, (c) => probeExecuted(c, e));
    case 'ProbeResultChanged':
      // the status manager publishes it at once, and the prober's update syncs the pod (`handleProbeSync`)
      return withContainer(withPod(state, e.pod.uid, (pod) => triggered(pod, at)), e.pod.uid, e.container, (c) => probeResultChanged(c, e));
    case 'PostStartHookFailed':
      // `startContainer` kills the container and returns `ErrPostStartHook`: the sync fails, the worker
      // retries after its error back-off unless the relist of the dead container comes first
      return withPod(state, e.pod.uid, (pod) => ({ ...changed(pod), requeue: errorEntry(pod, at) }));
    case 'ContainerStartFailed':
    case 'ContainerWaiting':
      return withPod(state, e.pod.uid, changed);
    case 'PodConditionSet':
      // a status-only update reaches the kubelet as a reconcile (`config.go :: checkAndUpdatePod`): `HandlePodReconcile`
      // syncs the pod when its Ready would change (`NeedToReconcilePodReadiness`), which only a readiness gate's
      // condition can do, and only once Ready was published (the first sync)
      return withPod(state, e.pod.uid, (pod) => (pod.syncs > 0 && isReadinessGate(pod.spec, e.conditionType) ? triggered(pod, at) : pod));
    case 'PodMetadataUpdated':
    case 'PodEphemeralContainersUpdated': // imports only: the engine's scenarios run no kubectl debug
    case 'RecordsSuperseded': // imports only
    case 'PodWriteRejected':
    case 'PodObserved':
    case 'PodIPAssigned': // imports only: the engine's sandboxes come with their IP
      return state;
    default: {
      const never: never = e;
      return never;
    }
  }
};

/** Folds events from the initial state. */
export const foldEngine = (events: readonly Event[], from: EngineState): EngineState => events.reduce(evolve, from);
