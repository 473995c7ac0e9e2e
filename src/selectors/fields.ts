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

/** PodToSelectableFields: each selectable field and how it reads from a pod. */
export const podFields: SelectableFields<V1Pod> = {
  'metadata.name': (p) => p.metadata.name ?? '',
  'metadata.namespace': (p) => p.metadata.namespace ?? 'default',
  'spec.nodeName': (p) => p.spec.nodeName ?? '',
  'spec.restartPolicy': (p) => p.spec.restartPolicy ?? '',
  'spec.schedulerName': (p) => p.spec.schedulerName ?? '',
  'spec.serviceAccountName': (p) => p.spec.serviceAccountName ?? '',
  'spec.hostNetwork': (p) => String(p.spec.hostNetwork ?? false),
  'status.phase': (p) => p.status?.phase ?? '',
  'status.podIP': (p) => p.status?.podIP ?? '',
  'status.nominatedNodeName': (p) => p.status?.nominatedNodeName ?? '',
};

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

const unescape = (s: string): string => s.replace(/\\(.)/g, '$1');

/** selector.go :: splitTerm: the first unescaped operator, `!=` and `==` before `=`. */
const parseTerm = (term: string, selectable: SelectableFields<never>): E.Either<string, FieldRequirement> => {
  for (let i = 0; i < term.length; i++) {
    if (term[i] === '\\') {
      i++;
      continue;
    }
    for (const [op, operator] of [['!=', '!='], ['==', '='], ['=', '=']] as const) {
      if (term.startsWith(op, i)) {
        const field = unescape(term.slice(0, i));
        if (!(field in selectable)) return E.left(`field label not supported: ${field}`);
        return E.right({ field, operator, value: unescape(term.slice(i + op.length)) });
      }
    }
  }
  return E.left(`invalid selector: '${term}'; can't understand '${term}'`);
};

/** The requirements of a field selector over `selectable`; the empty selector has none and matches everything. */
export const parseFieldSelector = (text: string, selectable: SelectableFields<never>): E.Either<string, FieldRequirement[]> => {
  if (text.trim() === '') return E.right([]);
  const out: FieldRequirement[] = [];
  for (const term of splitTerms(text)) {
    if (term === '') continue;
    const parsed = parseTerm(term, selectable);
    if (E.isLeft(parsed)) return parsed;
    out.push(parsed.right);
  }
  return E.right(out);
};

export const fieldsMatch = <T>(requirements: readonly FieldRequirement[], selectable: SelectableFields<T>, object: T): boolean =>
  requirements.every((r) => {
    const read = selectable[r.field];
    const actual = read === undefined ? '' : read(object);
    return r.operator === '=' ? actual === r.value : actual !== r.value;
  });
