/** Which of a pod's tolerations matches a taint (`core/v1/toleration.go :: ToleratesTaint`). */
import type { PodSpec } from '../k8s/pod.js';

export type Toleration = NonNullable<PodSpec['tolerations']>[number];
export type TaintEffect = 'NoSchedule' | 'NoExecute';

/** A node taint (`v1.Taint`); the node-lifecycle taints the engine sets carry no value. */
export interface Taint {
  readonly key: string;
  readonly value?: string;
  readonly effect: string;
}

export const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';
export const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';
export const MEMORY_PRESSURE_TAINT = 'node.kubernetes.io/memory-pressure';

/**
 * `ToleratesTaint`: an empty effect or key matches any; `Exists` matches any value, `Equal` (or no operator)
 * only the taint's own value. `Lt` and `Gt` compare numbers only with the gate TaintTolerationComparisonOperators
 * (alpha since v1.35, off in v1.36): with it off they match nothing, as any other operator.
 */
export const toleratesTaint = (t: Toleration, taint: Taint): boolean => {
  if ((t.effect ?? '') !== '' && t.effect !== taint.effect) return false;
  if ((t.key ?? '') !== '' && t.key !== taint.key) return false;
  switch (t.operator ?? '') {
    case '':
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
};

/** The first of the pod's tolerations that tolerates the value-less taint `key` with `effect`. */
export const tolerationFor = (spec: PodSpec, key: string, effect: TaintEffect): Toleration | undefined =>
  (spec.tolerations ?? []).find((t) => toleratesTaint(t, { key, effect }));
