/**
 * The Priority admission plugin (`plugin/pkg/admission/priority`): `spec.priority` from `priorityClassName`.
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

/** The pod with `spec.priority` resolved, or the admission plugin's refusal. */
export const admitPriority = (pod: V1Pod): { pod: V1Pod } | { error: FieldError } => {
  const className = pod.spec.priorityClassName;
  const classValue = className === undefined ? undefined : systemPriorityClasses[className];
  const given = pod.spec.priority;
  if (classValue !== undefined && given !== undefined && given !== classValue) {
    return {
      error: {
        path: ['spec', 'priority'],
        message: `the integer value of priority (${given}) must not be provided in pod spec; priority admission controller computed ${classValue} from the given PriorityClass name`,
      },
    };
  }
  return { pod: { ...pod, spec: { ...pod.spec, priority: given ?? classValue ?? 0 } } };
};
