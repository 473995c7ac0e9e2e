/**
 * Pods of one workload carry equal specs, labels, annotations, owner references and image IDs, and pods
 * created or started in the same second equal conditions, but each event decodes its own copy: at 150,000
 * pods the copies are a large part of the fold's memory. The fold never mutates them, so equal values can be
 * one object (and the status parts built once per spec container, `container-runtime-status.ts`, are then
 * shared too). Bounded tables: past their size they start over, which only costs sharing, never correctness.
 */
import type { ObjectMeta, PodCondition, PodSpec } from '../k8s/pod.js';
import { BoundedTable, boundedMemo } from '../memo/index.js';
import { keyCount, objectFor, withFields } from './records.js';

const LIMIT = 4096;

// The own keys of each value kept for sharing, listed once: a fresh value is compared with a kept one by a
// `for...in` walk over the fresh one, which allocates nothing (listing both objects' keys at every
// comparison allocated two lists per object: ≈ 2.4 KB for one spec).
const keyLists = new WeakMap<object, readonly string[]>();
const keysOf = (kept: object): readonly string[] => {
  const known = keyLists.get(kept);
  if (known !== undefined) return known;
  const keys = Object.keys(kept);
  keyLists.set(kept, keys);
  return keys;
};

/**
 * `fresh` serializes to the same JSON as `kept` (a value kept for sharing): same keys in the same order,
 * equal leaves, arrays item by item. Walks both without building their text. A key holding `undefined`,
 * which JSON omits, makes them differ: that only costs sharing.
 */
const serializesAs = (kept: unknown, fresh: unknown): boolean => {
  if (kept === fresh) return true;
  if (typeof kept !== 'object' || typeof fresh !== 'object' || kept === null || fresh === null) return false;
  if (Array.isArray(kept) || Array.isArray(fresh)) {
    if (!Array.isArray(kept) || !Array.isArray(fresh) || kept.length !== fresh.length) return false;
    for (let i = 0; i < kept.length; i++) if (!serializesAs(kept[i], fresh[i])) return false;
    return true;
  }
  const keys = keysOf(kept);
  const k = kept as Record<string, unknown>;
  const f = fresh as Record<string, unknown>;
  let i = 0;
  for (const key in f) {
    if (keys[i] !== key || !serializesAs(k[key], f[key])) return false;
    i++;
  }
  return i === keys.length;
};

/** The longest string a value holds (a label's app name, an owner's uid): a key that tells workloads apart, found without allocating. */
const longestString = (value: unknown, longest = ''): string => {
  if (typeof value === 'string') return value.length > longest.length ? value : longest;
  if (typeof value !== 'object' || value === null) return longest;
  let found = longest;
  if (Array.isArray(value)) for (const item of value) found = longestString(item, found);
  else for (const key in value) found = longestString((value as Record<string, unknown>)[key], found);
  return found;
};

const PER_KEY = 16;

/** One object per distinct JSON: values found by a cheap key, then compared whole (no JSON text per value). */
const sharing = <T extends object>(keyOf: (value: T) => string, limit = LIMIT): ((value: T) => T) => {
  const known = new BoundedTable<string, T[]>(limit);
  return (value) => {
    const key = keyOf(value);
    const candidates = known.get(key);
    // a one-item literal: pushed onto `[]`, the first value gets room for 17 (at L 1.8 MiB of the replay's heap)
    if (candidates === undefined) {
      known.add(key, [value]);
      return value;
    }
    for (const kept of candidates) if (serializesAs(kept, value)) return kept;
    if (candidates.length < PER_KEY) candidates.push(value);
    return value;
  };
};

/** The one object standing for every spec equal to `spec` (equal JSON), found by its containers' count, first name and image. */
export const sharedSpec: (spec: PodSpec) => PodSpec = sharing((spec: PodSpec) => {
  const first = spec.containers[0];
  return `${spec.containers.length}\u0000${first?.name ?? ''}\u0000${first?.image ?? ''}`;
});

// Tables per node hold 5,000 nodes, the largest cluster Kubernetes supports (its scalability thresholds).
const NODES = 8192;

// A bound pod's spec is its shared spec plus `nodeName`: pods of one spec on one node share that copy too.
const boundSpecs = new WeakMap<PodSpec, BoundedTable<string, PodSpec>>();

/** `{ ...spec, nodeName: node }`, one object per (spec object, node). */
export const boundSpec = (spec: PodSpec, node: string): PodSpec => {
  const byNode = boundSpecs.get(spec) ?? new BoundedTable<string, PodSpec>(NODES);
  if (!boundSpecs.has(spec)) boundSpecs.set(spec, byNode);
  return byNode.get(node) ?? byNode.add(node, withFields(spec, { nodeName: node }));
};

