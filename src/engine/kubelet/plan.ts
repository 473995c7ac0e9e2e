/**
 * Which containers the kubelet wants to (re)start now (`kuberuntime_manager.go :: computePodActions`,
 * `computeInitContainerActions`): init containers are walked from the last one back, since the last one with
 * an instance tells how far initialization got; past that point only sidecars are kept running (an exited
 * one restarts, whatever the pod's policy). Regular containers start once the last init container has
 * completed (exit 0) or, a sidecar, runs and has started.
 */
import { isStarted, willRestart } from '../lifecycle.js';
import type { ContainerBook, PodBook } from '../state.js';

interface InitActions {
  /** Init containers and sidecars to start, in spec order. */
  readonly start: readonly ContainerBook[];
  /** Initialization is complete: the regular containers may start. */
  readonly initialized: boolean;
}

/** A regular container is created or running: the init containers ran once, even if the runtime lost them. */
const regularAlive = (pod: PodBook): boolean => pod.containers.some((c) => c.role === 'regular' && c.current !== undefined && c.current.exit === undefined);

/**
 * A container this very sync already started is not started again in it: `computePodActions` lists each
 * container once per `SyncPod`, so an instance that died meanwhile (its postStart hook failed and
 * `startContainer` killed it, or it exited at once) is restarted by a later sync, the one its PLEG relist
 * triggers (`kuberuntime_container.go :: startContainer` returns `ErrPostStartHook` after the kill).
 */
const startedBySync = (pod: PodBook, c: ContainerBook): boolean => c.current !== undefined && c.current.sync === pod.syncs;

/** `computeInitContainerActions`, for the starts (kills for probes are `unhealthyKills`'). */
const initActions = (pod: PodBook): InitActions => {
  const inits = pod.containers.filter((c) => c.role !== 'regular');
  if (inits.length === 0) return { start: [], initialized: true };
  let initialized = regularAlive(pod);
  let previouslyInitialized = initialized;
  const last = inits.length - 1;
  const start: ContainerBook[] = [];
  /** The init container after `i`: initialized for the first time, it is next. */
  const startNext = (i: number): void => {
    const next = inits[i + 1];
    if (next !== undefined) start.push(next);
  };
  for (let i = last; i >= 0; i--) {
    const c = inits[i];
    if (c === undefined) continue;
    const inst = c.current;
    if (inst === undefined) {
      // an earlier sidecar the walk has passed, with no instance: start it
      if (previouslyInitialized && c.role === 'sidecar') start.push(c);
      continue;
    }
    if (previouslyInitialized && c.role === 'init') continue;
    if (inst.exit === undefined) {
      // a running regular init container: wait for it; a sidecar counts once started, but not in the sync that
      // started it: `computePodActions` planned that sync from the runtime's state at its start
      if (c.role === 'sidecar' && isStarted(pod, c) && !startedBySync(pod, c)) {
        if (i === last) initialized = true;
        else if (!previouslyInitialized) startNext(i);
      }
    } else if (c.role === 'sidecar') {
      start.push(c);
    } else if (inst.exit.code !== 0) {
      // a failed init container: retried unless its own policy, else the pod's, is Never (then the pod is over)
      if (!willRestart(pod, c)) return { start: [], initialized: false };
      start.push(c);
    } else if (i === last) {
      initialized = true;
    } else {
      startNext(i);
    }
    previouslyInitialized = true;
  }
  // no init container has an instance yet: the first one
  const first = inits[0];
  if (!previouslyInitialized && first !== undefined) start.push(first);
  return { start: start.reverse(), initialized };
};

const needsStart = (pod: PodBook, c: ContainerBook): boolean =>
  c.current === undefined || (c.current.exit !== undefined && willRestart(pod, c));

export const containersToStart = (pod: PodBook): ContainerBook[] => {
  const init = initActions(pod);
  const wanted = init.initialized ? [...init.start, ...pod.containers.filter((c) => c.role === 'regular' && needsStart(pod, c))] : init.start;
  return wanted.filter((c) => !startedBySync(pod, c));
};
