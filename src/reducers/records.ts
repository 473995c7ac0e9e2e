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
