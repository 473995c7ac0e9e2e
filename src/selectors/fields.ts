/**
 * Field selectors (`--field-selector`): `k8s.io/apimachinery/pkg/fields/selector.go :: ParseSelector`
 * (comma-separated terms `key=value`, `key==value`, `key!=value`; `\` escapes `,`, `=`, `!` and itself) over the
 * fields the API server lets a resource be selected by (for pods `pkg/registry/core/pod/strategy.go ::
 * PodToSelectableFields`); any other field is refused as the API server's field label conversion refuses it.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { V1Pod } from '../k8s/pod.js';

export interface FieldRequirement {
  readonly field: string;
  readonly operator: '=' | '!=';
  readonly value: string;
}

/** Each field a resource can be selected by, and how it reads from an object. */
export type SelectableFields<T> = Readonly<Record<string, (object: T) => string>>;

/**
 * The field labels a v1 Pod selector may name (`pkg/apis/core/v1/conversion.go :: addConversionFuncs`, any other
 * is "field label not supported"), each read as PodToSelectableFields sets it. `status.podIP` is the first of
 * `status.podIPs` (a pod written before v1.16 has only podIP, which the API server's conversion makes podIPs[0]);
 * `status.podIPs` is accepted but not in the set, so it reads as empty; `spec.host` is converted to `spec.nodeName`
 * for old v1 clients.
 */
/**
 * The fields every namespaced object can be selected by, apiserver `registry/generic/matcher.go ::
 * AddObjectMetaFieldsSet` (hasNamespaceField); metrics-server selects PodMetrics by these alone
 * (`pkg/api/filter.go :: filterPartialObjectMetadata`), any other field reading as empty.
 */
export const objectMetaFields: SelectableFields<V1Pod> = {
  'metadata.name': (p) => p.metadata.name ?? '',
  'metadata.namespace': (p) => p.metadata.namespace ?? 'default',
};

export const podFields: SelectableFields<V1Pod> = {
  ...objectMetaFields,
  'spec.nodeName': (p) => p.spec.nodeName ?? '',
  'spec.host': (p) => p.spec.nodeName ?? '',
  'spec.restartPolicy': (p) => p.spec.restartPolicy ?? '',
  'spec.schedulerName': (p) => p.spec.schedulerName ?? '',
  'spec.serviceAccountName': (p) => p.spec.serviceAccountName ?? '',
  'spec.hostNetwork': (p) => String(p.spec.hostNetwork ?? false),
  'status.phase': (p) => p.status?.phase ?? '',
  'status.podIP': (p) => p.status?.podIPs?.[0]?.ip ?? p.status?.podIP ?? '',
  'status.podIPs': () => '',
  'status.nominatedNodeName': (p) => p.status?.nominatedNodeName ?? '',
};

/** Why a field selector is refused: its syntax (`invalid`), or a field the resource cannot be selected by. */
export interface FieldSelectorError {
  readonly reason: 'invalid' | 'unsupported';
  readonly message: string;
}

/** Splits on unescaped `sep`, keeping escapes (selector.go :: splitTerms). */
const splitTerms = (text: string): string[] => {
  const terms: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '\\' && i + 1 < text.length) {
      current += ch + (text[++i] ?? '');
    } else if (ch === ',') {
      terms.push(current);
      current = '';
    } else current += ch;
  }
  terms.push(current);
  return terms;
};

/**
 * selector.go :: UnescapeValue: `\\`, `\,` and `\=` stand for the character; any other escape, a final `\`,
 * and an unescaped `=` are refused, in the Go words (UnescapedRune prints the rune's code with %v).
 */
const unescapeValue = (s: string): E.Either<string, string> => {
  let value = '';
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=') return E.left(`invalid field selector: invalid escape sequence: \\${c}`);
      value += c;
      inSlash = false;
    } else if (c === '\\') inSlash = true;
    else if (c === ',' || c === '=') return E.left(`invalid field selector: unescaped character in value: ${c.codePointAt(0) ?? 0}`);
    else value += c;
  }
  return inSlash ? E.left('invalid field selector: invalid escape sequence: \\') : E.right(value);
};

/**
 * selector.go :: splitTerm: the term cut at its first operator, `!=` and `==` before `=`, escaped or not (Go looks
 * for none there: an escaped `=` in the value is refused by UnescapeValue); the field as written.
 */
const splitTerm = (term: string): { readonly field: string; readonly operator: FieldRequirement['operator']; readonly rhs: string } | undefined => {
  for (let i = 0; i < term.length; i++) {
    for (const [op, operator] of [['!=', '!='], ['==', '='], ['=', '=']] as const) {
      if (term.startsWith(op, i)) return { field: term.slice(0, i), operator, rhs: term.slice(i + op.length) };
    }
  }
  return undefined;
};

/**
 * The requirements a field selector states, as fields/selector.go :: ParseSelector reads it (kubectl's own parse,
 * `top pod`): the terms sorted and parsed in that order; a term with no operator is refused, naming the whole
 * selector and the term. The empty selector has none and matches everything.
 */
export const parseFieldTerms = (text: string): E.Either<FieldSelectorError, FieldRequirement[]> => {
  if (text.trim() === '') return E.right([]);
  const out: FieldRequirement[] = [];
  // Go's sort.StringSlice: byte order, which UTF-16 order is for the ASCII that field selectors are written in.
  for (const term of splitTerms(text).sort()) {
    if (term === '') continue;
    const split = splitTerm(term);
    if (split === undefined) return E.left({ reason: 'invalid', message: `invalid selector: '${text}'; can't understand '${term}'` });
    const value = unescapeValue(split.rhs);
    if (E.isLeft(value)) return E.left({ reason: 'invalid', message: value.left });
    out.push({ field: split.field, operator: split.operator, value: value.right });
  }
  return E.right(out);
};

/**
 * The requirements of a field selector over `selectable`, as the API server reads one: `parseFieldTerms`, then the
 * label conversion refuses the first field, in the sorted order, the resource cannot be selected by
 * (handlers/get.go :: ListResource, Selector.Transform).
 */
export const parseFieldSelector = (text: string, selectable: SelectableFields<never>): E.Either<FieldSelectorError, FieldRequirement[]> =>
  E.chain((out: FieldRequirement[]): E.Either<FieldSelectorError, FieldRequirement[]> => {
    const unsupported = out.find((r) => !(r.field in selectable));
    return unsupported === undefined ? E.right(out) : E.left({ reason: 'unsupported', message: `field label not supported: ${unsupported.field}` });
  })(parseFieldTerms(text));

export const fieldsMatch = <T>(requirements: readonly FieldRequirement[], selectable: SelectableFields<T>, object: T): boolean =>
  requirements.every((r) => {
    const read = selectable[r.field];
    const actual = read === undefined ? '' : read(object);
    return r.operator === '=' ? actual === r.value : actual !== r.value;
  });
