/**
 * One v1 ContainerStatus from what the kubelet knows of a container: `convertToAPIContainerStatuses` for the
 * state, lastState and restartCount, and the prober manager's `UpdatePodStatus` for `started` and `ready`.
 */
import { goPrefix } from '../k8s/go-bytes.js';
import { isContainerdImageID, normalizedImage } from '../k8s/image-ref.js';
import type { Container, ContainerState, ContainerStatus, PodSpec } from '../k8s/pod.js';
import { removedInstance, type ContainerStateTerminated, type ContainerView } from './kubelet-view.js';
import { sameContainerID } from './container-view.js';
import type { ContainerRole } from './restart.js';
import { defaultWaitingReason } from '../k8s/waiting.js';
import { restartable } from '../k8s/phase.js';
import { runtimeStatusFields, volumeMountStatuses } from './container-runtime-status.js';
import { memoized } from './shared-values.js';

/**
 * What one container's status depends on besides its view: its role, whether a (re)start is due (a cached
 * start failure then shows as the waiting reason), and the pod's spec (the default waiting reason is
 * PodInitializing when it has init containers; its `securityContext` gives the user the runtime reports).
 * Plain arguments, not a context object: a regeneration asks this of every container.
 */
export type StatusBuilder<S> = (c: Container, v: ContainerView, role: ContainerRole, restartDue: boolean, spec: PodSpec) => S;

const stateOf = (v: ContainerView, restartDue: boolean, spec: PodSpec): { state: ContainerState; lastState: ContainerState } => {
  const current = v.current;
  const previous: ContainerState = v.previous !== undefined ? { terminated: v.previous } : {};
  if (v.failure !== undefined && restartDue) {
    const waiting = v.failure.message === '' ? { reason: v.failure.reason } : { ...v.failure };
    // The failed restart supersedes a terminated instance, which moves to lastState.
    return { state: { waiting }, lastState: current?.kind === 'terminated' ? { terminated: current.terminated } : previous };
  }
  switch (current?.kind) {
    case undefined:
      return {
        state: { waiting: v.waiting ?? { reason: defaultWaitingReason((spec.initContainers?.length ?? 0) > 0) } },
        lastState: previous,
      };
    case 'created':
      return { state: { waiting: {} }, lastState: previous };
    case 'running':
      return { state: { running: current.running }, lastState: previous };
    case 'terminated':
      return { state: { terminated: current.terminated }, lastState: previous };
    default: {
      const unreachable: never = current;
      return unreachable;
    }
  }
};

/** `started`: running, and the startup probe (if any) has succeeded for this instance. */
export const isStarted = (c: Container, v: ContainerView): boolean =>
  v.current?.kind === 'running' && (c.startupProbe === undefined || v.probes.startup === 'success');

/**
 * `ready`: regular init containers once they exited 0; others once started and their readiness probe (if any)
 * succeeded. Without a readiness probe the kubelet derives it from `started` at its next sync; an imported
 * object that showed the run not ready yet (`container-differ.ts :: notReadyYet`) records a readiness failure.
 * An ephemeral container is never ready: the prober manager sets `ready` only in the init and regular statuses
 * (`prober_manager.go :: UpdatePodStatus`), and `convertContainerStatus` leaves it false.
 */
const isReady = (c: Container, v: ContainerView, role: ContainerRole): boolean =>
  role === 'init'
    ? v.current?.kind === 'terminated' && v.current.terminated.exitCode === 0
    : role !== 'ephemeral' && isStarted(c, v) && (c.readinessProbe === undefined ? v.probes.readiness !== 'failure' : v.probes.readiness === 'success');

/**
 * The image as the runtime reports it once a container exists: containerd (whose repo digests look like
 * `docker.io/library/nginx@sha256:…`) reports the normalised reference, `docker.io/library/nginx:1.25`;
 * before that, or from another runtime, the spec's reference as written.
 */
// Every regeneration reports each container's image: the parsed forms are remembered, not re-derived.
const isContainerdID = memoized(isContainerdImageID);
const normalized = memoized(normalizedImage);
const reportedImage = (image: string, imageID: string): string => (isContainerdID(imageID) ? normalized(image) : image);

/** Which state a status shows (`stateOf`'s choice, keep in step): a failed (re)start that is due shows as waiting. */
const shownKind = (v: ContainerView, restartDue: boolean): 'waiting' | 'running' | 'terminated' => {
  const current = v.current;
  if ((v.failure !== undefined && restartDue) || current === undefined || current.kind === 'created') return 'waiting';
  return current.kind;
};

