/** Which of a pod's tolerations matches a taint (`v1.Toleration.ToleratesTaint`, for taints without a value). */
import type { PodSpec } from '../k8s/pod.js';

export type Toleration = NonNullable<PodSpec['tolerations']>[number];
export type TaintEffect = 'NoSchedule' | 'NoExecute';

export const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';
export const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';
export const MEMORY_PRESSURE_TAINT = 'node.kubernetes.io/memory-pressure';

/** An empty key with `Exists` tolerates every taint; an empty effect tolerates every effect. */
export const tolerationFor = (spec: PodSpec, key: string, effect: TaintEffect): Toleration | undefined =>
  (spec.tolerations ?? []).find(
    (t) => (t.key === key || ((t.key ?? '') === '' && t.operator === 'Exists')) && ((t.effect ?? '') === '' || t.effect === effect),
  );
