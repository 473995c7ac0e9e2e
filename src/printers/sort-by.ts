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
import { findValues, relaxedPath } from './jsonpath.js';

type SortKey = string | number;

/** isLess over two values of one type (a mixed pair is refused before sorting, as isLess refuses it). */
const compareKeys = (a: SortKey, b: SortKey): number => {
  if (typeof a === 'string' && typeof b === 'string') return isQuantity(a) && isQuantity(b) ? compareQuantities(a, b) : compareStrings(a, b);
  return Number(a) - Number(b);
};

const typeName = (v: unknown): string => (Array.isArray(v) ? 'list' : v === null ? 'null' : typeof v);

/** `items` ordered by the value at `path` in each one's served form; a malformed, absent or unsortable path is refused. */
export const sortByPath = <T>(items: readonly T[], path: string, served: (item: T) => unknown): E.Either<string, T[]> => {
  const parsed = relaxedPath(path);
  if (E.isLeft(parsed)) return parsed;
  const field = parsed.right;
  const found = E.traverseArray((item: T) => findValues(field, served(item)))(items);
  if (E.isLeft(found)) return found;
  const keyed = items.map((item, i) => ({ item, key: found.right[i]?.find((v) => v !== null) }));
  if (items.length > 0 && keyed.every((k) => k.key === undefined)) return E.left(`couldn't find any field with path "${field}" in the list of objects`);
  const unsortable = keyed.find((k) => k.key !== undefined && typeof k.key !== 'string' && typeof k.key !== 'number');
  if (unsortable !== undefined) return E.left(`the values at ${field} are of a type kubectl cannot sort: ${typeName(unsortable.key)}`);
  const present = keyed.flatMap((k) => (typeof k.key === 'string' || typeof k.key === 'number' ? [{ ...k, key: k.key }] : []));
  const mixed = present.find((k) => typeof k.key !== typeof present[0]?.key);
  if (mixed !== undefined) return E.left(`the values at ${field} mix numbers and strings, which kubectl cannot sort`);
  const sortable = keyed.map((k) => ({ item: k.item, key: typeof k.key === 'string' || typeof k.key === 'number' ? k.key : undefined }));
  return E.right(goSort(sortable, kubectlLess).map((k) => k.item));
};

/** `RuntimeSort.Less`, `TableSorter.Less`: an object without the field is less than any, itself included. */
const kubectlLess = (x: { readonly key?: SortKey }, y: { readonly key?: SortKey }): boolean =>
  x.key === undefined || (y.key !== undefined && compareKeys(x.key, y.key) < 0);
