/** Pods the kubelet never evicts: static, mirror and system-critical pods (`pkg/kubelet/types/pod_update.go`). */
import type { V1Pod } from '../k8s/pod.js';

/** `scheduling.SystemCriticalPriority`: the lowest priority that makes a pod critical. */
export const SYSTEM_CRITICAL_PRIORITY = 2_000_000_000;

const CONFIG_SOURCE_ANNOTATION = 'kubernetes.io/config.source';
const CONFIG_MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

/** A pod whose config source is a file or URL rather than the API server (`IsStaticPod`). */
export const isStaticPod = (pod: V1Pod): boolean => {
  const source = pod.metadata.annotations?.[CONFIG_SOURCE_ANNOTATION];
  return source !== undefined && source !== 'api';
};

/** The API server's copy of a static pod (`IsMirrorPod`). */
export const isMirrorPod = (pod: V1Pod): boolean => pod.metadata.annotations?.[CONFIG_MIRROR_ANNOTATION] !== undefined;

/**
 * `IsCriticalPod`: static, mirror, or `spec.priority` ≥ 2000000000. Like the kubelet it reads the resolved
 * `spec.priority` only; `src/manifest/` fills it from `priorityClassName` when a pod is created.
 */
export const isCriticalPod = (pod: V1Pod): boolean =>
  isStaticPod(pod) || isMirrorPod(pod) || (pod.spec.priority ?? 0) >= SYSTEM_CRITICAL_PRIORITY;
