/**
 * The filter comparisons of kubectl's JSONPath, client-go `third_party/forked/golang/template/funcs.go` ::
 * Equal, Less and the operators built on them: two values of one basic kind (bool, int, float, string) compare,
 * a mixed pair (an int against a float, a number against a string) or a map, list or null is an error.
 */
import * as E from 'fp-ts/lib/Either.js';
import { GoFloat } from './go-fmt.js';

type Basic = { readonly kind: 'bool'; readonly value: boolean } | { readonly kind: 'int' | 'float'; readonly value: number } | { readonly kind: 'string'; readonly value: string };

const badType = 'invalid type for comparison';
const badComparison = 'incompatible types for comparison';

/** funcs.go :: basicKind. */
const basic = (v: unknown): E.Either<string, Basic> => {
  if (typeof v === 'boolean') return E.right({ kind: 'bool', value: v });
  if (typeof v === 'string') return E.right({ kind: 'string', value: v });
  if (typeof v === 'number') return E.right({ kind: Number.isInteger(v) ? 'int' : 'float', value: v });
  if (v instanceof GoFloat) return E.right({ kind: 'float', value: v.value });
  return E.left(badType);
};

const pair = (a: unknown, b: unknown): E.Either<string, readonly [Basic, Basic]> => {
  const x = basic(a);
  if (E.isLeft(x)) return x;
  const y = basic(b);
  if (E.isLeft(y)) return y;
  return x.right.kind === y.right.kind ? E.right([x.right, y.right] as const) : E.left(badComparison);
};

const equal = (a: unknown, b: unknown): E.Either<string, boolean> => E.map(([x, y]: readonly [Basic, Basic]) => x.value === y.value)(pair(a, b));

const less = (a: unknown, b: unknown): E.Either<string, boolean> =>
  E.chain(([x, y]: readonly [Basic, Basic]) => (x.kind === 'bool' ? E.left(badType) : E.right(x.value < y.value)))(pair(a, b));

const not = E.map((b: boolean) => !b);

/** funcs.go :: LessEqual: less, else equal (an error stops at less). */
const lessEqual = (a: unknown, b: unknown): E.Either<string, boolean> => {
  const lt = less(a, b);
  return E.isLeft(lt) || lt.right ? lt : equal(a, b);
};

/** jsonpath.go :: evalFilter's operators; any other is refused. */
export const compareWith = (operator: string, a: unknown, b: unknown): E.Either<string, boolean> => {
  switch (operator) {
    case '<':
      return less(a, b);
    case '>':
      return not(lessEqual(a, b));
    case '==':
      return equal(a, b);
    case '!=':
      return not(equal(a, b));
    case '<=':
      return lessEqual(a, b);
    case '>=':
      return not(less(a, b));
    default:
      return E.left(`unrecognized filter operator ${operator}`);
  }
};
