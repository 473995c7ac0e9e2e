/** Copy-on-write for records keyed at run time (container names, probe kinds), and copies of objects with some fields changed. */

/**
 * V8 gives an object grown from `{}` room for four properties inside it and keeps any more in a second array: a pod's
 * seven-key metadata took 56 + 40 bytes where 80 do, and a one-key record (a pod's containers by name) 56 where 32 do
 * (at L 6.6 MiB of the replay's live heap, `bench/README.md`, "Replay memory at L: objects sized to their keys"). An
 * object made with `new` starts with room for ten, and once the constructor made a few V8 shrinks that room to the
 * most any of them used (in-object slack tracking): with one constructor per count of keys, each copy holds exactly
 * its keys inside. The constructors' prototype is `Object.prototype`, so the copies are plain objects to every reader
 * (their keys, JSON, a spread, a comparison). Copies of one key order share one hidden class, as `{}`'s did.
 */
/** `T` with its fields assignable: what a constructor fills. */
export type Writable<T> = { -readonly [K in keyof T]: T[K] };

const ROOM = 10; // the room V8 gives a constructor's first objects; beyond it the keys past ten stay outside
type Plain = Record<string, unknown>;
const sized: ReadonlyArray<new () => Plain> = Array.from({ length: ROOM + 1 }, () => {
  function PlainObject(): void {}
  PlainObject.prototype = Object.prototype;
  return PlainObject as unknown as new () => Plain;
});

/**
 * An object on which each of `keys` reads `undefined`, not enumerable (no `for...in`, spread, `Object.keys` or JSON
 * sees it) and writable (an assignment makes an own key): the prototype of objects that leave those keys out.
 */
export const undefinedKeys = (keys: readonly string[]): object => {
  const o = {};
  for (const key of keys) Object.defineProperty(o, key, { value: undefined, writable: true });
  return o;
};

/**
 * `patch` applied to `out`, an object without the `rare` keys: true, unless `patch` gives one of them a value (the
 * object must then be built with them: a view's full class). One walk over the patch's own keys: testing each rare
 * key on patches of many shapes cost several times the copy.
 */
export const patchedWithoutRare = <T extends object>(out: T, patch: Partial<T>, rare: ReadonlySet<string>): boolean => {
  const fields = patch as Readonly<Record<string, unknown>>;
  const target = out as Record<string, unknown>;
  for (const key in fields) {
    const value = fields[key];
    if (!rare.has(key)) target[key] = value;
    else if (value !== undefined) return false;
  }
  return true;
};

/** A new empty plain object with room for `keys` keys inside it. */
export const objectFor = (keys: number): Plain => new (sized[Math.min(keys, ROOM)] as new () => Plain)();

/** How many keys `patch` adds to `o` (own keys of `patch` that `o` does not have). */
const added = (o: object, patch: object): number => {
  let n = 0;
  for (const key in patch) if (!Object.prototype.hasOwnProperty.call(o, key)) n++;
  return n;
};

/** How many keys a `for...in` over `o` visits (its own enumerable ones, for the plain objects the fold holds). */
export const keyCount = (o: object): number => {
  let n = 0;
  for (const key in o) n++;
  return n;
};

/**
 * `{ ...record, [key]: value }` without the literal: V8 turns literal spreads with a computed key into slow
 * dictionary objects, while a copy grown by one key keeps a shared hidden class.
 */
export const withEntry = <K extends string, V>(record: Readonly<Partial<Record<K, V>>>, key: K, value: V): Partial<Record<K, V>> => {
  const out = objectFor(keyCount(record) + (Object.prototype.hasOwnProperty.call(record, key) ? 0 : 1));
  for (const k in record) out[k] = record[k];
  out[key] = value;
  return out as Partial<Record<K, V>>;
};

/**
 * `{ ...o, ...patch }` without the spread: V8 gives a spread that adds a key a hidden class of its own (at M, a
 * status gaining its conditions, a pod's metadata its deletion, a spec its node), and every new class that
 * reaches optimized code deoptimizes it; copies grown key by key share one hidden class per key order.
 */
export const withFields = <T extends object>(o: T, patch: Partial<T>): T => {
  const out = objectFor(keyCount(o) + added(o, patch));
  for (const key in o) out[key] = o[key];
  for (const key in patch) out[key] = patch[key];
  return out as T;
};
