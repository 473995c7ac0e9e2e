/**
 * The Priority admission plugin (`plugin/pkg/admission/priority/admission.go :: admitPod`): `spec.priority`
 * from `priorityClassName`, and `spec.preemptionPolicy` from the class (`PreemptLowerPriority` for the
 * system classes and for the default when no class is named).
 * We know only the two built-in system classes. For any other class name, or none, we keep a
 * `spec.priority` the manifest gives and use 0 otherwise: a real cluster would look the class up (and
 * reject an unknown one), but manifests written for clusters with custom classes should still load.
 */
import type { V1Pod } from '../k8s/pod.js';
import type { FieldError } from './errors.js';

/** `scheduling.SystemPriorityClasses()`. */
export const systemPriorityClasses: Readonly<Record<string, number>> = {
  'system-cluster-critical': 2_000_000_000,
  'system-node-critical': 2_000_001_000,
};

const PREEMPT_LOWER_PRIORITY = 'PreemptLowerPriority';

/** The plugin's refusal of a pod-given `spec.FIELD` that contradicts its class. */
const refuse = (field: string, message: string): { error: FieldError } => ({ error: { path: ['spec', field], message } });

/** The pod with `spec.priority` and `spec.preemptionPolicy` resolved, or the admission plugin's refusal. */
export const admitPriority = (pod: V1Pod): { pod: V1Pod } | { error: FieldError } => {
  const className = pod.spec.priorityClassName;
  const classValue = className === undefined ? undefined : systemPriorityClasses[className];
  const given = pod.spec.priority;
  if (classValue !== undefined && given !== undefined && given !== classValue) {
    return refuse('priority', `the integer value of priority (${given}) must not be provided in pod spec; priority admission controller computed ${classValue} from the given PriorityClass name`);
  }
  const policy = pod.spec.preemptionPolicy;
  if (classValue !== undefined && policy !== undefined && policy !== PREEMPT_LOWER_PRIORITY) {
    return refuse('preemptionPolicy', `the string value of PreemptionPolicy (${policy}) must not be provided in pod spec; priority admission controller computed ${PREEMPT_LOWER_PRIORITY} from the given PriorityClass name`);
  }
  return {
    pod: { ...pod, spec: { ...pod.spec, priority: given ?? classValue ?? 0, preemptionPolicy: policy ?? PREEMPT_LOWER_PRIORITY } },
  };
};
