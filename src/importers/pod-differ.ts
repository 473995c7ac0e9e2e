/**
 * The one differ behind watch streams, snapshots and audit status patches: the typed events that explain
 * how one pod object became the next. Times come from the object's own fields; `fallback` (the latest time
 * the object shows, or the audit line's stageTimestamp) only where the object records none.
 */
import type { Event, PodRef } from '../events/index.js';
import { DEADLINE_EXCEEDED_REASON } from '../k8s/active-deadline.js';
import { instantOf, type Instant } from '../k8s/codecs.js';
import { everyContainerStatus, type Container, type PodCondition, type PodStatus, type V1Pod } from '../k8s/pod.js';
import { envelopeAt, sameJson, without } from './build.js';
import { diffContainer } from './container-differ.js';
import type { Certainty, Imported, Origin } from './imported.js';
import { deletionRequestedAt, earliestKnownTime, ephemeralWrittenAt } from './pod-times.js';
import { maybeInstant } from './time.js';
import { isTerminalPhase } from '../k8s/phase.js';
import { isMirrorPod, isStaticPod } from '../k8s/static-pods.js';

/** Conditions the kubelet writes itself (`pkg/kubelet/types/pod_status.go :: PodConditionByKubelet`). */
const kubeletConditions = new Set([
  'PodScheduled',
  'Ready',
  'Initialized',
  'ContainersReady',
  'PodResizeInProgress',
  'PodResizePending',
  'PodReadyToStartContainers',
  'AllContainersRestarting',
]);

/**
 * The kubelet-owned condition types a pod object carries, in its order, when its kubelet wrote them (a type
 * besides the scheduler's PodScheduled): its kubelet publishes exactly these. Undefined before that kubelet
 * wrote, when the object cannot tell. Kubelets older than v1.29 publish no PodReadyToStartContainers
 * (`pkg/kubelet/kubelet_pods.go :: generateAPIPodStatus`, gate PodReadyToStartContainersCondition).
 */
export const kubeletConditionTypes = (pod: V1Pod): string[] | undefined => {
  const types = (pod.status?.conditions ?? []).map((c) => c.type).filter((t) => kubeletConditions.has(t));
  return types.some((t) => t !== 'PodScheduled') ? types : undefined;
};

/** Eviction messages name the starved resource (`The node was low on resource: memory. ...`). */
const signalByResource: Readonly<Record<string, string>> = {
  memory: 'memory.available',
  'ephemeral-storage': 'nodefs.available',
  pids: 'pid.available',
};

/** `eviction/helpers.go`'s local storage messages, by the metrics label `evictPod` counts them under. */
const localStorageMessages: readonly (readonly [RegExp, string])[] = [
  [/^Usage of EmptyDir volume /, 'emptydirfs.limit'],
  [/^Pod ephemeral local storage usage exceeds the total limit of containers /, 'ephemeralpodfs.limit'],
  [/^Container \S+ exceeded its local ephemeral storage limit /, 'ephemeralcontainerfs.limit'],
];

export const signalOfEviction = (message: string): string => {
  const local = localStorageMessages.find(([pattern]) => pattern.test(message))?.[1];
  if (local !== undefined) return local;
  const resource = /low on resource: ([\w.-]+?)\.?( |$)/.exec(message)?.[1] ?? '';
  return signalByResource[resource] ?? resource;
};

/** A local storage limit eviction writes no DisruptionTarget (`evictPod` with no condition): `PodEvicted` says so. */
export const disruptionOfEviction = (signal: string): { readonly disruptionTarget?: false } =>
  localStorageMessages.some(([, label]) => label === signal) ? { disruptionTarget: false } : {};

const REJECTED_PREFIX = 'Pod was rejected: ';
const isRejection = (s: PodStatus): boolean => s.phase === 'Failed' && (s.message ?? '').startsWith(REJECTED_PREFIX);

/**
 * The pod as created: without what later events set (binding, deletion, bookkeeping), its status but the `qosClass`
 * the API server computed at its creation and kept (`strategy.go :: PrepareForCreate`; validation refuses a change):
 * what the cluster showed, whatever the spec reads as today. An older API server's `selfLink` (removed in v1.20) stays,
 * as the object showed it. The generation the fold counts itself (1 at the creation, bumped by a graceful deletion),
 * but for an object that states none: an API server before v1.33 wrote none (`generation: 0` then, the value Go's
 * JSON leaves out).
 */
