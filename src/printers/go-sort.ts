/** Go's string order (`sort.Strings`, `<` on strings): bytes, which is UTF-16 code-unit order for the ASCII names Kubernetes allows. */
export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A sorted copy, by a string key; ties keep their order. */
export const sortedBy = <T>(items: readonly T[], key: (item: T) => string): T[] =>
  [...items].sort((a, b) => compareStrings(key(a), key(b)));

/**
 * The API server's list order for namespaced objects: their storage keys (`/registry/pods/NAMESPACE/NAME`), in
 * etcd's byte order (`etcd3/store.go :: GetList` reads a key range; the watch cache keeps keys in the same order
 * for continuations). Namespace and name are joined by `/`, so a namespace that another one extends with `-`
 * (`argo`, `argo-events`) lists after it: `-` sorts before `/`.
 */
export const compareStorageKeys = (aNamespace: string, aName: string, bNamespace: string, bName: string): number =>
  aNamespace === bNamespace ? compareStrings(aName, bName) : compareStrings(`${aNamespace}/`, `${bNamespace}/`);

/**
 * Whether ordering by namespace, then name, gives the storage-key order for these namespaces: unless one of them
 * is another one followed by a character before `/` (in a DNS label: only `-`).
 */
export const namespaceOrderIsKeyOrder = (namespaces: ReadonlySet<string>): boolean => {
  for (const a of namespaces) for (const b of namespaces) if (b.length > a.length && b.startsWith(a) && b.charCodeAt(a.length) < 0x2f) return false;
  return true;
};

/** The indices Go's `sort.Interface` works on: `less(i, j)` and `swap(i, j)` over one slice. */
interface Indexed {
  readonly less: (i: number, j: number) => boolean;
  readonly swap: (i: number, j: number) => void;
}

/**
 * A sorted copy, as Go's `sort.Sort` orders it with `less` (src/sort/sort.go :: Sort, src/sort/zsortinterface.go
 * :: pdqsort and its helpers, ported line by line; Go 1.22 and later, which kubectl v1.36 is built with). Not
 * stable: up to 12 items it is an insertion sort (ties keep their order), above it pattern-defeating quicksort,
 * whose pivots, partitions and deterministic `breakPatterns` move ties. kubectl sorts with it where it calls
 * `sort.Sort` (`get --sort-by`: sorter.go :: SortObjects, TableSorter.Sort; `top`: metrics_printer.go), so ties
 * come out in its order only when sorted the same way from the same list order. `less` need not be a strict weak
 * order: kubectl's puts an item without the field before every item, itself included, and the port keeps every
 * comparison Go makes.
 */
export const goSort = <T>(items: readonly T[], less: (a: T, b: T) => boolean): T[] => {
  const data = [...items];
  const at = (i: number): T => data[i] as T;
  const n = data.length;
  if (n <= 1) return data;
  const indexed: Indexed = {
    less: (i, j) => less(at(i), at(j)),
    swap: (i, j) => {
      const x = at(i);
      data[i] = at(j);
      data[j] = x;
    },
  };
  pdqsort(indexed, 0, n, bitsLen(n));
  return data;
};

/** Go's `bits.Len`: the bits needed to write `n` (0 for 0). */
const bitsLen = (n: number): number => 32 - Math.clz32(n);

const insertionSort = (data: Indexed, a: number, b: number): void => {
  for (let i = a + 1; i < b; i++) for (let j = i; j > a && data.less(j, j - 1); j--) data.swap(j, j - 1);
};

/** The heap property on data[lo:hi]; `first` is where the heap's root lies. */
const siftDown = (data: Indexed, lo: number, hi: number, first: number): void => {
  let root = lo;
  for (;;) {
    let child = 2 * root + 1;
    if (child >= hi) return;
    if (child + 1 < hi && data.less(first + child, first + child + 1)) child++;
    if (!data.less(first + root, first + child)) return;
    data.swap(first + root, first + child);
    root = child;
  }
};

const heapSort = (data: Indexed, a: number, b: number): void => {
  const first = a;
  const lo = 0;
  const hi = b - a;
  for (let i = Math.trunc((hi - 1) / 2); i >= 0; i--) siftDown(data, i, hi, first);
  for (let i = hi - 1; i >= 0; i--) {
    data.swap(first, first + i);
    siftDown(data, lo, i, first);
  }
};

type SortedHint = 'unknown' | 'increasing' | 'decreasing';

/** `pdqsort(data, a, b, limit)`: `limit` bad pivots allowed before heapsort. */
const pdqsort = (data: Indexed, a0: number, b0: number, limit0: number): void => {
  const maxInsertion = 12;
  let a = a0;
  let b = b0;
  let limit = limit0;
  let wasBalanced = true;
  let wasPartitioned = true;
  for (;;) {
    const length = b - a;
    if (length <= maxInsertion) {
      insertionSort(data, a, b);
      return;
    }
    if (limit === 0) {
      heapSort(data, a, b);
      return;
    }
    if (!wasBalanced) {
      breakPatterns(data, a, b);
      limit--;
    }
    let [pivot, hint] = choosePivot(data, a, b);
    if (hint === 'decreasing') {
      reverseRange(data, a, b);
      pivot = b - 1 - (pivot - a);
      hint = 'increasing';
    }
    if (wasBalanced && wasPartitioned && hint === 'increasing' && partialInsertionSort(data, a, b)) return;
    // probably many duplicates: the elements equal to the pivot, then the greater ones
    if (a > 0 && !data.less(a - 1, pivot)) {
      a = partitionEqual(data, a, b, pivot);
      continue;
    }
    const [mid, alreadyPartitioned] = partition(data, a, b, pivot);
    wasPartitioned = alreadyPartitioned;
    const leftLen = mid - a;
    const rightLen = b - mid;
    const balanceThreshold = Math.trunc(length / 8);
    if (leftLen < rightLen) {
      wasBalanced = leftLen >= balanceThreshold;
      pdqsort(data, a, mid, limit);
      a = mid + 1;
    } else {
      wasBalanced = rightLen >= balanceThreshold;
      pdqsort(data, mid + 1, b, limit);
      b = mid;
    }
  }
};

