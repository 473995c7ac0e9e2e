/**
 * The kubelet's active pods (`kubelet.go :: GetActivePods` → `kubelet_pods.go :: filterOutInactivePods`), the set
 * both admission (`HandlePodAdditions` → `canAdmitPod`) and the eviction manager (`podFunc`) count on.
 */
import { hasLiveContainer, podTerminal } from '../lifecycle.js';
import { podsBoundTo, type EngineState, type PodBook } from '../state.js';

/**
 * The pod worker has finished terminating it (`pod_workers.go :: IsPodKnownTerminated`): it was being deleted or
 * was over (evicted, past its deadline, finished) and no container of it runs any more.
 */
const terminationDone = (p: PodBook): boolean => (p.deletion !== undefined || podTerminal(p)) && !hasLiveContainer(p);

/**
 * Every admitted pod the pod manager still holds (a removed object has left it, `HandlePodRemoves`) but those
 * whose termination is done: a terminal pod whose termination is still under way stays
 * (`IsPodTerminationRequested`), so a pod being deleted, evicted, past its deadline or finished while a container
 * of it (a sidecar, a process ignoring SIGTERM) still runs keeps its room and can be evicted. A rejected pod was
 * never admitted.
 */
export const activePodsOn = (state: EngineState, node: string): PodBook[] =>
  podsBoundTo(state, node).filter((p) => p.admitted && !p.removed && !terminationDone(p));