export const manifestOf = (pod: V1Pod): V1Pod => ({
  ...without(pod, ['status']),
  ...(pod.status?.qosClass !== undefined && { status: { qosClass: pod.status.qosClass } }),
  metadata: {
    ...without(pod.metadata, ['managedFields', 'resourceVersion', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation']),
    ...(pod.metadata.generation === undefined && { generation: 0 }),
  },
  // a pod is never created with ephemeral containers (validation.go :: ValidatePodCreate forbids them): they came later
  spec: without(pod.spec, ['nodeName', 'ephemeralContainers']),
});

/**
 * An object without `creationTimestamp` states a zero one (a v1.35 kubelet's `/pods` omits the key, v1.33's
 * writes null): the fold keeps it unset rather than stamping the creation the import places (kubectl: `<unknown>`).
 */
const withStatedCreation = (manifest: V1Pod): V1Pod =>
  manifest.metadata.creationTimestamp === undefined ? { ...manifest, metadata: { ...manifest.metadata, creationTimestamp: null } } : manifest;

const conditionOf = (pod: V1Pod | undefined, type: string): PodCondition | undefined =>
  pod?.status?.conditions?.find((c) => c.type === type);

/** The transition time of a condition when it holds `status`. */
const transitionOf = (pod: V1Pod, type: string, status: string): Instant | undefined => {
  const c = conditionOf(pod, type);
  return c?.status === status ? maybeInstant(c.lastTransitionTime) : undefined;
};

/** The earliest start of any container the status shows (init containers, and the runs `lastState` keeps). */
const firstContainerStart = (status: PodStatus): Instant | undefined =>
  [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])]
    .flatMap((c) => [maybeInstant(c.state?.running?.startedAt), maybeInstant(c.state?.terminated?.startedAt), maybeInstant(c.lastState?.terminated?.startedAt)])
    .filter((i) => i !== undefined)
    .sort()[0];

/**
 * When the scheduler bound the pod: `PodScheduled` turning True says it, unless a container started before
 * that (a static pod: the kubelet runs it from its file before the mirror object and its condition exist).
 * Without that time (a stripped or anonymised object), or after a start, the binding is placed at the
 * kubelet's first fact, `startTime` or a container's start, which it must precede, inferred: the fallback,
 * the latest time, would bind a pod after it ran.
 */
const boundTime = (pod: V1Pod, fallback: Instant): [Instant, Certainty] => {
  const status = pod.status ?? {};
  const started = firstContainerStart(status);
  const scheduled = transitionOf(pod, 'PodScheduled', 'True');
  if (scheduled !== undefined && (started === undefined || scheduled <= started)) return [scheduled, 'exact'];
  const first = [maybeInstant(status.startTime), started, fallback].filter((i) => i !== undefined).sort()[0];
  return [first ?? fallback, 'inferred'];
};

/**
 * When the kubelet admitted the pod: `startTime`, unless a container started before it (a static pod whose
 * containers a previous kubelet process started: the restarted kubelet writes a later `startTime`). The
 * admission then is placed at that start, inferred: a kubelet starts containers only of pods it admitted.
 */
const admittedTime = (pod: V1Pod, fallback: Instant): [Instant, Certainty] => {
  const status = pod.status ?? {};
  const start = maybeInstant(status.startTime);
  const started = firstContainerStart(status);
  if (start !== undefined && started !== undefined && started < start) return [started, 'inferred'];
  return start === undefined ? [fallback, 'inferred'] : [start, 'exact'];
};

/**
 * When the sandbox (and so the pod IP) came up: `PodReadyToStartContainers` turning True says it, unless the
 * status shows a container started before it: the kubelet's `SyncPod` creates the sandbox
 * (`createPodSandbox`) before it starts any container, and writes the condition only with the status after
 * that sync, which may be a second or more after the first start. The sandbox is then placed at that start,
 * inferred. Without the condition (before v1.29, or not yet written) the first sandbox is placed at the
 * earliest of `startTime` and the containers' starts, inferred.
 */
const sandboxTime = (pod: V1Pod, first: boolean, fallback: Instant): [Instant, Certainty] => {
  const status = pod.status ?? {};
  const start = first ? firstContainerStart(status) : undefined;
  const ready = transitionOf(pod, 'PodReadyToStartContainers', 'True');
  if (ready !== undefined && (start === undefined || ready <= start)) return [ready, 'exact'];
  if (ready !== undefined && start !== undefined) return [start, 'inferred'];
  const earliest = first ? [maybeInstant(status.startTime), start].filter((i) => i !== undefined).sort()[0] : undefined;
  return [earliest ?? fallback, 'inferred'];
};

