/** Pods the kubelet never evicts: static, mirror and system-critical pods (`pkg/kubelet/types/pod_update.go`). */
import type { V1Pod } from '../k8s/pod.js';
import { isMirrorPod, isStaticPod } from '../k8s/static-pods.js';

/** `scheduling.SystemCriticalPriority`: the lowest priority that makes a pod critical. */
export const SYSTEM_CRITICAL_PRIORITY = 2_000_000_000;

/**
 * `IsCriticalPod`: static, mirror, or `spec.priority` ≥ 2000000000. Like the kubelet it reads the resolved
 * `spec.priority` only; `src/manifest/` fills it from `priorityClassName` when a pod is created.
 */
export const isCriticalPod = (pod: V1Pod): boolean =>
  isStaticPod(pod) || isMirrorPod(pod) || (pod.spec.priority ?? 0) >= SYSTEM_CRITICAL_PRIORITY;