/** The termination a status shows as `lastState` (`stateOf`'s choice): a due failure moves a terminated instance there. */
const shownLast = (v: ContainerView, restartDue: boolean): ContainerStateTerminated | undefined =>
  v.failure !== undefined && restartDue && v.current?.kind === 'terminated' ? v.current.terminated : v.previous;

/**
 * What the phase, the conditions and TerminatePod read of a container status. A regeneration builds only
 * these; the whole status (image, IDs, resources, mounts) is built when the pod is read.
 */
export type StatusFacts = Pick<ContainerStatus, 'name' | 'state' | 'lastState' | 'ready' | 'started'>;

// Facts are read (which state, exit codes), never kept nor shown: a waiting or running state, or no last
// state, is one object for all of them (the whole status has its own).
const WAITING: ContainerState = Object.freeze({ waiting: Object.freeze({}) });
const RUNNING: ContainerState = Object.freeze({ running: Object.freeze({}) });
const NO_STATE: ContainerState = Object.freeze({});

export const statusFactsOf: StatusBuilder<StatusFacts> = (c, v, role, restartDue) => {
  const kind = shownKind(v, restartDue);
  const current = v.current;
  const state = kind === 'terminated' && current?.kind === 'terminated' ? { terminated: current.terminated } : kind === 'running' ? RUNNING : WAITING;
  const last = shownLast(v, restartDue);
  return { name: c.name, state, lastState: last === undefined ? NO_STATE : { terminated: last }, ready: isReady(c, v, role), started: isStarted(c, v) };
};

/** `kubecontainer.MaxPodTerminationMessageLogLength`: the bytes of termination messages one pod's status holds. */
const MAX_POD_TERMINATION_MESSAGE_BYTES = 12 * 1024;

/** `status_manager.go :: normalizeStatus`: an equal share of that budget for each container, init and ephemeral ones included. */
const messageBytesPerStatus = (spec: PodSpec): number => {
  const containers = spec.containers.length + (spec.initContainers?.length ?? 0) + (spec.ephemeralContainers?.length ?? 0);
  return containers > 0 ? Math.floor(MAX_POD_TERMINATION_MESSAGE_BYTES / containers) : MAX_POD_TERMINATION_MESSAGE_BYTES;
};

/** A terminated state whose message is longer (in Go bytes) than its share, cut to it, as every status the kubelet writes is. */
const withinShare = (state: ContainerState, bytes: number): ContainerState => {
  const terminated = state.terminated;
  if (terminated?.message === undefined) return state;
  const message = goPrefix(terminated.message, bytes);
  return message === terminated.message ? state : { terminated: { ...terminated, message } };
};

/**
 * The runtime reported an instance whose fields the status shows: one it lists, or a removed one whose
 * terminated status the kubelet copied (it keeps its container ID: `containers.ts :: removed`).
 */
const reportedInstance = (v: ContainerView): boolean => v.instances > 0 && (v.current !== undefined || v.containerID !== undefined);

export const containerStatusOf: StatusBuilder<ContainerStatus> = (c, v, role, restartDue, spec) => {
  const shown = stateOf(v, restartDue, spec);
  const share = messageBytesPerStatus(spec);
  const state = withinShare(shown.state, share);
  const lastState = withinShare(shown.lastState, share);
  const reported = reportedInstance(v);
  const imageID = reported ? (v.imageID ?? '') : '';
  const status: ContainerStatus = {
    name: c.name,
    state,
    lastState,
    ready: isReady(c, v, role),
    // a removed instance is counted at once (`convertToAPIContainerStatuses`: `oldStatus.RestartCount + 1`)
    restartCount: removedInstance(v) ? v.instances : Math.max(0, v.instances - 1),
    image: reported && v.image !== undefined ? v.image : reportedImage(c.image ?? '', imageID),
    imageID,
  };
  if (v.containerID !== undefined) status.containerID = v.containerID;
  // `started` too is the prober manager's, written in the init and regular statuses only
  if (role !== 'ephemeral') status.started = isStarted(c, v);
  if (reported) {
    const runtime = runtimeStatusFields(c, spec.securityContext);
    if (runtime.allocatedResources !== undefined) status.allocatedResources = runtime.allocatedResources;
    if (runtime.resources !== undefined) status.resources = runtime.resources;
    const user = v.user ?? runtime.user;
    if (user !== undefined) status.user = user;
  }
  const mounts = volumeMountStatuses(c);
  if (mounts !== undefined) status.volumeMounts = mounts;
  return status;
};

