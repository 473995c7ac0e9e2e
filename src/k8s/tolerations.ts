/** Which of a pod's tolerations matches a taint (`core/v1/toleration.go :: ToleratesTaint`). */
import type { PodSpec } from './pod.js';

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

/**
 * `component-helpers/scheduling/corev1 :: FindMatchingUntoleratedTaint`: the first of the taints the filter keeps
 * (all of them without a filter) that no toleration tolerates, or undefined when every one is tolerated.
 */
export const findMatchingUntoleratedTaint = (
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
  inclusionFilter?: (taint: Taint) => boolean,
): Taint | undefined =>
  taints.find((taint) => (inclusionFilter === undefined || inclusionFilter(taint)) && !tolerations.some((t) => toleratesTaint(t, taint)));

/** The first of the pod's tolerations that tolerates the value-less taint `key` with `effect`. */
export const tolerationFor = (spec: PodSpec, key: string, effect: TaintEffect): Toleration | undefined =>
  (spec.tolerations ?? []).find((t) => toleratesTaint(t, { key, effect }));

/** `--default-not-ready-toleration-seconds` and `--default-unreachable-toleration-seconds`, both 300. */
export const DEFAULT_TOLERATION_SECONDS = 300;

/**
 * The tolerations the DefaultTolerationSeconds admission plugin (`plugin/pkg/admission/defaulttolerationseconds/
 * admission.go`) stores: a pod with no toleration of the `not-ready` or `unreachable` key (that key or none,
 * effect NoExecute or none), whatever its operator and value, gets one of that taint for 300 s.
 */
export const admittedTolerations = (tolerations: readonly Toleration[]): readonly Toleration[] => {
  const added = [NOT_READY_TAINT, UNREACHABLE_TAINT]
    .filter((key) => !tolerations.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect)))
    .map((key) => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS }));
  return added.length === 0 ? tolerations : [...tolerations, ...added];
};
