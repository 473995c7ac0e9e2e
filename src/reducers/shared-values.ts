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

/** The one object standing for every spec equal to `spec`. */
export const sharedSpec: (spec: PodSpec) => PodSpec = sharing<PodSpec>();

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

/** One string for equal strings (image IDs: ~100 characters each, the same for every pod of a workload). */
export const sharedString: (s: string) => string = boundedMemo((s: string) => s, LIMIT);

/** `f` remembered per key (a bounded table, as above): for pure functions of strings the fold calls on every event. */
export const memoized = <V>(f: (key: string) => V): ((key: string) => V) => boundedMemo(f, LIMIT);
