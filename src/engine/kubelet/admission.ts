/**
 * The kubelet's first steps for a pod bound to its node: admission (`eviction_manager.go :: Admit` under
 * memory pressure), then the sandbox with a deterministic pod IP.
 */
import type { Event } from '../../events/index.js';
import { isCriticalPod } from '../../eviction/index.js';
import { qosClassOf } from '../../k8s/qos.js';
import { aboutPod } from '../emit.js';
import type { NodeBook, PodBook } from '../state.js';
import { MEMORY_PRESSURE_TAINT, tolerationFor } from '../../k8s/tolerations.js';
import type { VirtualMs } from '../world.js';

/** Under MemoryPressure only BestEffort pods that do not tolerate the memory-pressure taint are refused; critical pods always pass. */
export const admit = (pod: PodBook, node: NodeBook, now: VirtualMs): Event => {
  const subject = aboutPod(now, 'kubelet', pod.ref);
  const refused =
    node.memoryPressure &&
    !isCriticalPod(pod.manifest) &&
    qosClassOf(pod.manifest) === 'BestEffort' &&
    tolerationFor(pod.spec, MEMORY_PRESSURE_TAINT, 'NoSchedule') === undefined;
  if (refused) {
    const message = 'The node had condition: [MemoryPressure]. ';
    return { type: 'PodRejected', ...subject, node: node.name, reason: 'Evicted', message };
  }
  return { type: 'PodAdmitted', ...subject, node: node.name, ...(node.internalIP === undefined ? {} : { hostIP: node.internalIP }) };
};

/**
 * Pod IPs from a per-node /24 in registration order (`10.244.<node>.<n>`), as a pod CIDR allocator would hand them
 * out. A host-network sandbox gets none (the runtime sets up no pod network for it): the kubelet shows the node's
 * IPs instead (`kubelet_pods.go :: generateAPIPodStatus`).
 */
export const sandbox = (pod: PodBook, node: NodeBook, now: VirtualMs): Event => {
  if (pod.spec.hostNetwork === true) return { type: 'SandboxCreated', ...aboutPod(now, 'runtime', pod.ref), podIP: '' };
  const podIP = `10.244.${node.index}.${node.sandboxes + 2}`;
  return { type: 'SandboxCreated', ...aboutPod(now, 'runtime', pod.ref), podIP, podIPs: [podIP] };
};
