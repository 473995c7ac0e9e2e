/**
 * The pod status the kubelet would write after an event: `generateAPIPodStatus`, then the status manager's
 * `TerminatePod` and `mergePodStatus` rules (terminal phases are sticky and reached only once nothing runs).
 */
import type { Container, ContainerStatus, PodCondition, PodPhase, PodSpec, PodStatus, V1Pod } from '../k8s/pod.js';
import { DEADLINE_EXCEEDED_MESSAGE, DEADLINE_EXCEEDED_REASON } from '../k8s/active-deadline.js';
import { isTerminalPhase as isTerminal, phaseFrom } from '../k8s/phase.js';
import { isStaticPod } from '../k8s/static-pods.js';
import { isSidecar } from '../k8s/pod.js';
import { containerStatusOf, isStarted, regularDecision, statusDiffers, statusFactsDiffer, statusFactsOf, unknownTermination, type RegularDecision, type StatusBuilder, type StatusFacts } from './container-status.js';
import { initialContainerView } from './containers.js';
import { conditionOf, kubeletConditions, settle } from './conditions.js';
import { isKubeletOwned } from '../k8s/pod-conditions.js';
import type { ContainerView, KubeletView } from './kubelet-view.js';
import { sortPodIPs } from './pod-ips.js';
import { restartDue, roleOf, type SpecList } from './restart.js';
import { sortedByName } from './status-order.js';
import { sharedHostIPs } from './shared-values.js';
import { allContainersCouldRestart } from '../k8s/restart-rules.js';
import { cleanedUp, podRestarting, withoutRestartingWaits } from './restart-all.js';
import { podWith } from './pod-object.js';
import { conditionGeneration, withoutObservedGenerations, writes, writtenContainerStatuses } from './unwritten-fields.js';
import { podLevelResources, type PodLevelResources } from './pod-level-resources.js';

// No init containers (most pods): one empty list for every regeneration.
const NONE: readonly Container[] = [];

/**
 * Some container is running (`couldHaveRunningContainers`; a created, never started one holds nothing), read
 * from the statuses just built: a running instance always shows as `running` (no restart is due while it runs).
 */
const couldHaveRunningContainers = (initStatuses: readonly StatusFacts[], statuses: readonly StatusFacts[]): boolean => {
  for (const s of initStatuses) if (s.state?.running !== undefined) return true;
  for (const s of statuses) if (s.state?.running !== undefined) return true;
  return false;
};

/**
 * The kubelet will run nothing more: evicted, past its active deadline, deleted (on a reachable node), or
 * already terminal. Every container finishing under its policy needs no flag: getPhase itself then answers
 * Succeeded or Failed.
 */
export const podIsTerminal = (pod: V1Pod, view: KubeletView): boolean =>
  view.evicted !== undefined || view.deadlineExceededAt !== undefined || pod.metadata.deletionTimestamp !== undefined || isTerminal(pod.status?.phase);

/**
 * The status shows a terminal phase held back: `mergePodStatus` keeps the API's phase, reason and message while the
 * pod worker could have running containers, not the conditions the kubelet generated from the terminal phase (Ready
 * False, `PodCompleted` / `PodFailed`). The next sync's status may let it through.
 */
export const terminalHeldBack = (status: PodStatus | undefined): boolean =>
  status !== undefined &&
  !isTerminal(status.phase) &&
  status.conditions?.some((c) => c.type === 'Ready' && (c.reason === 'PodCompleted' || c.reason === 'PodFailed')) === true;

/** `previous` when `next` holds the very same items, so that unchanged lists keep their identity too. */
const sameItems = <T>(previous: T[] | undefined, next: T[]): T[] => {
  if (previous === undefined || previous.length !== next.length) return next;
  for (let i = 0; i < next.length; i++) if (previous[i] !== next[i]) return next;
  return previous;
};

/**
 * The previous status already lists exactly these IPs. Its `podIP` is its list's first, written with it:
 * only a further IP needs its list item read (each a small object of the pod's own, out of the cache).
 */
const sameIPs = (prev: PodStatus, ips: readonly string[]): boolean => {
  const listed = prev.podIPs;
  if (listed === undefined || listed.length !== ips.length || prev.podIP !== ips[0]) return false;
  for (let i = 1; i < ips.length; i++) if (listed[i]?.ip !== ips[i]) return false;
  return true;
};

