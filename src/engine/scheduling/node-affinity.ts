/**
 * A pod's required node affinity: its `nodeSelector` and `affinity.nodeAffinity.
 * requiredDuringSchedulingIgnoredDuringExecution`, as the scheduler's NodeAffinity filter and the kubelet's
 * admission both read them (`component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go ::
 * GetRequiredNodeAffinity, RequiredNodeAffinity.Match`), and the node names its `metadata.name` fields pin
 * it to (`pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go :: PreFilter`).
 */
import * as E from 'fp-ts/lib/Either.js';
import type { NodeSelectorTerm, PodSpec } from '../../k8s/pod.js';
import { newRequirement, requirementMatches, type Labels, type Operator, type Requirement } from '../../selectors/requirement.js';

export interface AffinityNode {
  readonly name: string;
  readonly labels: Labels;
}

/** `metav1.ObjectNameField`: the one node field a term can select on (`extractNodeFields`). */
const NAME_FIELD = 'metadata.name';

/** `nodeSelectorRequirementsAsSelector`: the API's operators as `selection.Operator`s. */
const labelOperators: Readonly<Record<string, Operator>> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!', Gt: 'gt', Lt: 'lt' };

type FieldRequirement = { readonly key: string; readonly value: string; readonly equal: boolean };

/** A parsed term, or undefined when a requirement does not parse (`newNodeSelectorTerm`'s `parseErrs`). */
interface ParsedTerm {
  readonly labels?: readonly Requirement[];
  readonly fields?: readonly FieldRequirement[];
}

const labelRequirement = (r: { readonly key: string; readonly operator: string; readonly values?: readonly string[] }): Requirement | undefined => {
  const operator = Object.hasOwn(labelOperators, r.operator) ? labelOperators[r.operator] : undefined;
  if (operator === undefined) return undefined;
  const parsed = newRequirement(r.key, operator, r.values ?? []);
  return E.isRight(parsed) ? parsed.right : undefined;
};

/** `nodeSelectorRequirementsAsFieldSelector`: In and NotIn with exactly one value, unchecked otherwise. */
const fieldRequirement = (r: { readonly key: string; readonly operator: string; readonly values?: readonly string[] }): FieldRequirement | undefined => {
  const [value, ...more] = r.values ?? [];
  if (value === undefined || more.length > 0 || (r.operator !== 'In' && r.operator !== 'NotIn')) return undefined;
  return { key: r.key, value, equal: r.operator === 'In' };
};

const parsedAll = <A, B>(items: readonly A[], parse: (a: A) => B | undefined): B[] | undefined => {
  const out: B[] = [];
  for (const item of items) {
    const parsed = parse(item);
    if (parsed === undefined) return undefined;
    out.push(parsed);
  }
  return out;
};

const parseTerm = (term: NodeSelectorTerm): ParsedTerm | undefined => {
  const expressions = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  const labels = expressions.length === 0 ? undefined : parsedAll(expressions, labelRequirement);
  const fieldReqs = fields.length === 0 ? undefined : parsedAll(fields, fieldRequirement);
  if ((expressions.length > 0 && labels === undefined) || (fields.length > 0 && fieldReqs === undefined)) return undefined;
  return { ...(labels === undefined ? {} : { labels }), ...(fieldReqs === undefined ? {} : { fields: fieldReqs }) };
};

/**
 * `nodeSelectorTerm.match`: every label requirement, and every field one when the node has a name (a field
 * selector's `Get` reads a missing field as ""). A term that does not parse matches nothing.
 */
const termMatches = (term: ParsedTerm, node: AffinityNode): boolean => {
  if (term.labels !== undefined && !term.labels.every((r) => requirementMatches(r, node.labels))) return false;
  if (term.fields === undefined || node.name === '') return true;
  return term.fields.every((f) => ((f.key === NAME_FIELD ? node.name : '') === f.value) === f.equal);
};

/** `isEmptyNodeSelectorTerm`: a term without requirements selects nothing and is left out. */
const isEmptyTerm = (term: NodeSelectorTerm): boolean => (term.matchExpressions ?? []).length === 0 && (term.matchFields ?? []).length === 0;

/** `RequiredNodeAffinity.Match`: the node selector's labels (`SelectorFromSet`), then any one of the required terms (ORed). */
export const requiredNodeAffinityMatches = (spec: PodSpec, node: AffinityNode): boolean => {
  if (!Object.entries(spec.nodeSelector ?? {}).every(([k, v]) => Object.hasOwn(node.labels, k) && node.labels[k] === v)) return false;
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required === undefined) return true;
  return (required.nodeSelectorTerms ?? []).some((term) => {
    if (isEmptyTerm(term)) return false;
    const parsed = parseTerm(term);
    return parsed !== undefined && termMatches(parsed, node);
  });
};

/** `node_affinity.go :: errReasonConflict`: every term pins the pod to names that its other requirements exclude. */
export const AFFINITY_TERMS_CONFLICT = 'pod affinity terms conflict';

/**
 * `node_affinity.go :: PreFilter`'s result: the node names the required terms pin the pod to (each term's
 * `metadata.name In` requirements intersected, the terms united); `all` when some term names no node (the
 * terms are ORed, so any node may do), `none` when the names cancel out (`errReasonConflict`).
 */
export type PinnedNodes = { readonly kind: 'all' } | { readonly kind: 'none' } | { readonly kind: 'some'; readonly names: ReadonlySet<string> };

export const pinnedNodes = (spec: PodSpec): PinnedNodes => {
  const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  if (terms.length === 0) return { kind: 'all' };
  const names = new Set<string>();
  for (const term of terms) {
    let termNames: Set<string> | undefined;
    for (const r of term.matchFields ?? []) {
      if (r.key !== NAME_FIELD || r.operator !== 'In') continue;
      const values = new Set(r.values ?? []);
      termNames = termNames === undefined ? values : new Set([...termNames].filter((n) => values.has(n)));
    }
    if (termNames === undefined) return { kind: 'all' };
    for (const n of termNames) names.add(n);
  }
  return names.size === 0 ? { kind: 'none' } : { kind: 'some', names };
};
