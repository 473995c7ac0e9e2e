/**
 * A pod's phase from its spec and container statuses: `pkg/kubelet/kubelet_pods.go :: getPhase`, with the
 * branches of the gates `ContainerRestartRules` and `RestartAllContainersOnContainerExits` (on in v1.36) left
 * out: they differ only for container-level restart fields, which podjournal refuses (`src/manifest/decode.ts`).
 */
import type { Container, ContainerStatus, PodPhase, V1Pod } from './pod.js';
import { isSidecar } from './pod.js';

export interface PhaseOptions {
  /** The kubelet will run nothing more in this pod (deleted, evicted, or every container finished). */
  readonly podIsTerminal?: boolean;
  /** Some regular container has started in the current sandbox (`HasAnyActiveRegularContainerStarted`). */
  readonly podHasInitialized?: boolean;
}

/** Succeeded or Failed: the kubelet runs nothing more, and the phase never changes again. */
export const isTerminalPhase = (phase: PodPhase | undefined): boolean => phase === 'Succeeded' || phase === 'Failed';

/** `kubernetes.io/config.source` other than `api` marks a static pod (`kubetypes.IsStaticPod`). */
export const isStaticPod = (pod: V1Pod): boolean => {
  const source = pod.metadata.annotations?.['kubernetes.io/config.source'];
  return source !== undefined && source !== 'api';
};

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

export const phaseFrom = (
  pod: V1Pod,
  initStatuses: readonly (PhaseFacts | undefined)[],
  statuses: readonly (PhaseFacts | undefined)[],
  opts: PhaseOptions = {},
): PodPhase => {
  const { podIsTerminal = false, podHasInitialized = false } = opts;
  const policy = pod.spec.restartPolicy ?? 'Always';
  const inits = pod.spec.initContainers ?? [];

  let pendingInit = 0;
  let failedInit = 0;
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i];
    if (c === undefined || isSidecar(c)) continue;
    const s = initStatuses[i];
    const state = s?.state;
    if (state?.running !== undefined) pendingInit++;
    else if (state?.terminated !== undefined) failedInit += state.terminated.exitCode !== 0 ? 1 : 0;
    else if (state?.waiting !== undefined && s?.lastState?.terminated !== undefined) {
      failedInit += s.lastState.terminated.exitCode !== 0 ? 1 : 0;
    } else pendingInit++;
  }

  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
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
      if (state.terminated.exitCode === 0) succeeded++;
    } else if (state.waiting !== undefined) {
      if (s.lastState?.terminated !== undefined) stopped++;
      else waiting++;
    } else unknown++;
  }

  if (failedInit > 0 && policy === 'Never') return 'Failed';
  if (pendingInit > 0 || (pendingSidecars > 0 && !podHasInitialized) || waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    // TODO upstream (#116484): static pods are exempt from the terminal branch.
    if (podIsTerminal && !isStaticPod(pod)) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    return policy === 'Never' ? 'Failed' : 'Running';
  }
  return 'Pending';
};