/**
 * What a generated status's container statuses were built from: the kubelet view then, whether the pod was
 * marked deleted (no restart is due: `restartsHeld`), and whether TerminatePod marked the unfinished ones. The
 * statuses are a pure function of these and the spec, so the fold keeps these instead (`folded-pod.ts`).
 */
export interface GeneratedFrom {
  readonly view: KubeletView;
  readonly deleted: boolean;
  readonly terminated: boolean;
}

/**
 * `container/helpers.go :: ShouldContainerBeRestarted` ("Once a pod has been marked deleted, it should not be
 * restarted"), which `kubelet_pods.go :: convertToAPIContainerStatuses` asks before it shows a container's cached
 * start failure (`reasonCache`) as its waiting reason: only a deletion holds restarts back there. An evicted pod or
 * one past its active deadline is not deleted, so its crash-looping container still shows `CrashLoopBackOff` in the
 * statuses its terminating syncs generate (and TerminatePod then marks it ContainerStatusUnknown).
 */
const restartsHeld = (pod: V1Pod): boolean => pod.metadata.deletionTimestamp !== undefined;

/** A status with evidence of a start: out of Waiting, or waiting after an earlier run. */
const attempted = (s: StatusFacts): boolean => s.state?.waiting === undefined || s.lastState?.terminated !== undefined;

/**
 * `hasPodInitialized` (status_manager.go): a pod without init containers always is; else once a regular
 * container has a start, or its last init container has completed with 0 (a sidecar: runs and has started).
 */
const hasPodInitialized = (initSpecs: readonly Container[], inits: readonly StatusFacts[], regular: readonly StatusFacts[]): boolean => {
  if (initSpecs.length === 0 || regular.some(attempted)) return true;
  const last = inits[inits.length - 1];
  const lastSpec = initSpecs[initSpecs.length - 1];
  if (last === undefined || lastSpec === undefined) return false;
  if (lastSpec.restartPolicy === 'Always') return last.state?.running !== undefined && last.started === true;
  return last.lastState?.terminated?.exitCode === 0 || last.state?.terminated?.exitCode === 0;
};

/** `initializedContainers` (status_manager.go): all but the suffix never attempted, and always the first. */
const initializedCount = (inits: readonly StatusFacts[]): number => {
  for (let i = inits.length - 1; i >= 0; i--) {
    const s = inits[i];
    if (s !== undefined && attempted(s)) return i + 1;
  }
  return Math.min(inits.length, 1);
};

/** TerminatePod: once the pod is over, statuses that cannot have finished normally become ContainerStatusUnknown. */
const terminateStatuses = <S extends StatusFacts>(initSpecs: readonly Container[], inits: S[], regular: S[]): [S[], S[]] => {
  const unfinished = (s: S): boolean => s.state?.terminated === undefined;
  const initialized = hasPodInitialized(initSpecs, inits, regular);
  const marked = initializedCount(inits);
  return [
    inits.map((s, i) => (i < marked && unfinished(s) ? unknownTermination(s) : s)),
    regular.map((s) => (initialized && unfinished(s) ? unknownTermination(s) : s)),
  ];
};

// No other conditions (the usual case): one empty list, never changed (the callers copy before they add).
const NO_CONDITIONS: readonly PodCondition[] = Object.freeze([]);

/** The conditions the kubelet does not own, in order (no copy when there are none, the usual case). */
const onlyOthers = (conditions: readonly PodCondition[]): readonly PodCondition[] => {
  for (const c of conditions) if (!isKubeletOwned(c.type)) return conditions.filter((x) => !isKubeletOwned(x.type));
  return NO_CONDITIONS;
};


/**
 * The conditions nobody but their writer changes, and the kubelet's DisruptionTarget for an eviction that has
 * completed: `mergePodStatus` replaces another writer's in place (or appends it), its transition time kept.
 */
const otherConditions = (prev: PodStatus, view: KubeletView, phase: PodPhase, now: string, generation: number | undefined, keepObserved: boolean): readonly PodCondition[] => {
  const others = onlyOthers(prev.conditions ?? []);
  if (view.evicted === undefined || view.evicted.disruptionTarget === false || !isTerminal(phase)) return others;
  const disruption = { type: 'DisruptionTarget', status: 'True', reason: 'TerminationByKubelet', message: view.evicted.message } as const;
  const at = others.findIndex((c) => c.type === 'DisruptionTarget');
  if (at < 0) return [...others, settle(disruption, undefined, now, generation)];
  const old = others[at];
  const next = settle(disruption, old, now, generation, keepObserved);
  return next === old ? others : others.map((c, i) => (i === at ? next : c));
};