// Two values a workload (its pods' labels, their owner references), and a 150,000-pod cluster runs thousands of
// workloads (tier L: 6,000, each pod's creation far from its workload's last): a table of 4,096 keys started over
// before a workload's next pod came, and L's live pods held 78,000 copies of each value for 6,000 distinct ones.
const WORKLOAD_VALUES = 32_768;

const sharedMetadataValue = sharing<object>((value) => longestString(value), WORKLOAD_VALUES);

/**
 * The metadata with each object-valued field (labels, annotations, ownerReferences, finalizers, ...) replaced
 * by the one object equal to it; the keys keep their order.
 */
export const withSharedParts = <M extends ObjectMeta>(metadata: M): M => {
  const out = objectFor(keyCount(metadata)); // its keys inside it (`records.ts`)
  for (const key in metadata) {
    const value: unknown = metadata[key];
    out[key] = typeof value === 'object' && value !== null ? sharedMetadataValue(value) : value;
  }
  return out as M;
};

// Conditions by `lastTransitionTime` (one string per second, `time.ts`, so its hash is computed once), then
// compared field by field: few distinct conditions settle within one second, and no key string is built.
// Only the last seconds are kept: the fold runs in time order, so pods settle new conditions at about the
// same second, and a table of 4,096 seconds held ≈ 6 conditions per live pod that no pod held any more
// (at M, 21 % of the fold's memory) for the same sharing.
const SECONDS = 64;
const conditionsAt = new BoundedTable<string, PodCondition[]>(SECONDS);
const PER_SECOND = 64;

/**
 * A new condition, its keys in the order the status manager writes them. The usual shapes are literals:
 * V8 keeps a literal's keys inside the object, where a condition grown key by key keeps those past its
 * first four in a second object (≈ 40 bytes more for each of the conditions the fold holds).
 */
const newCondition = (
  type: string,
  status: PodCondition['status'],
  lastTransitionTime: string,
  generation: number | undefined,
  reason: string | undefined,
  message: string | undefined,
): PodCondition => {
  // `observedGeneration` (gate PodObservedGenerationTracking, on in v1.36): the kubelet and the scheduler write it.
  if (generation !== undefined && message === undefined) {
    return reason === undefined
      ? { type, status, lastProbeTime: null, lastTransitionTime, observedGeneration: generation }
      : { type, status, lastProbeTime: null, lastTransitionTime, observedGeneration: generation, reason };
  }
  if (generation !== undefined && reason !== undefined) return { type, status, lastProbeTime: null, lastTransitionTime, observedGeneration: generation, reason, message };
  const c: PodCondition = { type, status, lastProbeTime: null, lastTransitionTime };
  if (generation !== undefined) c.observedGeneration = generation;
  if (reason !== undefined) c.reason = reason;
  if (message !== undefined) c.message = message;
  return c;
};

/**
 * The one condition object with these fields (the kubelet settles the same conditions at the same second
 * for many pods), its keys in the order the status manager writes them.
 */
export const sharedCondition = (
  type: string,
  status: PodCondition['status'],
  lastTransitionTime: string,
  generation: number | undefined,
  reason: string | undefined,
  message: string | undefined,
): PodCondition => {
  const known = conditionsAt.get(lastTransitionTime) ?? conditionsAt.add(lastTransitionTime, []);
  for (const c of known) if (c.type === type && c.status === status && c.observedGeneration === generation && c.reason === reason && c.message === message) return c;
  const c = newCondition(type, status, lastTransitionTime, generation, reason, message);
  if (known.length < PER_SECOND) known.push(c);
  return c;
};

/** One string per host IP: every pod on a node shows it (`status.hostIP`), and each admission decodes its own copy. */
export const sharedHostIP: (ip: string) => string = boundedMemo((ip: string) => ip, NODES);

/** One `[{ ip }]` list per host IP: every pod on a node lists the same one. */
export const sharedHostIPs: (ip: string) => { ip: string }[] = boundedMemo((ip: string) => [{ ip }], NODES);

/** One string for equal strings (image IDs: ~100 characters each, the same for every pod of a workload). */
export const sharedString: (s: string) => string = boundedMemo((s: string) => s, LIMIT);

/** `f` remembered per key (a bounded table, as above): for pure functions of strings the fold calls on every event. */
export const memoized = <V>(f: (key: string) => V): ((key: string) => V) => boundedMemo(f, LIMIT);
