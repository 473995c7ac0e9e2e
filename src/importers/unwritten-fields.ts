/**
 * Which optional status fields a captured object's kubelet (or scheduler) did not write, where the object shows a
 * place v1.36's writes one (`kubelet_pods.go :: generateAPIPodStatus`, `convertToAPIContainerStatuses`):
 * `observedGeneration` on the status and its conditions (gate PodObservedGenerationTracking, v1.34), `podIPs` beside
 * `podIP` (v1.16, dual-stack), `hostIPs`
 * beside `hostIP` (v1.28), and in container statuses `started` (v1.16; on init
 * containers' since v1.28), `volumeMounts` for a container that
 * mounts volumes (RecursiveReadOnlyMounts, v1.30), and for one the runtime reported `resources`,
 * `allocatedResources` when it requests any (InPlacePodVerticalScaling) and `user` (SupplementalGroupsPolicy, v1.31); the
 * pod-level `resources`, and `allocatedResources` when the pod requests any (`convertStatusToAPIStatus`, gate
 * InPlacePodLevelResourcesVerticalScaling, beta and on by default in v1.36).
 */
import type { StatusField } from '../events/index.js';
import type { Container, ContainerStatus, V1Pod } from '../k8s/pod.js';
import { podRequests } from '../k8s/pod-resources.js';
import { kubeletConditionTypes } from './pod-differ.js';

/** One field's verdict: `undefined` when the object shows no place the field would be. */
type Verdict = readonly [StatusField, boolean | undefined];

/** The runtime reported this instance: the status names its container (`kubelet_pods.go :: convertToAPIContainerStatuses`). */
const reported = (s: ContainerStatus): boolean => s.containerID != null && s.containerID !== '';

/** Whether some status of `places` shows `key`; undefined when there are none. */
const shownIn = (places: readonly ContainerStatus[], key: keyof ContainerStatus): boolean | undefined =>
  places.length === 0 ? undefined : places.some((s) => s[key] != null);

const verdicts = (pod: V1Pod): Verdict[] => {
  const status = pod.status ?? {};
  const specs = new Map<string, Container>([...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => [c.name, c]));
  const inits = status.initContainerStatuses ?? [];
  const regular = status.containerStatuses ?? [];
  const statuses = [...inits, ...regular];
  const runs = statuses.filter(reported);
  const mounting = statuses.filter((s) => (specs.get(s.name)?.volumeMounts?.length ?? 0) > 0);
  const requesting = runs.filter((s) => Object.keys(specs.get(s.name)?.resources?.requests ?? {}).length > 0);
  const conditions = status.conditions ?? [];
  const kubeletWrote = kubeletConditionTypes(pod) !== undefined;
  return [
    ['observedGeneration', kubeletWrote ? status.observedGeneration != null : undefined],
    ['conditions[].observedGeneration', conditions.length === 0 ? undefined : conditions.some((c) => c.observedGeneration != null)],
    ['podIPs', status.podIP == null ? undefined : status.podIPs != null],
    ['hostIPs', status.hostIP == null ? undefined : status.hostIPs != null],
    ['initContainerStatuses[].started', shownIn(inits, 'started')],
    ['containerStatuses[].started', shownIn(regular, 'started')],
    ['containerStatuses[].allocatedResources', shownIn(requesting, 'allocatedResources')],
    ['containerStatuses[].resources', shownIn(runs, 'resources')],
    ['containerStatuses[].user', shownIn(runs, 'user')],
    ['containerStatuses[].volumeMounts', shownIn(mounting, 'volumeMounts')],
    // v1.36's kubelet writes both with every status (`convertStatusToAPIStatus`), `allocatedResources` when the pod requests something
    ['resources', kubeletWrote ? status.resources != null : undefined],
    ['allocatedResources', kubeletWrote && Object.keys(podRequests(pod.spec)).length > 0 ? status.allocatedResources != null : undefined],
  ];
};

/** The fields the object's kubelet (or scheduler) did not write; a field the object shows no place for keeps `before`'s verdict (the previous capture's list). */
export const unwrittenFieldsOf = (pod: V1Pod, before: readonly StatusField[]): StatusField[] =>
  verdicts(pod).flatMap(([field, written]) => ((written ?? !before.includes(field)) ? [] : [field]));