/** Ready or ContainersReady would read otherwise than before (status, reason or message). */
const readinessMoved = (prev: readonly PodCondition[] | undefined, next: readonly PodCondition[]): boolean =>
  (['Ready', 'ContainersReady'] as const).some((type) => {
    const a = conditionOf(prev, type);
    const b = conditionOf(next, type);
    return a?.status !== b?.status || a?.reason !== b?.reason || a?.message !== b?.message;
  });

/**
 * Whether the kubelet's pod-level fields (all but its containers and syncs) differ; `podHasInitialized` only
 * when `readsInitialized` (getPhase reads it for pending sidecars alone).
 */
const podFieldsChanged = (a: KubeletView, b: KubeletView, readsInitialized: boolean): boolean =>
  a.admitted !== b.admitted ||
  a.node !== b.node ||
  a.hostIP !== b.hostIP ||
  a.podIPs !== b.podIPs ||
  a.sandboxReady !== b.sandboxReady ||
  (readsInitialized && a.podHasInitialized !== b.podHasInitialized) ||
  a.evicted !== b.evicted ||
  a.deadlineExceededAt !== b.deadlineExceededAt ||
  a.rejected !== b.rejected ||
  a.nodeLost !== b.nodeLost ||
  a.conditionTypes !== b.conditionTypes ||
  a.unwrittenFields !== b.unwrittenFields;

/** Tells two views of the container named `name` apart, in a pod of `spec` (marked deleted or not: `restartsHeld`). */
type ContainerDiffers = (spec: PodSpec | undefined, name: string, x: ContainerView, y: ContainerView, deleted: boolean) => boolean;

/**
 * Whether some container's view changed in a way `differs` tells apart (one the kubelet knew nothing of is
 * the initial view). Plain arguments, not a closure: a container event asks this once or twice.
 */
const someContainerChanged = (a: KubeletView, b: KubeletView, differs: ContainerDiffers, spec: PodSpec | undefined, deleted: boolean): boolean => {
  if (a.containers === b.containers) return false;
  for (const name in b.containers) {
    const x = a.containers[name] ?? initialContainerView;
    const y = b.containers[name] ?? initialContainerView;
    if (x !== y && differs(spec, name, x, y, deleted)) return true;
  }
  return false;
};

const statusDiffersIn: ContainerDiffers = (_spec, _name, x, y) => statusDiffers(x, y);

/** Whether the kubelet's view changed in anything the status shows (container views by `statusDiffers`; a pull before the first instance shows nothing). */
export const statusInputsChanged = (a: KubeletView, b: KubeletView): boolean => a !== b && (podFieldsChanged(a, b, true) || someContainerChanged(a, b, statusDiffersIn, undefined, false));

/** Whether the spec containers named `name` give other facts under `x` than under `y` (`statusFactsDiffer`). */
const factsDiffer: ContainerDiffers = (spec, name, x, y, deleted) => {
  if (spec === undefined) return true;
  const inits = spec.initContainers ?? NONE;
  for (let i = 0; i < inits.length + spec.containers.length; i++) {
    const c = i < inits.length ? inits[i] : spec.containers[i - inits.length];
    if (c === undefined || c.name !== name) continue;
    const role = roleOf(c, i < inits.length ? 'init' : 'regular');
    if (statusFactsDiffer(c, role, x, restartDue(role, c, spec, x, deleted), y, restartDue(role, c, spec, y, deleted))) return true;
  }
  return false;
};

/** A container's `regularDecision` class in `view` (a pod that is not terminal: a restart may be due). */
const classIn = (c: Container, spec: PodSpec, view: KubeletView): RegularDecision => {
  const v = view.containers[c.name] ?? initialContainerView;
  return regularDecision(c, spec, v, restartDue('regular', c, spec, v, false));
};

/**
 * getPhase (`phase.ts :: phaseFrom`) of a `decidedAlike` pod from its containers' classes: Pending while one
 * waits with no last termination, else Running while one runs; with all stopped, Running while one may restart
 * (`stopped !== stoppedNotRestartable`), else Succeeded when all exited 0 and for good; Pending with no container.
 */
const phaseOfClasses = (waiting: number, running: number, restarting: number, stopped: number, succeeded: number): PodPhase =>
  waiting > 0 ? 'Pending' : running > 0 ? 'Running' : stopped === 0 ? 'Pending' : restarting > 0 ? 'Running' : stopped === succeeded ? 'Succeeded' : 'Failed';

