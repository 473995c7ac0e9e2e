/**
 * The optional status fields an older kubelet did not write (`KubeletView.unwrittenFields`, from a capture):
 * the status the fold generates for such a pod leaves them out, as that cluster showed it.
 */
import type { StatusField } from '../events/vocabulary.js';
import type { ContainerStatus, PodCondition, V1Pod } from '../k8s/pod.js';
import type { KubeletView } from './kubelet-view.js';

/** Whether the view's kubelet writes `field` (v1.36's writes them all). */
export const writes = (view: KubeletView, field: StatusField): boolean => view.unwrittenFields === undefined || !view.unwrittenFields.includes(field);

/** The `observedGeneration` the view's kubelet and scheduler write on conditions of `pod`, if any. */
export const conditionGeneration = (view: KubeletView, pod: V1Pod): number | undefined =>
  writes(view, 'conditions[].observedGeneration') ? pod.metadata.generation : undefined;

/** The conditions without their `observedGeneration` (the same array when none has one). */
export const withoutObservedGenerations = (conditions: readonly PodCondition[]): readonly PodCondition[] =>
  conditions.some((c) => c.observedGeneration !== undefined)
    ? conditions.map((c) => {
        if (c.observedGeneration === undefined) return c;
        const { observedGeneration: _unwritten, ...written } = c;
        return written;
      })
    : conditions;

type OptionalField = 'started' | 'allocatedResources' | 'resources' | 'user' | 'volumeMounts';
const containerFields: readonly (readonly [StatusField, OptionalField])[] = [
  ['containerStatuses[].allocatedResources', 'allocatedResources'],
  ['containerStatuses[].resources', 'resources'],
  ['containerStatuses[].user', 'user'],
  ['containerStatuses[].volumeMounts', 'volumeMounts'],
];

/**
 * Container statuses (`init`: of init containers) without the fields the view's kubelet does not write (the same
 * list when it writes them all).
 */
export const writtenContainerStatuses = (view: KubeletView, statuses: ContainerStatus[], init: boolean): ContainerStatus[] => {
  if (view.unwrittenFields === undefined) return statuses;
  const started: StatusField = init ? 'initContainerStatuses[].started' : 'containerStatuses[].started';
  const unwritten: OptionalField[] = [...(writes(view, started) ? [] : ['started' as const]), ...containerFields.filter(([field]) => !writes(view, field)).map(([, key]) => key)];
  if (unwritten.length === 0) return statuses;
  return statuses.map((s) => {
    const written: ContainerStatus = { ...s };
    for (const key of unwritten) delete written[key];
    return written;
  });
};
