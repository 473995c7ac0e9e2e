/**
 * Which containers the kubelet wants to (re)start now (`kuberuntime_manager.go :: computePodActions`):
 * regular init containers one at a time, each to exit 0 before the next; sidecars in their place, the next
 * waiting until the sidecar is started; then the regular containers and any sidecar that died.
 */
import { isStarted, willRestart } from '../lifecycle.js';
import type { ContainerBook, PodBook } from '../state.js';

/** Some regular container has started in this pod (`podHasInitialized`): init order no longer gates anything. */
const initialized = (pod: PodBook): boolean => pod.containers.some((c) => c.role === 'regular' && c.instances > 0);

/** The next init-phase container to start, `'wait'` while one is still running or starting, or `'done'`. */
const nextInit = (pod: PodBook): ContainerBook | 'wait' | 'done' => {
  for (const c of pod.containers) {
    const inst = c.current;
    switch (c.role) {
      case 'regular':
        return 'done';
      case 'init':
        if (inst?.exit?.code === 0) continue;
        if (inst === undefined) return c;
        if (inst.exit === undefined) return 'wait';
        return willRestart(pod, c) ? c : 'wait';
      case 'sidecar':
        if (isStarted(pod, c)) continue;
        return inst === undefined || inst.exit !== undefined ? c : 'wait';
      default: {
        const never: never = c.role;
        return never;
      }
    }
  }
  return 'done';
};

const needsStart = (pod: PodBook, c: ContainerBook): boolean =>
  c.current === undefined || (c.current.exit !== undefined && willRestart(pod, c));

export const containersToStart = (pod: PodBook): ContainerBook[] => {
  if (!initialized(pod)) {
    const next = nextInit(pod);
    if (next === 'wait') return [];
    if (next !== 'done') return [next];
  }
  return pod.containers.filter((c) => c.role !== 'init' && needsStart(pod, c));
};