/**
 * A status that says `phase: Running` but lists no container statuses (a stripped or partial object): the
 * kubelet's getPhase answers Running only once every regular container started and one runs, so each regular
 * container is taken as started, at `startTime` (or the fallback), and marked inferred. Without this, a pod
 * being deleted would look as if nothing ran, and so terminal, where kubectl shows it Terminating.
 */
const runningByPhase = (pod: PodRef, after: V1Pod, fallback: Instant, origin: Origin): Imported[] => {
  const at = maybeInstant(after.status?.startTime) ?? fallback;
  return after.spec.containers.flatMap((c) =>
    (['ContainerCreated', 'ContainerStarted'] as const).map((type): Imported => ({
      event: { type, ...envelopeAt(at, 'runtime'), pod, container: c.name, containerID: '' },
      origin,
      certainty: 'inferred',
      instance: 0,
    })),
  );
};

/**
 * When the object shows its sandbox ready (`PodReadyToStartContainers` True) with no pod IP yet, the condition's
 * transition. The kubelet generates both from one runtime status (`kubelet_pods.go :: convertStatusToAPIStatus`
 * takes the IPs from the ready sandbox's network status, `PodSandboxChanged` is satisfied by a ready sandbox
 * whose network status is nil), yet a v1.36.1 cluster published the condition 2 s before the IP: such a pod's
 * sandbox and IP are two facts (`SandboxCreated` without IP, then `PodIPAssigned`).
 */
const readySandboxWithoutIP = (pod: V1Pod | undefined): Instant | undefined =>
  pod === undefined || pod.status?.podIP !== undefined || pod.spec.hostNetwork === true ? undefined : transitionOf(pod, 'PodReadyToStartContainers', 'True');

/** Failed by the kubelet past `spec.activeDeadlineSeconds` (`active_deadline.go`: its reason). */
const isDeadlineFailure = (s: PodStatus): boolean => s.phase === 'Failed' && s.reason === DEADLINE_EXCEEDED_REASON;

/**
 * When the kubelet found the pod past its deadline: the status it generated then turned Ready False with reason
 * `PodFailed` (`status/generate.go`), so that transition, if it came at or after `startTime` + the deadline, is
 * the instant. A pod already not ready kept its older transition time: the deadline itself then, inferred (the
 * kubelet notices it at its next one-second sync tick, `kubelet.go :: getPodsToSync`).
 */
const deadlineTime = (pod: V1Pod, fallback: Instant): [Instant, Certainty] => {
  const start = maybeInstant(pod.status?.startTime);
  const seconds = pod.spec.activeDeadlineSeconds;
  const deadline = start === undefined || seconds === undefined ? undefined : instantOf(Date.parse(start) + seconds * 1000);
  const ready = conditionOf(pod, 'Ready');
  const failedAt = ready?.status === 'False' && ready.reason === 'PodFailed' ? maybeInstant(ready.lastTransitionTime) : undefined;
  if (failedAt !== undefined && (deadline === undefined || Date.parse(failedAt) >= Date.parse(deadline))) return [failedAt, 'exact'];
  return [deadline ?? fallback, 'inferred'];
};

export interface PodDiff {
  readonly pod: PodRef;
  readonly before: V1Pod | undefined;
  readonly after: V1Pod;
  readonly fallback: Instant;
  readonly origin: Origin;
  /** The write's own time (an audit line's stageTimestamp): a create is stamped with it. */
  readonly writtenAt?: Instant;
}

