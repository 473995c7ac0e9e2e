/**
 * A pod's phase from its spec and container statuses: `pkg/kubelet/kubelet_pods.go :: getPhase` with the
 * branches of the gates `ContainerRestartRules` and `RestartAllContainersOnContainerExits` (both on in v1.36):
 * a stopped container counts as restarting by `ContainerShouldRestart` or by a termination reason
 * `RestartingAllContainers`. For a pod without container-level restart fields this is the pod-policy rule, but
 * for a container waiting after exit 0 under `OnFailure` (not restarting, never succeeded: Failed, not Running).
 */
import type { Container, ContainerStatus, PodPhase, PodSpec, V1Pod } from './pod.js';
import { isSidecar } from './pod.js';
import { containerShouldRestart, RESTARTING_ALL_CONTAINERS } from './restart-rules.js';
import { isStaticPod } from './static-pods.js';

export interface PhaseOptions {
  /** The kubelet will run nothing more in this pod (deleted, evicted, or every container finished). */
  readonly podIsTerminal?: boolean;
  /** Some regular container has started in the current sandbox (`HasAnyActiveRegularContainerStarted`). */
  readonly podHasInitialized?: boolean;
}

/** Succeeded or Failed: the kubelet runs nothing more, and the phase never changes again. */
export const isTerminalPhase = (phase: PodPhase | undefined): boolean => phase === 'Succeeded' || phase === 'Failed';

/** The first status of each name over init and regular statuses, as `podutil.GetContainerStatus` finds it. */
const statusesByName = (pod: V1Pod): ReadonlyMap<string, ContainerStatus> => {
  const byName = new Map<string, ContainerStatus>();
  for (const s of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) {
    if (!byName.has(s.name)) byName.set(s.name, s);
  }
  return byName;
};

/** The kubelet's pod phase; `restartPolicy` defaults to Always as the API server's defaulting does. */
export const phaseOf = (pod: V1Pod, opts: PhaseOptions = {}): PodPhase => {
  const statuses = statusesByName(pod);
  const inSpecOrder = (containers: readonly Container[]) => containers.map((c) => statuses.get(c.name));
  return phaseFrom(pod, inSpecOrder(pod.spec.initContainers ?? []), inSpecOrder(pod.spec.containers), opts);
};

/**
 * getPhase over statuses in spec order: `initStatuses[i]` belongs to `spec.initContainers[i]` and
 * `statuses[i]` to `spec.containers[i]` (undefined: no status). The reducers build them that way.
 */
/** What getPhase reads of a container status. */
export type PhaseFacts = Pick<ContainerStatus, 'state' | 'lastState' | 'started'>;

type Terminated = NonNullable<NonNullable<ContainerStatus['state']>['terminated']>;

/** The gates' restartable test of a terminated container in getPhase. */
export const restartable = (c: Container, spec: PodSpec, terminated: Terminated): boolean =>
  containerShouldRestart(c, spec, terminated.exitCode) || terminated.reason === RESTARTING_ALL_CONTAINERS;

/** A regular init container's finished run: terminated, or waiting after one; else it is pending. */
const endedRun = (s: PhaseFacts | undefined): Terminated | undefined => {
  const state = s?.state;
  if (state?.running !== undefined) return undefined;
  if (state?.terminated !== undefined) return state.terminated;
  return state?.waiting !== undefined ? s?.lastState?.terminated : undefined;
};

export const phaseFrom = (
  pod: V1Pod,
  initStatuses: readonly (PhaseFacts | undefined)[],
  statuses: readonly (PhaseFacts | undefined)[],
  opts: PhaseOptions = {},
): PodPhase => {
  const { podIsTerminal = false, podHasInitialized = false } = opts;
  const spec = pod.spec;
  const inits = spec.initContainers ?? [];

  let pendingInit = 0;
  let failedInitNotRestartable = 0;
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i];
    if (c === undefined || isSidecar(c)) continue;
    const ended = endedRun(initStatuses[i]);
    if (ended === undefined) pendingInit++;
    else if (ended.exitCode !== 0 && !restartable(c, spec, ended)) failedInitNotRestartable++;
  }

  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let stoppedNotRestartable = 0;
  let succeeded = 0;
  let pendingSidecars = 0;
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i];
    if (c === undefined || !isSidecar(c)) continue;
    const s = initStatuses[i];
    if (s === undefined) {
      unknown++;
      continue;
    }
    const state = s.state;
    if (state?.running !== undefined) {
      running++;
      if (s.started !== true) pendingSidecars++;
    } else if (state?.terminated !== undefined) {
      // a stopped sidecar never decides the phase
    } else if (state?.waiting !== undefined) {
      if (s.lastState?.terminated === undefined) {
        waiting++;
        pendingSidecars++;
      }
    } else {
      unknown++;
      pendingSidecars++;
    }
  }
  const containers = pod.spec.containers;
  for (let i = 0; i < containers.length; i++) {
    const c = containers[i];
    if (c === undefined) continue;
    const s = statuses[i];
    const state = s?.state;
    if (s === undefined || state === undefined) unknown++;
    else if (state.running !== undefined) running++;
    else if (state.terminated !== undefined) {
      stopped++;
      if (!restartable(c, spec, state.terminated)) stoppedNotRestartable++;
      if (state.terminated.exitCode === 0) succeeded++;
    } else if (state.waiting !== undefined) {
      const last = s.lastState?.terminated;
      if (last === undefined) waiting++;
      else {
        // a crash-looping container is stopped, never succeeded
        stopped++;
        if (!restartable(c, spec, last)) stoppedNotRestartable++;
      }
    } else unknown++;
  }

  if (failedInitNotRestartable > 0) return 'Failed';
  if (pendingInit > 0 || (pendingSidecars > 0 && !podHasInitialized) || waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    // TODO upstream (#116484): static pods are exempt from the terminal branch.
    if (podIsTerminal && !isStaticPod(pod)) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (stopped !== stoppedNotRestartable) return 'Running'; // some container is being restarted
    return stopped === succeeded ? 'Succeeded' : 'Failed';
  }
  return 'Pending';
};