/** Each regular container's `regularDecision` class in `view`, in spec order. */
const classesIn = (spec: PodSpec, view: KubeletView): RegularDecision[] => spec.containers.map((c) => classIn(c, spec, view));

/** getPhase's answer for a `decidedAlike` pod, from its containers' classes and its running sidecars (`phaseOfClasses`). */
const decidedPhase = (classes: readonly RegularDecision[], sidecars: number): PodPhase => {
  let waiting = 0;
  let running = sidecars;
  let restarting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const k of classes) {
    if (k === 'running-ready' || k === 'running') running++;
    else if (k === 'waiting') waiting++;
    else {
      stopped++;
      if (k === 'stopped-restartable') restarting++;
      else if (k === 'succeeded') succeeded++;
    }
  }
  return phaseOfClasses(waiting, running, restarting, stopped, succeeded);
};

/**
 * Whether `kubeletStatus` decides otherwise for a `decidedAlike` pod under `b` than under `a`, given its `sidecars`
 * running (the same under both): some regular container's readiness (ContainersReady's list, Ready) or getPhase's
 * answer. Whether some container runs is read too (mergePodStatus holds a terminal phase back, TerminatePod's
 * `terminated`, the sandbox torn down), but only with a terminal answer, which getPhase gives only when none runs. A
 * restart that begins (a creation, a back-off, a pull) or a run that starts unready while the pod stays Running
 * decides the same. Each view's classes are decided once, for both questions.
 */
const decisionChanged = (spec: PodSpec, a: KubeletView, b: KubeletView, sidecars: number): boolean => {
  const before = classesIn(spec, a);
  const after = classesIn(spec, b);
  if (before.some((k, i) => (k === 'running-ready') !== (after[i] === 'running-ready'))) return true;
  return decidedPhase(before, sidecars) !== decidedPhase(after, sidecars);
};

/**
 * The sidecars running when every init container of `spec` is done with and the same view under `a` and `b` (its
 * facts then do not move): a regular one whose newest instance exited 0 (no restart is due, `restartDue`), or a
 * sidecar running and started. getPhase then counts no init container pending or failed, no sidecar pending (so it
 * reads no `podHasInitialized`) or waiting, each sidecar running; `GeneratePodInitializedCondition` finds none
 * incomplete (True, or PodCompleted from the phase); ContainersReady lists the sidecars' readiness, the same under
 * both; TerminatePod marks none (`initializedCount`: each has a run). Undefined when one is not so. A view shared with
 * a regular container of the same name moves with it.
 */
const sidecarsOfSettledInits = (spec: PodSpec, a: KubeletView, b: KubeletView): number | undefined => {
  const inits = spec.initContainers;
  let sidecars = 0;
  if (inits !== undefined)
    for (const c of inits) {
      const v = b.containers[c.name];
      if (v === undefined || v !== a.containers[c.name]) return undefined;
      if (isSidecar(c)) {
        if (!isStarted(c, v)) return undefined;
        sidecars++;
      } else if (v.current?.kind !== 'terminated' || v.current.terminated.exitCode !== 0) return undefined;
    }
  return sidecars;
};

/**
 * `kubeletStatus` decides a pod's status between views `a` and `b` from its regular containers' `regularDecision`
 * classes and the count of its running sidecars alone (`decisionChanged`), which this answers (undefined when it
 * does not): the pod's init containers, if any, are done with and unchanged (`sidecarsOfSettledInits`: none of
 * getPhase's init counts, Initialized True, `hasPodInitialized` true), it has no `RestartAllContainers` rule
 * (`podRestarting` and `cleanedUp` read the views themselves) and is not terminal (getPhase's terminal branch is not
 * taken, a restart may be due).
 */
const decidedAlike = (spec: PodSpec, terminal: boolean, a: KubeletView, b: KubeletView): number | undefined =>
  terminal || allContainersCouldRestart(spec) ? undefined : sidecarsOfSettledInits(spec, a, b);

/**
 * Whether the status generated for `pod` (without its container statuses) can differ once the view moves
 * from `a` to `b`: a pod-level field changed, or what `kubeletStatus` decides from the containers (`decisionChanged`
 * where `decidedAlike` holds, else each container's `StatusFacts`: what the phase, the conditions and
 * TerminatePod read). Regenerating from the same decision gives the same status again: the phase, reason and
 * message carry over, and no condition flips, so no `lastTransitionTime` moves.
 */
