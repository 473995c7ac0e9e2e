/**
 * Pods of one workload carry equal specs, labels, annotations, owner references and image IDs, and pods
 * created or started in the same second equal conditions, but each event decodes its own copy: at 150,000
 * pods the copies are a large part of the fold's memory. The fold never mutates them, so equal values can be
 * one object (and the status parts built once per spec container, `container-runtime-status.ts`, are then
 * shared too). Bounded tables: past their size they start over, which only costs sharing, never correctness.
 */
import type { ObjectMeta, PodCondition, PodSpec } from '../k8s/pod.js';
import { BoundedTable, boundedMemo } from '../memo/index.js';

const LIMIT = 4096;

/** One object per distinct JSON (same keys, same order, same values). */
const sharing = <T>(): ((value: T) => T) => {
  const known = new BoundedTable<string, T>(LIMIT);
  return (value) => {
    const key = JSON.stringify(value);
    return known.get(key) ?? known.add(key, value);
  };
};

/** The same keys in the same order, each pair of values `alike` (with `===`: the same JSON, one level deep). */
export const sameFields = (a: object, b: object, alike: (x: unknown, y: unknown) => boolean = (x, y) => x === y): boolean => {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  const others = Object.keys(y);
  if (keys.length !== others.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (k !== others[i] || !alike(x[k], y[k])) return false;
  }
  return true;
};

/**
 * `a` and `b` serialize to the same JSON: same keys in the same order, equal leaves. Walks both without
 * building their text (a spec's JSON is kilobytes, and hashing it as a table key cost more than the walk).
 * A key holding `undefined`, which JSON omits, makes them differ: that only costs sharing.
 */
const serializeAlike = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  return sameFields(a, b, serializeAlike);
};

// Specs by a cheap key (their containers' count, first name and image), then compared whole.
const specsByKey = new BoundedTable<string, PodSpec[]>(LIMIT);
const SPECS_PER_KEY = 16;

/** The one object standing for every spec equal to `spec` (equal JSON). */
export const sharedSpec = (spec: PodSpec): PodSpec => {
  const first = spec.containers[0];
  const key = `${spec.containers.length}\u0000${first?.name ?? ''}\u0000${first?.image ?? ''}`;
  const known = specsByKey.get(key) ?? specsByKey.add(key, []);
  for (const s of known) if (serializeAlike(s, spec)) return s;
  if (known.length < SPECS_PER_KEY) known.push(spec);
  return spec;
};

// A bound pod's spec is its shared spec plus `nodeName`: pods of one spec on one node share that copy too.
const boundSpecs = new WeakMap<PodSpec, BoundedTable<string, PodSpec>>();
const NODES_PER_SPEC = 8192;

/** `{ ...spec, nodeName: node }`, one object per (spec object, node). */
export const boundSpec = (spec: PodSpec, node: string): PodSpec => {
  const byNode = boundSpecs.get(spec) ?? new BoundedTable<string, PodSpec>(NODES_PER_SPEC);
  if (!boundSpecs.has(spec)) boundSpecs.set(spec, byNode);
  return byNode.get(node) ?? byNode.add(node, { ...spec, nodeName: node });
};

const sharedMetadataValue = sharing<object>();

/**
 * The metadata with each object-valued field (labels, annotations, ownerReferences, finalizers, ...) replaced
 * by the one object equal to it; the keys keep their order.
 */
export const withSharedParts = <M extends ObjectMeta>(metadata: M): M => {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(metadata)) out[key] = typeof value === 'object' && value !== null ? sharedMetadataValue(value) : value;
  return out as M;
};

// Conditions by `lastTransitionTime` (one string per second, `time.ts`, so its hash is computed once), then
// compared field by field: few distinct conditions settle within one second, and no key string is built.
const conditionsAt = new BoundedTable<string, PodCondition[]>(LIMIT);
const PER_SECOND = 64;

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
  const c: PodCondition = { type, status, lastProbeTime: null, lastTransitionTime };
  // `observedGeneration` (gate PodObservedGenerationTracking, on in v1.36): the kubelet and the scheduler write it.
  if (generation !== undefined) c.observedGeneration = generation;
  if (reason !== undefined) c.reason = reason;
  if (message !== undefined) c.message = message;
  if (known.length < PER_SECOND) known.push(c);
  return c;
};

/** One `[{ ip }]` list per host IP: every pod on a node lists the same one. */
export const sharedHostIPs: (ip: string) => { ip: string }[] = boundedMemo((ip: string) => [{ ip }], LIMIT);

/** One string for equal strings (image IDs: ~100 characters each, the same for every pod of a workload). */
export const sharedString: (s: string) => string = boundedMemo((s: string) => s, LIMIT);

/** `f` remembered per key (a bounded table, as above): for pure functions of strings the fold calls on every event. */
export const memoized = <V>(f: (key: string) => V): ((key: string) => V) => boundedMemo(f, LIMIT);
