/**
 * `--sort-by=PATH` (`kubectl/pkg/cmd/get/sorter.go`): objects ordered by the first value the relaxed JSONPath
 * finds in each (`RuntimeSort.Less`, `TableSorter.Less`), compared as `isLess` compares the decoded JSON's
 * values: numbers by value; two strings that both parse as quantities by quantity (`64Mi` before `1Gi`, `100m`
 * before `0.5`), other strings byte by byte (`pod-10` before `pod-2`: kubectl dropped its natural order in
 * v1.31); objects without the field first. A path no object has is refused (`NewTableSorter`, `SortObjects`),
 * as are values `isLess` cannot order (booleans, objects, lists, a number against a string). kubectl sorts with
 * Go's `sort.Sort`, which is not stable: equal values keep the list order up to 12 objects, past that they come
 * out as its quicksort leaves them (`goSort`, fed the list order and kubectl's `Less`).
 */
import * as E from 'fp-ts/lib/Either.js';
import { compareQuantities, isQuantity } from '../k8s/quantity.js';
import { compareStrings, goSort } from './go-sort.js';
import { relaxedPath, valueFinder } from './jsonpath.js';

type SortKey = string | number;

export interface SortOptions {
  /**
   * The objects are a table's rows (get's own table, plain or wide: `RuntimeSorter` over the server's Table,
   * `NewTableSorter`), not a list printed as json, yaml, name, jsonpath or custom columns (`SortingPrinter`,
   * `SortObjects`): the two paths word their errors differently.
   */
  readonly table: boolean;
}

/** sorter.go :: NewTableSorter's words for a row the path fails on: Go's %#v of FindResults' nil and of the error. */
const tableSorterFailure = (field: string, message: string): string =>
  `Failed to get values for [][]reflect.Value(nil) using ${field} (&errors.errorString{s:${JSON.stringify(message)}})`;

/** isLess over two values of one type (a mixed pair is refused before sorting, as isLess refuses it). */
const compareKeys = (a: SortKey, b: SortKey): number => {
  if (typeof a === 'string' && typeof b === 'string') return isQuantity(a) && isQuantity(b) ? compareQuantities(a, b) : compareStrings(a, b);
  return Number(a) - Number(b);
};

const typeName = (v: unknown): string => (Array.isArray(v) ? 'list' : v === null ? 'null' : typeof v);

const isSortKey = (v: unknown): v is SortKey => typeof v === 'string' || typeof v === 'number';

/**
 * `items` ordered by the value at `path` in each one's served form; a malformed, absent or unsortable path is
 * refused. Each object's key is the first value found (`values[0][0]`), a JSON null included: null counts as
 * found and sorts before any other value (`isLess`' nil interface).
 */
export const sortByPath = <T>(items: readonly T[], path: string, served: (item: T) => unknown, opts: SortOptions): E.Either<string, T[]> => {
  const relaxed = relaxedPath(path);
  // get.go :: NewRuntimeSorter: for a table, a path RelaxedJSONPathExpression refuses is used as it is written
  if (E.isLeft(relaxed) && !opts.table) return relaxed;
  const field = E.isRight(relaxed) ? relaxed.right : path;
  const finder = valueFinder(field);
  if (E.isLeft(finder)) return opts.table ? E.left(`sorting error: ${finder.left}`) : finder;
  const found = E.traverseArray((item: T) => finder.right(served(item)))(items);
  if (E.isLeft(found)) return opts.table ? E.left(tableSorterFailure(field, found.left)) : found;
  const keyed = items.map((item, i) => ({ item, values: found.right[i] ?? [] }));
  if (items.length > 0 && keyed.every((k) => k.values.length === 0)) return E.left(`couldn't find any field with path "${field}" in the list of objects`);
  const firsts = keyed.flatMap((k) => (k.values.length > 0 ? [k.values[0]] : []));
  const unsortable = firsts.find((v) => v !== null && !isSortKey(v));
  if (unsortable !== undefined) return E.left(`the values at ${field} are of a type kubectl cannot sort: ${typeName(unsortable)}`);
  const present = firsts.filter(isSortKey);
  if (present.some((v) => typeof v !== typeof present[0])) return E.left(`the values at ${field} mix numbers and strings, which kubectl cannot sort`);
  const sortable = keyed.map(({ item, values }) => ({ item, found: values.length > 0, key: isSortKey(values[0]) ? values[0] : null }));
  return E.right(goSort(sortable, kubectlLess).map((k) => k.item));
};

/**
 * `RuntimeSort.Less`, `TableSorter.Less`: an object without the field is less than any, itself included; then
 * `isLess`: a null before a value, two nulls equal.
 */
const kubectlLess = (x: { readonly found: boolean; readonly key: SortKey | null }, y: { readonly found: boolean; readonly key: SortKey | null }): boolean => {
  if (!x.found) return true;
  if (!y.found) return false;
  if (x.key === null || y.key === null) return x.key === null && y.key !== null;
  return compareKeys(x.key, y.key) < 0;
};