export const statusFactsChanged = (pod: V1Pod, a: KubeletView, b: KubeletView): boolean => {
  if (a === b) return false;
  const terminal = podIsTerminal(pod, b);
  const sidecars = decidedAlike(pod.spec, terminal, a, b);
  if (podFieldsChanged(a, b, sidecars === undefined)) return true;
  if (a.containers === b.containers) return false;
  return sidecars !== undefined ? decisionChanged(pod.spec, a, b, sidecars) : someContainerChanged(a, b, factsDiffer, pod.spec, restartsHeld(pod));
};

/** The statuses of one list of spec containers, in spec order (each built by `build`: whole, or only its facts). */
const statusList = <S>(containers: readonly Container[], specList: SpecList, view: KubeletView, spec: PodSpec, deleted: boolean, build: StatusBuilder<S>): S[] => {
  // Sized exactly: the statuses of a pod that is read live as long as its state.
  const list = new Array<S>(containers.length);
  for (let i = 0; i < containers.length; i++) {
    const c = containers[i];
    if (c === undefined) continue;
    const v = view.containers[c.name] ?? initialContainerView;
    const role = roleOf(c, specList);
    list[i] = build(c, v, role, restartDue(role, c, spec, v, deleted), spec);
  }
  return list;
};

/** The init and regular container statuses (both in spec order) a status was generated with. */
const containerStatusLists = (spec: PodSpec, from: GeneratedFrom): [ContainerStatus[], ContainerStatus[]] => {
  const inits = spec.initContainers ?? [];
  const lists: [ContainerStatus[], ContainerStatus[]] = [
    statusList(inits, 'init', from.view, spec, from.deleted, containerStatusOf),
    statusList(spec.containers, 'regular', from.view, spec, from.deleted, containerStatusOf),
  ];
  const [initStatuses, statuses] = from.terminated ? terminateStatuses(inits, ...lists) : lists;
  return [writtenContainerStatuses(from.view, initStatuses, true), writtenContainerStatuses(from.view, statuses, false)];
};

/**
 * The ephemeral containers' statuses, by name (`kubelet_pods.go :: generateAPIPodStatus` converts them as it does the
 * regular ones), without the fields the view's kubelet does not write; undefined when the spec has none. TerminatePod
 * marks none of them (`status_manager.go :: TerminatePod` reads the init and regular statuses).
 */
const ephemeralStatuses = (spec: PodSpec, from: GeneratedFrom): ContainerStatus[] | undefined => {
  const ephemeral = spec.ephemeralContainers;
  if (ephemeral === undefined || ephemeral.length === 0) return undefined;
  const statuses = statusList(ephemeral, 'ephemeral', from.view, spec, from.deleted, containerStatusOf);
  return sortedByName(ephemeral, writtenContainerStatuses(from.view, statuses, false));
};

/**
 * The pod with the container statuses its status was generated with, in the API's order (init statuses in
 * spec order, regular and ephemeral ones by name) and at their key position (Go's `PodStatus`): the init and
 * regular ones after `startTime`, before `qosClass`; the ephemeral ones right after `qosClass`.
 */
export const withContainerStatuses = (pod: V1Pod, from: GeneratedFrom): V1Pod => {
  const spec = pod.spec;
  const [inits, regular] = containerStatusLists(spec, from);
  const lists: PodStatus = (spec.initContainers?.length ?? 0) > 0 ? { initContainerStatuses: inits } : {};
  lists.containerStatuses = sortedByName(spec.containers, regular);
  const ephemeral = ephemeralStatuses(spec, from);
  const status: PodStatus = {};
  let placed = false;
  for (const [key, value] of Object.entries(pod.status ?? {}) as [keyof PodStatus, unknown][]) {
    if (key === 'qosClass' && !placed) {
      Object.assign(status, lists);
      placed = true;
    }
    (status as Record<string, unknown>)[key] = value;
    if (key === 'qosClass' && ephemeral !== undefined) status.ephemeralContainerStatuses = ephemeral;
  }
  if (!placed) Object.assign(status, lists);
  if (ephemeral !== undefined && status.ephemeralContainerStatuses === undefined) status.ephemeralContainerStatuses = ephemeral;
  return podWith(pod, pod.metadata, spec, status);
};

