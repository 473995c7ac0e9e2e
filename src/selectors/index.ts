/** Kubernetes label selectors: parse (`-l`), match, and print. */
import * as E from 'fp-ts/lib/Either.js';
import type { V1Pod } from '../k8s/pod.js';
import type { Labels, Operator, Requirement } from './requirement.js';
import { newRequirement, requirementMatches, requirementString, sortedByKey } from './requirement.js';

export { parseSelector } from './parser.js';
export { newRequirement, requirementMatches, requirementString };
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

/** A metav1.LabelSelector as written in an object: equality labels and set-based expressions. */
export interface LabelSelectorSpec {
  readonly matchLabels?: Labels;
  readonly matchExpressions?: readonly { readonly key: string; readonly operator: string; readonly values?: readonly string[] }[];
}

const expressionOperators: Readonly<Record<string, Operator>> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };

/**
 * `metav1.FormatLabelSelector`: the selector's requirements sorted by key, `<none>` when it has none and
 * `<error>` when a requirement is invalid.
 */
export const formatLabelSelector = (spec: LabelSelectorSpec): string => {
  const wanted = [
    ...Object.entries(spec.matchLabels ?? {}).map(([key, value]) => newRequirement(key, '=', [value])),
    ...(spec.matchExpressions ?? []).map((e) => {
      const op = expressionOperators[e.operator];
      return op === undefined ? E.left(`"${e.operator}" is not a valid label selector operator`) : newRequirement(e.key, op, [...(e.values ?? [])]);
    }),
  ];
  if (wanted.some(E.isLeft)) return '<error>';
  const requirements = wanted.filter(E.isRight).map((r) => r.right);
  const text = selectorString(sortedByKey(requirements));
  return text === '' ? '<none>' : text;
};
export { parseFieldSelector, parseFieldTerms, fieldsMatch, objectMetaFields, podFields, type FieldRequirement, type FieldSelectorError, type SelectableFields } from './fields.js';
