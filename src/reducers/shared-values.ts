/**
 * Pods of one workload carry equal specs, labels, annotations, owner references and image IDs, and pods
 * created or started in the same second equal conditions, but each event decodes its own copy: at 150,000
 * pods the copies are a large part of the fold's memory. The fold never mutates them, so equal values can be
 * one object (and the status parts built once per spec container, `container-runtime-status.ts`, are then
 * shared too). Bounded tables: past their size they start over, which only costs sharing, never correctness.
 */
import type { ObjectMeta, PodCondition, PodSpec } from '../k8s/pod.js';

const LIMIT = 4096;

/** One object per distinct JSON (same keys, same order, same values). */
const sharing = <T>(): ((value: T) => T) => {
  const known = new Map<string, T>();
  return (value) => {
    const key = JSON.stringify(value);
    const found = known.get(key);
    if (found !== undefined) return found;
    if (known.size >= LIMIT) known.clear();
    known.set(key, value);
    return value;
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

/** The one condition object equal to `c` (the kubelet settles the same conditions at the same second for many pods). */
export const sharedCondition: (c: PodCondition) => PodCondition = sharing<PodCondition>();

const strings = new Map<string, string>();

/** One string for equal strings (image IDs: ~100 characters each, the same for every pod of a workload). */
export const sharedString = (s: string): string => {
  const found = strings.get(s);
  if (found !== undefined) return found;
  if (strings.size >= LIMIT) strings.clear();
  strings.set(s, s);
  return s;
};
