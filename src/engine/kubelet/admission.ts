/**
 * The kubelet's first steps for a pod bound to its node: admission (`eviction_manager.go :: Admit` under
 * node pressure, then `lifecycle/predicate.go`'s OS, resources, required node affinity and host ports), then the sandbox with a deterministic pod IP.
 */
import type { Event } from '../../events/index.js';
import { isCriticalPod } from '../../eviction/index.js';
import { qosClassOf } from '../../k8s/qos.js';
import { aboutPod } from '../emit.js';
import type { EngineState, NodeBook, PodBook } from '../state.js';
import { insufficientResources, NODE_AFFINITY_MISMATCH, type InsufficientResource } from '../scheduling/fit.js';
import { activePodsOn } from './active.js';
import { hostPortsFree, NODE_PORTS_TAKEN } from '../scheduling/host-ports.js';
import { requiredNodeAffinityMatches } from '../scheduling/node-affinity.js';
import { MEMORY_PRESSURE_TAINT, tolerationFor } from '../../k8s/tolerations.js';
import type { VirtualMs } from '../world.js';

/**
 * `eviction_manager.go :: Admit`: the refusal's message while the eviction manager holds node conditions. A
 * critical pod always passes; under MemoryPressure alone a pod that is not BestEffort, or tolerates the
 * memory-pressure taint, passes; any other condition (DiskPressure, PIDPressure) refuses every other pod.
 * `nodeConditionMessageFmt` prints the list as Go's `%v` does: `[MemoryPressure DiskPressure]`.
 */
const pressureRefusal = (pod: PodBook, node: NodeBook): string | undefined => {
  const conditions = node.pressures;
  if (conditions.length === 0 || isCriticalPod(pod.manifest)) return undefined;
  const memoryOnly = conditions.length === 1 && conditions[0] === 'MemoryPressure';
  const spared = qosClassOf(pod.manifest) !== 'BestEffort' || tolerationFor(pod.spec, MEMORY_PRESSURE_TAINT, 'NoSchedule') !== undefined;
  return memoryOnly && spared ? undefined : `The node had condition: [${conditions.join(' ')}]. `;
};

/** The kubelet's `runtime.GOOS`: podj's nodes are Linux nodes. */
const KUBELET_OS = 'linux';

/**
 * `predicate.go :: Admit`'s first checks, which preemption cannot help. `rejectPodAdmissionBasedOnOSSelector`
 * sets the node's `kubernetes.io/os` label to the kubelet's own OS whatever it says, so only the pod's label
 * counts: present and another OS. `rejectPodAdmissionBasedOnOSField`: a `spec.os.name` other than the kubelet's.
 */
const osFailure = (pod: PodBook): { reason: string; message: string } | undefined => {
  const label = pod.manifest.metadata.labels?.['kubernetes.io/os'];
  if (label !== undefined && label !== KUBELET_OS) {
    return { reason: 'PodOSSelectorNodeLabelDoesNotMatch', message: "Failed to admit pod as the `kubernetes.io/os` label doesn't match node label" };
  }
  if (pod.spec.os !== undefined && pod.spec.os.name !== KUBELET_OS) return { reason: 'PodOSNotSupported', message: "Failed to admit pod as the OS field doesn't match node OS" };
  return undefined;
};

/** `lifecycle/predicate.go`: the reason constants `OutOfcpu`, `OutOfmemory`, `OutOfpods`. */
const outOf = (r: InsufficientResource): { reason: string; message: string } => ({
  reason: `OutOf${r.resource}`,
  message: `Node didn't have enough resource: ${r.resource}, requested: ${r.requested}, used: ${r.used}, capacity: ${r.capacity}`,
});

/**
 * `lifecycle/predicate.go :: predicateAdmitHandler.Admit`: the pod's OS, then `generalFilter` →
 * `scheduler.AdmissionCheck`: the resources first (against the kubelet's active pods, `active.ts`), then the node selector and required node
 * affinity (`GetRequiredNodeAffinity(pod).Match`), then the host ports (`nodeports.Fits`); only the first
 * failure is the rejection's reason. A pod bound by `spec.nodeName` never met the scheduler, so this is where
 * it fails. A critical pod that does not fit makes the kubelet preempt others
 * (`preemption.go :: HandleAdmissionFailure`), not simulated: it is admitted and no victim is evicted.
 */
const predicateFailure = (pod: PodBook, node: NodeBook, admitted: readonly PodBook[]): { reason: string; message: string } | undefined => {
  const os = osFailure(pod);
  if (os !== undefined) return os;
  const short = isCriticalPod(pod.manifest) ? undefined : insufficientResources(pod, node, admitted)[0];
  if (short !== undefined) return outOf(short);
  if (!requiredNodeAffinityMatches(pod.spec, node)) return { reason: 'NodeAffinity', message: `Predicate NodeAffinity failed: ${NODE_AFFINITY_MISMATCH}` };
  if (!hostPortsFree(pod.spec, admitted.map((p) => p.spec))) return { reason: 'NodePorts', message: `Predicate NodePorts failed: ${NODE_PORTS_TAKEN}` };
  return undefined;
};

/** The kubelet's admit handlers in their order (`kubelet.go :: NewMainKubelet`): the eviction manager's, then the predicates'. */
export const admit = (state: EngineState, pod: PodBook, node: NodeBook, now: VirtualMs): Event => {
  const subject = aboutPod(now, 'kubelet', pod.ref);
  const message = pressureRefusal(pod, node);
  if (message !== undefined) {
    return { type: 'PodRejected', ...subject, node: node.name, reason: 'Evicted', message };
  }
  // HandlePodAdditions → canAdmitPod(GetActivePods()): a terminal pod still being terminated keeps its room
  const admitted = activePodsOn(state, node.name).filter((p) => p.ref.uid !== pod.ref.uid);
  const failure = predicateFailure(pod, node, admitted);
  if (failure !== undefined) return { type: 'PodRejected', ...subject, node: node.name, ...failure };
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