export const diffPod = ({ pod, before, after, fallback, origin, writtenAt }: PodDiff): Imported[] => {
  const out: Imported[] = [];
  const emit = (event: Event, certainty: Certainty): void => {
    out.push({ event, origin, certainty });
  };
  /** An own-field time when the object has one, else the fallback. */
  const timed = (at: Instant | undefined): [Instant, Certainty] => (at === undefined ? [fallback, 'inferred'] : [at, 'exact']);
  const status = after.status ?? {};
  const was = before?.status ?? {};

  if (before === undefined) {
    const created = maybeInstant(after.metadata.creationTimestamp);
    const earliest = earliestKnownTime(after);
    // A mirror pod's object comes after the pod ran, and the kubelet's own view of a static pod (its `/pods`)
    // has no creationTimestamp: the pod is created at its first fact, inferred, never after it ran.
    const [at, c] =
      writtenAt === undefined && earliest !== undefined && (created === undefined || earliest < created) ? [earliest, 'inferred' as const] : timed(writtenAt ?? created);
    emit({ type: 'PodCreated', ...envelopeAt(at, 'api'), pod, manifest: withStatedCreation(manifestOf(after)) }, c);
  } else if (!sameJson(before.metadata.labels ?? {}, after.metadata.labels ?? {}) || !sameJson(before.metadata.annotations ?? {}, after.metadata.annotations ?? {})) {
    emit({ type: 'PodMetadataUpdated', ...envelopeAt(fallback, 'api'), pod, labels: after.metadata.labels ?? {}, annotations: after.metadata.annotations ?? {} }, 'inferred');
  }

  const node = after.spec.nodeName;
  if (node !== undefined && before?.spec.nodeName === undefined) {
    const [at, c] = boundTime(after, fallback);
    // a static pod's mirror is bound by its kubelet's file or URL, not by the scheduler
    emit({ type: 'PodBound', ...envelopeAt(at, isMirrorPod(after) || isStaticPod(after) ? 'api' : 'scheduler'), pod, node }, c);
  }
  const scheduled = conditionOf(after, 'PodScheduled');
  if (
    scheduled?.status === 'False' &&
    (scheduled.reason === 'Unschedulable' || scheduled.reason === 'SchedulerError') &&
    !sameJson(scheduled, conditionOf(before, 'PodScheduled'))
  ) {
    const [at, c] = timed(maybeInstant(scheduled.lastTransitionTime));
    emit({ type: 'PodUnschedulable', ...envelopeAt(at, 'scheduler'), pod, reason: scheduled.reason, message: scheduled.message ?? '' }, c);
  }

  // The kubelet's `rejectPod` fails the pod at admission, prefixing the message; it never ran.
  const rejected = isRejection(status);
  if (rejected && !isRejection(was)) {
    const [at, c] = timed(maybeInstant(status.startTime));
    const message = (status.message ?? '').slice(REJECTED_PREFIX.length);
    emit({ type: 'PodRejected', ...envelopeAt(at, 'kubelet'), pod, node: node ?? '', reason: status.reason ?? '', message }, c);
  } else if (!rejected && status.startTime !== undefined && was.startTime === undefined) {
    const [at, c] = admittedTime(after, fallback);
    const hostIP = status.hostIP;
    // Placed before the status's startTime (a container started earlier): describe's Start Time is still the object's.
    const startTime = maybeInstant(status.startTime);
    const shown = startTime !== undefined && startTime !== at ? { startTime } : {};
    const conditionTypes = kubeletConditionTypes(after);
    const published = conditionTypes === undefined ? {} : { conditionTypes };
    emit({ type: 'PodAdmitted', ...envelopeAt(at, 'kubelet'), pod, node: node ?? '', ...(hostIP !== undefined && { hostIP }), ...shown, ...published }, c);
  }
  const sandboxWithoutIP = readySandboxWithoutIP(after);
  if (sandboxWithoutIP !== undefined && sandboxWithoutIP !== readySandboxWithoutIP(before)) {
    emit({ type: 'SandboxCreated', ...envelopeAt(sandboxWithoutIP, 'kubelet'), pod }, 'exact');
  } else if (status.podIP !== undefined && status.podIP !== was.podIP) {
    const podIPs = (status.podIPs ?? []).map((p) => p.ip);
    const shownWithoutIP = readySandboxWithoutIP(before);
    if (shownWithoutIP !== undefined && shownWithoutIP === transitionOf(after, 'PodReadyToStartContainers', 'True')) {
      // The same sandbox, shown ready without an IP before: the IP came with this write, stated by no field.
      emit({ type: 'PodIPAssigned', ...envelopeAt(fallback, 'kubelet'), pod, podIP: status.podIP, podIPs }, 'inferred');
    } else {
      const [at, c] = sandboxTime(after, was.podIP === undefined, fallback);
      emit({ type: 'SandboxCreated', ...envelopeAt(at, 'kubelet'), pod, podIP: status.podIP, podIPs }, c);
    }
  }

  // `kubectl debug`: the spec grew through `pods/ephemeralcontainers`, before their runs, after the creation (an object
  // first captured with them too: a later import of it, the journal holding the pod, records the write all the same).
  const known = new Set((before?.spec.ephemeralContainers ?? []).map((c) => c.name));
  const added = new Set((after.spec.ephemeralContainers ?? []).map((c) => c.name).filter((n) => !known.has(n)));
  if (added.size > 0) {
    const [at, c] = ephemeralWrittenAt(after, added, fallback);
    emit({ type: 'PodEphemeralContainersUpdated', ...envelopeAt(at, 'api'), pod, ephemeralContainers: after.spec.ephemeralContainers ?? [] }, c);
  }
  // Ephemeral containers' runs too (`kubectl debug`): the fold shows them in `ephemeralContainerStatuses`.
  const specs = new Map<string, Container>([...(after.spec.initContainers ?? []), ...after.spec.containers, ...(after.spec.ephemeralContainers ?? [])].map((c) => [c.name, c]));
  const previous = everyContainerStatus(was);
  for (const s of everyContainerStatus(status)) {
    out.push(
      ...diffContainer({
        pod,
        spec: specs.get(s.name),
        before: previous.find((p) => p.name === s.name),
        after: s,
        podStartedAt: maybeInstant(status.startTime),
        readyAt: maybeInstant(conditionOf(after, 'ContainersReady')?.lastTransitionTime),
        podHasInitContainers: (after.spec.initContainers?.length ?? 0) > 0,
        fallback,
        origin,
      }),
    );
  }

  if (status.phase === 'Running' && was.phase !== 'Running' && (status.containerStatuses ?? []).length === 0) {
    out.push(...runningByPhase(pod, after, fallback, origin));
  }

  const evicted = status.phase === 'Failed' && status.reason === 'Evicted' && !rejected;
  if (evicted && !(was.phase === 'Failed' && was.reason === 'Evicted')) {
    const [at, c] = timed(transitionOf(after, 'DisruptionTarget', 'True'));
    const message = status.message ?? '';
    const signal = signalOfEviction(message);
    emit({ type: 'PodEvicted', ...envelopeAt(at, 'kubelet'), pod, signal, message, ...disruptionOfEviction(signal) }, c);
  }
  if (isDeadlineFailure(status) && !isDeadlineFailure(was)) {
    const [at, c] = deadlineTime(after, fallback);
    emit({ type: 'PodDeadlineExceeded', ...envelopeAt(at, 'kubelet'), pod }, c);
  }
  for (const cond of status.conditions ?? []) {
    if (kubeletConditions.has(cond.type) || sameJson(cond, conditionOf(before, cond.type))) continue;
    if (evicted && cond.type === 'DisruptionTarget' && cond.reason === 'TerminationByKubelet') continue; // PodEvicted sets it
    const [at, c] = timed(maybeInstant(cond.lastTransitionTime));
    emit(
      {
        type: 'PodConditionSet',
        ...envelopeAt(at, 'controller'),
        pod,
        conditionType: cond.type,
        status: cond.status,
        ...(cond.reason !== undefined && { reason: cond.reason }),
        ...(cond.message !== undefined && { message: cond.message }),
      },
      c,
    );
  }

  // A deletion request, or a second one that shortens the grace. The kubelet's final delete (grace 0 on a
  // pod already being deleted) is the removal itself: PodRemoved comes with the DELETED update.
  const requestedAt = deletionRequestedAt(after);
  const grace = after.metadata.deletionGracePeriodSeconds ?? 0;
  const graceBefore = before?.metadata.deletionGracePeriodSeconds;
  const firstRequest = before?.metadata.deletionTimestamp === undefined;
  if (requestedAt !== undefined && (firstRequest || (graceBefore !== undefined && grace < graceBefore && grace > 0))) {
    emit({ type: 'PodDeletionRequested', ...envelopeAt(requestedAt, 'api'), pod, gracePeriodSeconds: grace }, 'exact');
  }
  // The kubelet's termination of a deleted pod (`SyncTerminatedPod` → status manager `TerminatePod`: a phase
  // still Pending or Running becomes Failed) shows only in a status it published: an object that shows it is
  // that publication, and the fold shows the termination from then on (before, the pod is Terminating).
  if (after.metadata.deletionTimestamp !== undefined && isTerminalPhase(status.phase) && !isTerminalPhase(was.phase)) {
    emit({ type: 'PodSynced', ...envelopeAt(fallback, 'kubelet'), pod }, 'inferred');
  }
  return out;
};
