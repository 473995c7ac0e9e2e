/** Copy-on-write for records keyed at run time (container names, probe kinds). */

/**
 * `{ ...record, [key]: value }` without the literal: V8 turns literal spreads with a computed key into slow
 * dictionary objects, while a copy grown by one key keeps a shared hidden class.
 */
export const withEntry = <K extends string, V>(record: Readonly<Partial<Record<K, V>>>, key: K, value: V): Partial<Record<K, V>> => {
  const out: Partial<Record<K, V>> = Object.assign({}, record);
  out[key] = value;
  return out;
};

/**
 * `{ ...o, ...patch }` without the spread: V8 gives a spread that adds a key a hidden class of its own (at M, a
 * status gaining its conditions, a pod's metadata its deletion, a spec its node), and every new class that
 * reaches optimized code deoptimizes it; copies grown key by key from `{}` share one hidden class per key order.
 */
export const withFields = <T extends object>(o: T, patch: Partial<T>): T => Object.assign(Object.assign({}, o), patch);