/** A status with only the fields that are defined, in `generateAPIPodStatus`'s order (`STATUS_KEYS`). */
const statusOf = (fields: PodStatus & Pick<Required<PodStatus>, 'phase' | 'conditions' | 'startTime'>): PodStatus => {
  const status: PodStatus = fields.observedGeneration === undefined ? { phase: fields.phase, conditions: fields.conditions } : { observedGeneration: fields.observedGeneration, phase: fields.phase, conditions: fields.conditions };
  if (fields.message !== undefined) status.message = fields.message;
  if (fields.reason !== undefined) status.reason = fields.reason;
  if (fields.nominatedNodeName !== undefined) status.nominatedNodeName = fields.nominatedNodeName;
  if (fields.hostIP !== undefined) status.hostIP = fields.hostIP;
  if (fields.hostIPs !== undefined) status.hostIPs = fields.hostIPs;
  if (fields.podIP !== undefined) status.podIP = fields.podIP;
  if (fields.podIPs !== undefined) status.podIPs = fields.podIPs;
  status.startTime = fields.startTime;
  if (fields.qosClass !== undefined) status.qosClass = fields.qosClass;
  if (fields.allocatedResources !== undefined) status.allocatedResources = fields.allocatedResources;
  if (fields.resources !== undefined) status.resources = fields.resources;
  return status;
};

/** The keys `kubeletStatus` writes, in the order it writes them (keep in step with `statusOf`; Go's `PodStatus` field order). */
const STATUS_KEYS = ['observedGeneration', 'phase', 'conditions', 'message', 'reason', 'nominatedNodeName', 'hostIP', 'hostIPs', 'podIP', 'podIPs', 'startTime', 'qosClass', 'allocatedResources', 'resources'] as const;

/** The first index from `i` on of a key `status` holds (a function, not a closure: no object per regeneration). */
const nextKey = (status: PodStatus, i: number): number => {
  while (i < STATUS_KEYS.length && status[STATUS_KEYS[i] ?? 'phase'] === undefined) i++;
  return i;
};

/**
 * `prev` holds the keys of `status` (built in `STATUS_KEYS` order), in the same order, with the same values:
 * without listing the keys of either, on every regeneration.
 */
const sameStatus = (prev: PodStatus, status: PodStatus): boolean => {
  let i = nextKey(status, 0);
  for (const key in prev) {
    const expected = STATUS_KEYS[i];
    if (expected !== key || prev[expected] !== status[expected]) return false;
    i = nextKey(status, i + 1);
  }
  return i === STATUS_KEYS.length;
};

// A kubelet that writes neither pod-level field (older than v1.36, or its gate off).
const UNWRITTEN: Partial<PodLevelResources> = {};

/** The pod-level `allocatedResources` and `resources` the view's kubelet writes in the status it generates after `prev`. */
const writtenPodLevelResources = (pod: V1Pod, prev: PodStatus, view: KubeletView): Partial<PodLevelResources> => {
  const allocated = writes(view, 'allocatedResources');
  const resources = writes(view, 'resources');
  if (!allocated && !resources) return UNWRITTEN;
  const fields = podLevelResources(pod, prev);
  return allocated && resources ? fields : allocated ? { allocatedResources: fields.allocatedResources } : { resources: fields.resources };
};

/**
 * Whether a status generated for `pod` now would show the pod-level resources it shows: once the API shows the pod
 * Running, the kubelet's next status reads them from the pod cgroup, a sync that learnt nothing new included.
 */
export const podLevelResourcesSettled = (pod: V1Pod, view: KubeletView): boolean => {
  const prev = pod.status ?? {};
  const { allocatedResources, resources } = writtenPodLevelResources(pod, prev, view);
  return allocatedResources === prev.allocatedResources && resources === prev.resources;
};

/**
 * What writes a status: a sync's `generateAPIPodStatus` (`sync`: `SyncPod`, or `SyncTerminatingPod` before it applies
 * an eviction's status function; `sync-before-kill`: a status generated while the pod worker, with nothing left to stop, had
 * not yet finished terminating, `PodSynced.beforeKill`: the `SyncPod` that found a pod over by itself, or
 * `SyncTerminatingPod` before an evicted pod's `killPod`); `SyncTerminatedPod`'s `TerminatePod` (`sync-terminated`,
 * `PodSynced.terminated`); the status manager's `SetContainerReadiness` / `SetContainerStartup` over the status it
 * cached (`probe`); or, in a journal without syncs (imported), the kubelet after any event (`event`).
 */
export type StatusWriter = 'sync' | 'sync-before-kill' | 'sync-terminated' | 'probe' | 'event';

/**
 * The status after the kubelet has (re)generated it at `now` (API form, whole seconds), without its container
 * statuses, and what those are generated from (`withContainerStatuses` adds them).
 */
