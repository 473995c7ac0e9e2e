/**
 * Bounded tables for caches of pure answers: past their limit they start over, which costs only recomputing
 * (or sharing less), never correctness, and a long fold or import cannot make them grow without end.
 */

export class BoundedTable<K, V> {
  private readonly entries = new Map<K, V>();
  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  /** Keeps `value` for `key`, first emptying the table when it is full. */
  add(key: K, value: V): V {
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(key, value);
    return value;
  }
}

/** `f` remembered per key in a bounded table of `limit` entries. */
export const boundedMemo = <K, V>(f: (key: K) => V, limit: number): ((key: K) => V) => {
  const table = new BoundedTable<K, V>(limit);
  return (key) => {
    const found = table.get(key);
    return found !== undefined ? found : table.add(key, f(key));
  };
};

/**
 * `f` remembered for the last key it was asked: for a key asked many times in a row (the many events of one
 * instant), at the cost of one comparison.
 */
export const lastMemo = <K, V>(f: (key: K) => V): ((key: K) => V) => {
  let last: { readonly key: K; readonly value: V } | undefined;
  return (key) => (last !== undefined && last.key === key ? last.value : (last = { key, value: f(key) }).value);
};
