/** Kubernetes label selectors: parse (`-l`), match, and print. */
import type { V1Pod } from '../k8s/pod.js';
import type { Labels, Requirement } from './requirement.js';
import { requirementMatches, requirementString } from './requirement.js';

export { parseSelector } from './parser.js';
export { newRequirement, requirementMatches, requirementString } from './requirement.js';
export type { Labels, Operator, Requirement } from './requirement.js';

/** A selector matches when every requirement does; the empty selector matches everything. */
export const selectorMatches = (selector: readonly Requirement[], labels: Labels): boolean =>
  selector.every((r) => requirementMatches(r, labels));

/** The canonical text of a selector, requirements joined by commas. */
export const selectorString = (selector: readonly Requirement[]): string => selector.map(requirementString).join(',');

/** The pods `kubectl get pods [-n NS | -A] [-l SELECTOR]` would list: namespace undefined means all. */
export const selectPods = (
  pods: readonly V1Pod[],
  scope: { readonly namespace?: string; readonly selector?: readonly Requirement[] },
): V1Pod[] =>
  pods.filter(
    (p) =>
      (scope.namespace === undefined || (p.metadata.namespace ?? 'default') === scope.namespace) &&
      selectorMatches(scope.selector ?? [], p.metadata.labels ?? {}),
  );
