/** Small questions the checks ask of a folded pod: its phase, container statuses, conditions, spec containers. */
import type { Container, ContainerStatus, V1Pod } from '../k8s/pod.js';
import { isSidecar } from '../k8s/pod.js';
import type { PodState } from '../reducers/index.js';

export const phaseOfState = (s: PodState | undefined): string | undefined => s?.pod.status?.phase;

export const isTerminalPhase = (phase: string | undefined): boolean => phase === 'Succeeded' || phase === 'Failed';

/** Init and regular container statuses together (names are unique in a pod). */
export const statusesOf = (s: PodState | undefined): readonly ContainerStatus[] => [
  ...(s?.pod.status?.initContainerStatuses ?? []),
  ...(s?.pod.status?.containerStatuses ?? []),
];

/** The status (`True`/`False`/`Unknown`) of a condition, if the pod has it. */
export const conditionOf = (s: PodState | undefined, type: string): string | undefined =>
  s?.pod.status?.conditions?.find((c) => c.type === type)?.status;

export type Role = 'init' | 'sidecar' | 'regular';

export interface SpecEntry {
  readonly container: Container;
  readonly role: Role;
}

/** Each spec container by name, with its role. */
export const specEntries = (pod: V1Pod): ReadonlyMap<string, SpecEntry> =>
  new Map([
    ...(pod.spec.initContainers ?? []).map((c): [string, SpecEntry] => [c.name, { container: c, role: isSidecar(c) ? 'sidecar' : 'init' }]),
    ...pod.spec.containers.map((c): [string, SpecEntry] => [c.name, { container: c, role: 'regular' }]),
  ]);
