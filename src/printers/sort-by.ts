/**
 * `--sort-by=PATH` (`kubectl/pkg/cmd/get/sorter.go :: isLess`): objects ordered by the first value the relaxed
 * JSONPath finds; numbers by value, strings in natural order (`sortorder.NaturalLess`: runs of digits compare
 * as numbers), objects without the field first. The sort is stable, as kubectl's.
 */
import * as E from 'fp-ts/lib/Either.js';
import { findValues, relaxedPath } from './jsonpath.js';

const runs = (s: string): string[] => s.match(/\d+|\D+/g) ?? [];

/** sortorder.NaturalLess as a comparator. */
export const naturalCompare = (a: string, b: string): number => {
  const ra = runs(a);
  const rb = runs(b);
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const x = ra[i] ?? '';
    const y = rb[i] ?? '';
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const nx = x.replace(/^0+/, '');
      const ny = y.replace(/^0+/, '');
      if (nx.length !== ny.length) return nx.length - ny.length;
      if (nx !== ny) return nx < ny ? -1 : 1;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return ra.length - rb.length;
};

const compareValues = (a: unknown, b: unknown): number => {
  if (a === undefined || b === undefined) return a === undefined ? (b === undefined ? 0 : -1) : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const text = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
  return naturalCompare(text(a), text(b));
};


/** `items` ordered by the value at `path` in each one's served form; a malformed path is refused (`NewRuntimeSorter`). */
export const sortByPath = <T>(items: readonly T[], path: string, served: (item: T) => unknown): E.Either<string, T[]> =>
  E.map((p: string) => {
    const keyed = items.map((item) => ({ item, key: findValues(p, served(item))[0] }));
    return keyed.sort((x, y) => compareValues(x.key, y.key)).map((k) => k.item);
  })(relaxedPath(path));
