/**
 * The values a parsed JSONPath finds, client-go `util/jsonpath/jsonpath.go` (v0.36.3) :: walk and its eval
 * functions, over decoded JSON as kubectl holds an object, with missing keys allowed as kubectl get allows them
 * (`--allow-missing-template-keys`, default true). What client-go refuses (an index out of bounds, a subscript
 * on a map, a filter on a non-list, a comparison of mixed kinds) is an error with client-go's words.
 */
import * as E from 'fp-ts/lib/Either.js';
import { compareWith } from './go-compare.js';
import { GoFloat, goTypeName, goValue } from './go-fmt.js';
import type { PathList, PathNode, SliceBound } from './jsonpath-parse.js';

class EvalError extends Error {}

const isMap = (v: unknown): v is Readonly<Record<string, unknown>> => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof GoFloat);

/** A string's elements, as reflect indexes one: its UTF-8 bytes. */
const bytesOf = (s: string): number[] => [...Buffer.from(s, 'utf8')];

/** evalWildcard / evalRecursive: a map's values, a list's elements, a string's bytes; nothing for the rest. */
const membersOf = (v: unknown): unknown[] => {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return bytesOf(v);
  return isMap(v) ? Object.values(v) : [];
};

const evalField = (input: readonly unknown[], name: string): unknown[] =>
  input.flatMap((v) => (isMap(v) && Object.prototype.hasOwnProperty.call(v, name) ? [v[name]] : []));

/** evalArray: each list sliced `[start:end:step]`, a negative bound counted from the end, `[i]` as `[i:i+1]`. */
const evalArray = (input: readonly unknown[], bounds: readonly [SliceBound, SliceBound, SliceBound]): unknown[] => {
  const result: unknown[] = [];
  for (const value of input) {
    if (value === null) continue;
    if (!Array.isArray(value)) throw new EvalError(`${goTypeName(value)} is not array or slice`);
    const length = value.length;
    const [first, second, third] = bounds;
    let start = first.known ? first.value : 0;
    if (start < 0) start += length;
    let end = second.known ? second.value : length;
    if (end < 0 || (end === 0 && second.derived)) end += length;
    // "if you're requesting zero elements, allow it through": client-go returns what it has found so far
    if (end === start) return result;
    if (start >= length || start < 0) throw new EvalError(`array index out of bounds: index ${start}, length ${length}`);
    if (end > length || end < 0) throw new EvalError(`array index out of bounds: index ${end - 1}, length ${length}`);
    if (start > end) throw new EvalError(`starting index ${start} is greater than ending index ${end}`);
    if (third.known && third.value <= 0) throw new EvalError('step must be > 0');
    const step = third.known ? third.value : 1;
    for (let i = start; i < end; i += step) result.push(value[i]);
  }
  return result;
};

/** evalRecursive: each value that has members, then its members' own, depth first. */
const evalRecursive = (input: readonly unknown[]): unknown[] =>
  input.flatMap((value) => {
    const members = membersOf(value);
    return members.length === 0 ? [] : [value, ...evalRecursive(members)];
  });

/** The one value a side of a comparison finds; none skips the element, several are an error. */
const single = (values: readonly unknown[]): { readonly value: unknown } | undefined => {
  if (values.length > 1) throw new EvalError('can only compare one element at a time');
  return values.length === 0 ? undefined : { value: values[0] };
};

/**
 * How an identifier (`range`, `end`) is evaluated, wherever in a path it stands: client-go's evalIdentifier, which
 * counts ranges begun and ended in its JSONPath (`jsonpath.ts`); a value finder knows none.
 */
export type IdentifierEval = (input: readonly unknown[], name: string) => E.Either<string, unknown[]>;

const unrecognized: IdentifierEval = (_, name) => E.left(`unrecognized identifier ${name}`);

/** walk and the evaluations that walk again (filters, unions), identifiers evaluated by `identifier`. */
const pathWalker = (identifier: IdentifierEval): ((input: readonly unknown[], list: PathList) => unknown[]) => {
  /** Whether `[?(left)]` keeps an element: its left side finds something (an error there keeps it too, as in Go). */
  const exists = (element: unknown, left: PathList): boolean => {
    try {
      return evalList([element], left).length > 0;
    } catch (error) {
      if (error instanceof EvalError) return true;
      throw error;
    }
  };

  const passes = (element: unknown, filter: Extract<PathNode, { kind: 'filter' }>): boolean => {
    if (filter.operator === 'exists') return exists(element, filter.left);
    const left = single(evalList([element], filter.left));
    if (left === undefined) return false;
    const right = single(evalList([element], filter.right));
    if (right === undefined) return false;
    const pass = compareWith(filter.operator, left.value, right.value);
    if (E.isLeft(pass)) throw new EvalError(pass.left);
    return pass.right;
  };

  const evalFilter = (input: readonly unknown[], filter: Extract<PathNode, { kind: 'filter' }>): unknown[] =>
    input.flatMap((value) => {
      if (!Array.isArray(value)) throw new EvalError(`${goValue(value)} is not array or slice and cannot be filtered`);
      return value.filter((element) => passes(element, filter));
    });

  const walk = (input: readonly unknown[], node: PathNode): unknown[] => {
    switch (node.kind) {
      case 'list':
        return evalList(input, node);
      case 'text':
        return [node.text];
      case 'field':
        return evalField(input, node.name);
      case 'identifier': {
        const found = identifier(input, node.name);
        if (E.isLeft(found)) throw new EvalError(found.left);
        return found.right;
      }
      case 'array':
        return evalArray(input, node.bounds);
      case 'filter':
        return evalFilter(input, node);
      case 'int':
      case 'bool':
        return input.map(() => node.value);
      case 'float':
        return input.map(() => new GoFloat(node.value));
      case 'wildcard':
        return input.flatMap(membersOf);
      case 'recursive':
        return evalRecursive(input);
      case 'union':
        return node.members.flatMap((member) => evalList(input, member));
      default: {
        const unreachable: never = node;
        return unreachable;
      }
    }
  };

  const evalList = (input: readonly unknown[], list: PathList): unknown[] => list.nodes.reduce<unknown[]>((values, node) => walk(values, node), [...input]);
  return evalList;
};

/** What finds a path's values from `json`, or client-go's error, identifiers evaluated by `identifier`. */
export const pathEvaluator = (identifier: IdentifierEval): ((path: PathList, json: unknown) => E.Either<string, unknown[]>) => {
  const evalList = pathWalker(identifier);
  return (path, json) => {
    try {
      return E.right(evalList([json], path));
    } catch (error) {
      if (error instanceof EvalError) return E.left(error.message);
      throw error;
    }
  };
};

/** The values a path finds from `json`, or client-go's error; an identifier is one (a value finder's path has no range). */
export const evaluatePath = pathEvaluator(unrecognized);
