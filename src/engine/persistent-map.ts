/**
 * An insertion-ordered map that is never changed in place: `set` returns a new map sharing all but one chunk
 * of 32 entries with the old one, which stays as it was. The engine's fold writes one pod per event, and
 * copying a whole `Map` of the pods each time made a simulation's cost grow with pods × events (a third of
 * `evolve`'s time at 100 pods). Keys are never removed (the engine keeps a removed pod, flagged), and
 * `changedEntries` lists what differs from an earlier version by comparing chunks, not every entry.
 */

const CHUNK_BITS = 5;
const CHUNK = 1 << CHUNK_BITS;

/**
 * The keys in insertion order, shared by every version that grew from one another: a version reads the first
 * `size` of them. Only a version holding all of them appends in place; any other copies its own first.
 */
interface Lineage<K> {
  readonly index: Map<K, number>;
  readonly keys: K[];
}

/** A way to group a map's values (`valuesIn`), with the groups of each chunk it has seen. */
export interface Grouping<V, G> {
  readonly of: (value: V) => G;
  readonly byChunk: WeakMap<readonly V[], ReadonlyMap<G, readonly V[]>>;
}

export const grouping = <V, G>(of: (value: V) => G): Grouping<V, G> => ({ of, byChunk: new WeakMap() });

const groupOf = <V, G>(values: Iterable<V>, of: (value: V) => G): Map<G, V[]> => {
  const groups = new Map<G, V[]>();
  for (const value of values) {
    const key = of(value);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [value]);
    else group.push(value);
  }
  return groups;
};

const lineageOf = <K>(keys: K[]): Lineage<K> => ({ index: new Map(keys.map((key, i) => [key, i])), keys });

export class PersistentMap<K, V> implements ReadonlyMap<K, V> {
  readonly #lineage: Lineage<K>;
  readonly #chunks: readonly (readonly V[])[];
  readonly #size: number;

  private constructor(lineage: Lineage<K>, chunks: readonly (readonly V[])[], size: number) {
    this.#lineage = lineage;
    this.#chunks = chunks;
    this.#size = size;
  }

  static empty<K, V>(): PersistentMap<K, V> {
    return new PersistentMap<K, V>(lineageOf([]), [], 0);
  }

  /** The same entries in the same order (the map itself when it is one already). */
  static from<K, V>(map: ReadonlyMap<K, V>): PersistentMap<K, V> {
    if (map instanceof PersistentMap) return map as PersistentMap<K, V>;
    let out = PersistentMap.empty<K, V>();
    for (const [key, value] of map) out = out.set(key, value);
    return out;
  }

  get size(): number {
    return this.#size;
  }

  #slot(key: K): number | undefined {
    const i = this.#lineage.index.get(key);
    return i !== undefined && i < this.#size ? i : undefined;
  }

  #at(i: number): V {
    return (this.#chunks[i >>> CHUNK_BITS] as readonly V[])[i & (CHUNK - 1)] as V;
  }

  get(key: K): V | undefined {
    const i = this.#slot(key);
    return i === undefined ? undefined : this.#at(i);
  }

  has(key: K): boolean {
    return this.#slot(key) !== undefined;
  }

  /** A new map with `key` set to `value`: in its place when present, else last. */
  set(key: K, value: V): PersistentMap<K, V> {
    const i = this.#slot(key);
    if (i !== undefined) return this.#at(i) === value ? this : new PersistentMap(this.#lineage, this.#withSlot(i, value), this.#size);
    const lineage = this.#lineage.keys.length === this.#size ? this.#lineage : lineageOf(this.#lineage.keys.slice(0, this.#size));
    lineage.index.set(key, this.#size);
    lineage.keys.push(key);
    return new PersistentMap(lineage, this.#withSlot(this.#size, value), this.#size + 1);
  }

  #withSlot(i: number, value: V): readonly (readonly V[])[] {
    const c = i >>> CHUNK_BITS;
    const chunk = [...(this.#chunks[c] ?? [])];
    chunk[i & (CHUNK - 1)] = value;
    const chunks = [...this.#chunks];
    chunks[c] = chunk;
    return chunks;
  }

  *entries(): MapIterator<[K, V]> {
    for (let i = 0; i < this.#size; i++) yield [this.#lineage.keys[i] as K, this.#at(i)];
  }

  *keys(): MapIterator<K> {
    for (let i = 0; i < this.#size; i++) yield this.#lineage.keys[i] as K;
  }

  values(): MapIterator<V> {
    // an array's own iterator: the engine lists every pod's book often (a node's pods), and a generator costs more
    return (this.#chunks.length === 1 ? (this.#chunks[0] as readonly V[]) : this.#chunks.flat()).values();
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(f: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (let i = 0; i < this.#size; i++) f.call(thisArg, this.#at(i), this.#lineage.keys[i] as K, this);
  }

  /** The values `grouping` puts in `group`, in order: each chunk is grouped once, so after a `set` only one chunk is grouped again. */
  valuesIn<G>(grouping: Grouping<V, G>, group: G): V[] {
    const out: V[] = [];
    for (const chunk of this.#chunks) {
      let groups = grouping.byChunk.get(chunk);
      if (groups === undefined) {
        groups = groupOf(chunk, grouping.of);
        grouping.byChunk.set(chunk, groups);
      }
      const some = groups.get(group);
      if (some !== undefined) out.push(...some);
    }
    return out;
  }

  /** The entries whose value is not the one `older` holds (or that it lacks), when both grew in one lineage. */
  *changedSince(older: PersistentMap<K, V>): Generator<[K, V]> {
    for (let c = 0; c < this.#chunks.length; c++) {
      const mine = this.#chunks[c] as readonly V[];
      const theirs = older.#chunks[c];
      if (mine === theirs) continue;
      for (let j = 0; j < mine.length; j++) {
        const i = (c << CHUNK_BITS) + j;
        if (i >= older.#size || mine[j] !== theirs?.[j]) yield [this.#lineage.keys[i] as K, mine[j] as V];
      }
    }
  }

  /** Whether `older`'s keys are the first of this one's, in the same places. */
  sharesKeysWith(older: PersistentMap<K, V>): boolean {
    return older.#lineage === this.#lineage && older.#size <= this.#size;
  }
}

/** The entries of `after` that are not the same values in `before` (keys are never removed). */
export function* changedEntries<K, V>(before: ReadonlyMap<K, V>, after: ReadonlyMap<K, V>): Generator<[K, V]> {
  if (before === after) return;
  if (after instanceof PersistentMap && before instanceof PersistentMap && after.sharesKeysWith(before)) {
    yield* (after as PersistentMap<K, V>).changedSince(before as PersistentMap<K, V>);
    return;
  }
  for (const [key, value] of after) if (before.get(key) !== value) yield [key, value];
}

/** The values of `map` that `grouping` puts in `group`, in order (kept per chunk when it is a `PersistentMap`). */
export const valuesIn = <K, V, G>(map: ReadonlyMap<K, V>, grouping: Grouping<V, G>, group: G): V[] =>
  map instanceof PersistentMap ? (map as PersistentMap<K, V>).valuesIn(grouping, group) : (groupOf(map.values(), grouping.of).get(group) ?? []);
