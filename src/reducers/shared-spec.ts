/**
 * Pods of one workload carry equal specs, but each `PodCreated` decodes its own copy: at 150,000 pods the
 * copies are a large part of the fold's memory. The fold never mutates a spec, so equal specs can be one
 * object (and the status parts built once per spec container, `container-runtime-status.ts`, are then
 * shared too). A bounded table: past its size it starts over, which only costs sharing, never correctness.
 */
import type { PodSpec } from '../k8s/pod.js';

const LIMIT = 4096;
const known = new Map<string, PodSpec>();

/** The one object standing for every spec equal to `spec` (same keys, same order, same values). */
export const sharedSpec = (spec: PodSpec): PodSpec => {
  const key = JSON.stringify(spec);
  const found = known.get(key);
  if (found !== undefined) return found;
  if (known.size >= LIMIT) known.clear();
  known.set(key, spec);
  return spec;
};