/** One quicksort partition around data[pivot]: its new place, and whether nothing had to move. */
const partition = (data: Indexed, a: number, b: number, pivot: number): [number, boolean] => {
  data.swap(a, pivot);
  let i = a + 1;
  let j = b - 1;
  while (i <= j && data.less(i, a)) i++;
  while (i <= j && !data.less(j, a)) j--;
  if (i > j) {
    data.swap(j, a);
    return [j, true];
  }
  data.swap(i, j);
  i++;
  j--;
  for (;;) {
    while (i <= j && data.less(i, a)) i++;
    while (i <= j && !data.less(j, a)) j--;
    if (i > j) break;
    data.swap(i, j);
    i++;
    j--;
  }
  data.swap(j, a);
  return [j, false];
};

/** data[a:b] (nothing smaller than data[pivot]) as the elements equal to it, then the greater ones: where those start. */
const partitionEqual = (data: Indexed, a: number, b: number, pivot: number): number => {
  data.swap(a, pivot);
  let i = a + 1;
  let j = b - 1;
  for (;;) {
    while (i <= j && !data.less(a, i)) i++;
    while (i <= j && data.less(a, j)) j--;
    if (i > j) break;
    data.swap(i, j);
    i++;
    j--;
  }
  return i;
};

/** Sorts a nearly sorted slice by a few shifts; whether it is sorted at the end. */
const partialInsertionSort = (data: Indexed, a: number, b: number): boolean => {
  const maxSteps = 5;
  const shortestShifting = 50;
  let i = a + 1;
  for (let step = 0; step < maxSteps; step++) {
    while (i < b && !data.less(i, i - 1)) i++;
    if (i === b) return true;
    if (b - a < shortestShifting) return false;
    data.swap(i, i - 1);
    // Go's loop runs down to 1, not to a + 1, as written
    if (i - a >= 2) {
      for (let j = i - 1; j >= 1; j--) {
        if (!data.less(j, j - 1)) break;
        data.swap(j, j - 1);
      }
    }
    if (b - i >= 2) {
      for (let j = i + 1; j < b; j++) {
        if (!data.less(j, j - 1)) break;
        data.swap(j, j - 1);
      }
    }
  }
  return false;
};

const MASK64 = (1n << 64n) - 1n;

/** Scatters three elements around the middle, by Go's xorshift seeded with the length (Go 1.22+: << 13, >> 7, << 17). */
const breakPatterns = (data: Indexed, a: number, b: number): void => {
  const length = b - a;
  if (length < 8) return;
  let random = BigInt(length);
  const modulus = 2 ** bitsLen(length);
  for (let idx = a + Math.trunc(length / 4) * 2 - 1; idx <= a + Math.trunc(length / 4) * 2 + 1; idx++) {
    random ^= (random << 13n) & MASK64;
    random ^= random >> 7n;
    random ^= (random << 17n) & MASK64;
    let other = Number(random & BigInt(modulus - 1));
    if (other >= length) other -= length;
    data.swap(idx, a + other);
  }
};

/** A pivot in data[a:b] (static under 8, median of three under 50, else Tukey's ninther), and how sorted it looks. */
const choosePivot = (data: Indexed, a: number, b: number): [number, SortedHint] => {
  const shortestNinther = 50;
  const maxSwaps = 4 * 3;
  const l = b - a;
  const swaps = { count: 0 };
  const quarter = Math.trunc(l / 4);
  let i = a + quarter;
  let j = a + quarter * 2;
  let k = a + quarter * 3;
  if (l >= 8) {
    if (l >= shortestNinther) {
      i = median(data, i - 1, i, i + 1, swaps);
      j = median(data, j - 1, j, j + 1, swaps);
      k = median(data, k - 1, k, k + 1, swaps);
    }
    j = median(data, i, j, k, swaps);
  }
  return [j, swaps.count === 0 ? 'increasing' : swaps.count === maxSwaps ? 'decreasing' : 'unknown'];
};

/** Of data[a], data[b], data[c], the index of the median, counting the swaps `order2` makes. */
const median = (data: Indexed, a0: number, b0: number, c0: number, swaps: { count: number }): number => {
  const order2 = (x: number, y: number): [number, number] => {
    if (!data.less(y, x)) return [x, y];
    swaps.count++;
    return [y, x];
  };
  const [a, b] = order2(a0, b0);
  const [low] = order2(b, c0);
  return order2(a, low)[1];
};

const reverseRange = (data: Indexed, a: number, b: number): void => {
  for (let i = a, j = b - 1; i < j; i++, j--) data.swap(i, j);
};
