/**
 * One pod's line of `kubectl get pods`, before the clock is read: what the table, `-o wide`, `-o name`, the
 * NAMESPACE and label columns and a label selector need of the pod, and nothing else. The head table keeps
 * these instead of whole pods, so that `get pods` at the end reads about a tenth of a pod's bytes per row.
 */
import type { V1Pod } from '../k8s/pod.js';
import { isKnownOnlyFromEvents } from '../k8s/inferred-annotation.js';
import { kubectlRowFacts, kubectlWideCells, type KubectlRowFacts, type KubectlWideCells } from './pod-row.js';

export interface PodTableRow {
  /** As the pod names it ('' when unset; selectors and the NAMESPACE column read it as kubectl does). */
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly facts: KubectlRowFacts;
  readonly wide: KubectlWideCells;
  /** The pod's object was never captured: its row is what its Events say. */
  readonly inferred: boolean;
  /** The row rests on facts an import inferred after the pod's last capture (`restsOnInferred` of the fold). */
  readonly sinceCapture: boolean;
}

/** The row of a pod; `sinceCapture` when its state rests on facts inferred after its object's last capture. */
export const podTableRow = (pod: V1Pod, sinceCapture = false): PodTableRow => ({
  namespace: pod.metadata.namespace ?? '',
  labels: pod.metadata.labels ?? {},
  facts: kubectlRowFacts(pod),
  wide: kubectlWideCells(pod),
  inferred: isKnownOnlyFromEvents(pod),
  sinceCapture,
});