export const kubeletStatus = (pod: V1Pod, generatedView: KubeletView, now: string, writer: StatusWriter): GeneratedFrom & { readonly status: PodStatus } => {
  const prev = pod.status ?? {};
  const spec = pod.spec;
  // `convertStatusToAPIStatus`: whether the pod restarts all its containers decides how removed ones show
  const couldRestart = allContainersCouldRestart(spec);
  const restarting = couldRestart && podRestarting(spec, generatedView, prev.conditions);
  const view = restarting ? generatedView : withoutRestartingWaits(generatedView);
  const restartAll = couldRestart ? { restarting, cleanedUp: cleanedUp(spec, view) } : undefined;
  const terminal = podIsTerminal(pod, view);
  const deleted = restartsHeld(pod);
  // `status_manager.go :: TerminatePod` runs in `SyncTerminatedPod`, at the relist after the terminating sync's last
  // status: a journal of syncs shows its marks only from that sync; an imported one shows them when an object did
  const terminatePod = !view.syncs || writer === 'sync-terminated';
  const inits = spec.initContainers ?? NONE;
  const initStatuses = statusList(inits, 'init', view, spec, deleted, statusFactsOf);
  const statuses = statusList(spec.containers, 'regular', view, spec, deleted, statusFactsOf);
  const running = couldHaveRunningContainers(initStatuses, statuses);

  let phase = phaseFrom(pod, initStatuses, statuses, { podIsTerminal: terminal, podHasInitialized: view.podHasInitialized });
  // the phase the conditions are generated from: TerminatePod sets Failed on the status it cached, conditions and all
  let generatedPhase: PodPhase | undefined;
  let reason: string | undefined;
  let message: string | undefined;
  if (view.evicted !== undefined) {
    phase = 'Failed';
    reason = 'Evicted';
    message = view.evicted.message;
  } else if (view.deadlineExceededAt !== undefined && !isTerminal(prev.phase)) {
    // generateAPIPodStatus: a PodSyncHandler's ShouldEvict (active_deadline.go) overrides phase, reason and
    // message, but never an already published terminal phase
    phase = 'Failed';
    reason = DEADLINE_EXCEEDED_REASON;
    message = DEADLINE_EXCEEDED_MESSAGE;
  } else if (terminal && !running && !isTerminal(phase) && !isTerminal(prev.phase) && !isStaticPod(pod) && writer === 'sync-terminated') {
    // TerminatePod: a pod that is over is never left Pending or Running. Only a journal of the kubelet's syncs
    // shows it (at `SyncTerminatedPod`); an imported one shows it when an object did.
    generatedPhase = phase;
    phase = 'Failed';
  }
  if (isTerminal(prev.phase) && !isTerminal(phase)) phase = prev.phase ?? phase; // terminal is sticky
  // the kubelet generates its conditions from the phase it computed (`generateAPIPodStatus` → status/generate.go):
  // a finished pod's Succeeded/Failed, or Failed past the deadline, gives Ready and ContainersReady False,
  // PodCompleted / PodFailed; mergePodStatus below holds back only phase, reason and message. An eviction's Failed
  // comes after them (its status function), so its conditions are those of the phase the API is shown.
  const conditionPhase = view.evicted === undefined ? (generatedPhase ?? phase) : undefined;
  // `PodCouldHaveRunningContainers`: the pod worker is not done while a container runs, nor before its killPod
  const workerBusy = running || writer === 'sync-before-kill';
  const evictionHeldBack = view.evicted !== undefined && !isTerminal(prev.phase) && workerBusy;
  if (isTerminal(phase) && !isTerminal(prev.phase) && workerBusy) {
    // mergePodStatus: the API sees a terminal phase only once no container can be running
    phase = prev.phase ?? 'Pending';
    reason = undefined;
    message = undefined;
  }
  if (phase === prev.phase && reason === undefined) {
    reason = prev.reason;
    message = prev.message;
  }
  const terminated = isTerminal(phase) && !running && terminatePod;
  let initShown = initStatuses;
  let shown = statuses;
  if (terminated) [initShown, shown] = terminateStatuses(inits, initStatuses, statuses);

  // an older kubelet (and scheduler) wrote no `observedGeneration` (gate PodObservedGenerationTracking, v1.34+). A
  // probe result is written into the status the manager cached (`SetContainerReadiness`, `SetContainerStartup`): it
  // keeps the generation that status observed, and only the conditions it changes observe the pod's current one
  // (`GeneratePodReadyCondition`, `GenerateContainersReadyCondition`); `generateAPIPodStatus` stamps them all
  const keepObserved = writer === 'probe';
  const generation = !writes(view, 'observedGeneration') ? undefined : keepObserved ? (prev.observedGeneration ?? pod.metadata.generation) : pod.metadata.generation;
  const conditionGenerations = conditionGeneration(view, pod);
  const others = conditionGenerations === undefined ? withoutObservedGenerations(otherConditions(prev, view, phase, now, undefined, false)) : otherConditions(prev, view, phase, now, conditionGenerations, keepObserved);
  // A finished pod's sandbox is torn down by the kubelet (`killPod`): PodReadyToStartContainers turns False in the
  // status generated once it returned, even where the phase is still Pending until TerminatePod (a deleted pod that never ran)
  const sandboxStopped = !running && writer !== 'sync-before-kill' && (isTerminal(phase) || (terminal && view.syncs));
  const sandboxReady = view.sandboxReady && !sandboxStopped;
  // the simulated kubelet is v1.36's (gate RestartAllContainersOnContainerExits on); an imported one's version is unknown
  const initializedBefore = view.syncs && prev.conditions?.some((c) => c.type === 'Initialized' && c.status === 'True') === true;
  const inputs = { spec, initStatuses: initShown, statuses: shown, phase: conditionPhase ?? phase, sandboxReady, others, generation: conditionGenerations, keepObserved, types: view.conditionTypes, restartAll, initializedBefore };
  const generated = kubeletConditions(inputs, prev.conditions, now);
  // An eviction's kill generates its status before the status function sets Failed (kubelet.go ::
  // SyncTerminatingPod, eviction_manager.go :: evictPod), so a sync's Ready is what container readiness says
  // (mergePodStatus forces it False only with the terminal phase it holds back); during the grace only
  // SetContainerReadiness rewrites it, from the Failed phase it cached: False, PodFailed.
  const cachedFailed = evictionHeldBack && (writer === 'probe' || writer === 'event') && readinessMoved(prev.conditions, generated);
  const owned = cachedFailed ? kubeletConditions({ ...inputs, phase: 'Failed' }, prev.conditions, now) : generated;
  const conditions = sameItems(prev.conditions, others.length === 0 ? owned : others.concat(owned));

  const { hostIP } = view;
  const hostIPs = hostIP === undefined || !writes(view, 'hostIPs') ? undefined : prev.hostIP === hostIP && prev.hostIPs !== undefined ? prev.hostIPs : sharedHostIPs(hostIP);
  // `kubelet_pods.go :: generateAPIPodStatus`: a host-network pod inherits the node's IP as its pod IP (its
  // sandbox has none), from the first status that knows the host IP on
  const podIPs = view.podIPs === undefined ? (spec.hostNetwork === true && hostIP !== undefined ? [hostIP] : []) : sortPodIPs(view.podIPs, hostIP);
  const podIP = podIPs[0];
  const listed = podIP === undefined || !writes(view, 'podIPs') ? undefined : sameIPs(prev, podIPs) ? prev.podIPs : podIPs.map((ip) => ({ ip }));
  const startTime = prev.startTime ?? now;
  // the scheduler's nomination stays as the API holds it (the kubelet never writes it)
  const { qosClass, nominatedNodeName } = prev;
  const { allocatedResources, resources } = writtenPodLevelResources(pod, prev, view);
  const status: PodStatus =
    generation !== undefined && message === undefined && reason === undefined && nominatedNodeName === undefined && hostIPs !== undefined && listed !== undefined && qosClass !== undefined && resources !== undefined
      ? // a running pod's usual status, as one literal: V8 keeps its keys inside it (a status grown key by key
        // keeps those past its first three in a second object, ≈ 70 bytes more for every pod the fold holds)
        allocatedResources === undefined
          ? { observedGeneration: generation, phase, conditions, hostIP, hostIPs, podIP, podIPs: listed, startTime, qosClass, resources }
          : { observedGeneration: generation, phase, conditions, hostIP, hostIPs, podIP, podIPs: listed, startTime, qosClass, allocatedResources, resources }
      : statusOf({ observedGeneration: generation, phase, conditions, message, reason, nominatedNodeName, hostIP, hostIPs, podIP, podIPs: listed, startTime, qosClass, allocatedResources, resources });
  // Most regenerations change only container statuses, which the fold keeps apart: the previous status then stays.
  // one object for the status and what its container statuses are generated from (read at once by the caller)
  return { status: sameStatus(prev, status) ? prev : status, view, deleted, terminated };
};