/**
 * Whether a container's facts (`StatusFacts`: which state, its exit code, the last termination's, ready,
 * started) differ between views `x` and `y`, read off the views without building either (a container event
 * asks this before regenerating the status).
 */
export const statusFactsDiffer = (c: Container, role: ContainerRole, x: ContainerView, xDue: boolean, y: ContainerView, yDue: boolean): boolean => {
  const kind = shownKind(x, xDue);
  if (kind !== shownKind(y, yDue) || isReady(c, x, role) !== isReady(c, y, role) || isStarted(c, x) !== isStarted(c, y)) return true;
  // a terminated state's exit code: the kind is terminated only with a terminated current instance
  if (kind === 'terminated' && x.current?.kind === 'terminated' && y.current?.kind === 'terminated' && x.current.terminated.exitCode !== y.current.terminated.exitCode) return true;
  const lastX = shownLast(x, xDue);
  const lastY = shownLast(y, yDue);
  return lastX === undefined || lastY === undefined ? lastX !== lastY : lastX.exitCode !== lastY.exitCode;
};

/**
 * What `status.ts :: kubeletStatus` decides from one regular container of a pod whose init containers, if any, are
 * done with (exited 0, or sidecars running and started) and did not change, that has no `RestartAllContainers` rule
 * and is not terminal (`status.ts :: decidedAlike`), as one of six classes:
 * - running, ready or not: `couldHaveRunningContainers` and getPhase's `running` read the state, the
 *   ContainersReady generator (and Ready from it) reads `ready`, which only a running container can be;
 * - waiting with no last termination: getPhase's `waiting` (Pending);
 * - stopped and restartable (`phase.ts :: restartable` of the termination shown as its state, or as its
 *   lastState while it waits): getPhase counts it stopped, not in `stoppedNotRestartable`, so the pod is Running
 *   whatever its exit code (`succeeded` is read only when every stopped container is not restartable or the pod
 *   is terminal); that it shows terminated rather than waiting changes nothing either: `hasPodInitialized`
 *   (TerminatePod) counts both as attempted, and `GeneratePodInitializedCondition` reads it only for a pod with
 *   init containers not done with;
 * - stopped for good after exit 0 (terminated: getPhase's `succeeded`), and stopped for good otherwise.
 * Not `started`: getPhase and the generators read it for sidecars only. TerminatePod's marks
 * (ContainerStatusUnknown) change only the container statuses, which are built from the view when read: with no
 * init container left to run the conditions of a terminal phase read no container (PodCompleted, PodFailed,
 * Initialized True).
 */
export type RegularDecision = 'running-ready' | 'running' | 'waiting' | 'stopped-restartable' | 'succeeded' | 'stopped-for-good';

export const regularDecision = (c: Container, spec: PodSpec, v: ContainerView, restartDue: boolean): RegularDecision => {
  const kind = shownKind(v, restartDue);
  if (kind === 'running') return isReady(c, v, 'regular') ? 'running-ready' : 'running';
  const current = v.current;
  const ended = kind === 'terminated' && current?.kind === 'terminated' ? current.terminated : shownLast(v, restartDue);
  if (ended === undefined) return 'waiting';
  if (restartable(c, spec, ended)) return 'stopped-restartable';
  return kind === 'terminated' && ended.exitCode === 0 ? 'succeeded' : 'stopped-for-good';
};

/** TerminatePod's record for a container that cannot have finished normally once the pod is over. */
export const unknownTermination = <S extends StatusFacts>(s: S): S => ({
  ...s,
  state: {
    terminated: {
      exitCode: 137,
      reason: 'ContainerStatusUnknown',
      message: 'The container could not be located when the pod was terminated',
    },
  },
  ready: false,
  started: false,
});

/** Whether `a` and `b` would give different statuses (the fields `containerStatusOf` reads; keep in step). */
export const statusDiffers = (a: ContainerView, b: ContainerView): boolean =>
  a.instances !== b.instances ||
  a.current !== b.current ||
  a.previous !== b.previous ||
  !sameContainerID(a, b) ||
  a.failure !== b.failure ||
  a.waiting !== b.waiting ||
  a.probes.startup !== b.probes.startup ||
  a.probes.readiness !== b.probes.readiness ||
  (b.instances > 0 && (a.imageID !== b.imageID || a.image !== b.image || a.user !== b.user));
