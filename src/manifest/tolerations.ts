/**
 * The DefaultTolerationSeconds admission plugin (`plugin/pkg/admission/defaulttolerationseconds/admission.go`):
 * a pod that does not already tolerate `not-ready` or `unreachable` NoExecute taints (a toleration with that key
 * or no key, and effect NoExecute or none) gets one for 300 s. The taint-based eviction of a lost node waits for it.
 */
import type { V1Pod } from '../k8s/pod.js';

export const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';
export const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';
/** `--default-not-ready-toleration-seconds` and `--default-unreachable-toleration-seconds`, both 300. */
export const DEFAULT_TOLERATION_SECONDS = 300;

type Toleration = NonNullable<V1Pod['spec']['tolerations']>[number];

const tolerates = (tolerations: readonly Toleration[], key: string): boolean =>
  tolerations.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect));

export const admitDefaultTolerations = (pod: V1Pod): V1Pod => {
  const tolerations = pod.spec.tolerations ?? [];
  const added = [NOT_READY_TAINT, UNREACHABLE_TAINT]
    .filter((key) => !tolerates(tolerations, key))
    .map((key) => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS }));
  return added.length === 0 ? pod : { ...pod, spec: { ...pod.spec, tolerations: [...tolerations, ...added] } };
};
