/**
 * Snapshots: the folded cluster state at a position, as a string the journal stores opaquely. A snapshot is
 * a cache: its version names the code that folded it, and one of another version is ignored, never trusted.
 *
 * Pods of one workload share their spec but for the node they run on, and specs are a third of a pod's
 * JSON: a snapshot holds each distinct spec once (with `nodeName` blanked, keeping its key order) and each
 * pod refers to it, so a snapshot is smaller and parses faster. Decoding gives back the state exactly,
 * down to the key order of every object.
 */
import type { PodSpec } from '../k8s/pod.js';
import type { ClusterState, NodeState, PodState } from '../reducers/index.js';

/** Bump when the snapshot layout changes; the reducers' version (the package version) is added at run time. */
export const SNAPSHOT_SCHEMA = 2;

/**
 * A pod as stored: its `spec` (kept at its key position, so decoding restores the key order) holds the
 * index of the shared spec, with the node it was bound to when there is one.
 */
type SpecRef = number | readonly [number, string];
type StoredPod = Omit<PodState, 'pod'> & { readonly pod: Omit<PodState['pod'], 'spec'> & { readonly spec: SpecRef } };

interface SnapshotBody {
  readonly version: string;
  readonly specs: readonly PodSpec[];
  readonly pods: readonly StoredPod[];
  readonly nodes: readonly NodeState[];
}

const BLANK = '';

export const encodeSnapshot = (state: ClusterState, version: string): string => {
  const index = new Map<string, number>();
  const specs: PodSpec[] = [];
  const pods = [...state.pods.values()].map((p): StoredPod => {
    const { nodeName } = p.pod.spec;
    const shared = nodeName === undefined ? p.pod.spec : { ...p.pod.spec, nodeName: BLANK };
    const key = JSON.stringify(shared);
    let i = index.get(key);
    if (i === undefined) {
      i = specs.push(shared) - 1;
      index.set(key, i);
    }
    return { ...p, pod: { ...p.pod, spec: nodeName === undefined ? i : [i, nodeName] } };
  });
  const body: SnapshotBody = { version, specs, pods, nodes: [...state.nodes.values()] };
  return JSON.stringify(body);
};

const isBody = (u: unknown, version: string): u is SnapshotBody =>
  typeof u === 'object' &&
  u !== null &&
  (u as { version?: unknown }).version === version &&
  Array.isArray((u as { specs?: unknown }).specs) &&
  Array.isArray((u as { pods?: unknown }).pods) &&
  Array.isArray((u as { nodes?: unknown }).nodes);

/** The pod with its spec back in place (the placeholder's key position is the spec's). */
const restore = (stored: StoredPod, specs: readonly PodSpec[]): PodState | undefined => {
  const ref = stored.pod.spec;
  const shared = specs[typeof ref === 'number' ? ref : ref[0]];
  if (shared === undefined) return undefined;
  const spec = typeof ref === 'number' ? shared : { ...shared, nodeName: ref[1] };
  return { ...stored, pod: { ...stored.pod, spec } };
};

/** The version a snapshot names, or undefined when it is not a snapshot at all. */
export const snapshotVersion = (blob: string): string | undefined => {
  try {
    const body: unknown = JSON.parse(blob);
    const version = typeof body === 'object' && body !== null ? (body as { version?: unknown }).version : undefined;
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
};

/** The state a snapshot holds, or undefined when it was written by another version (or is not a snapshot). */
export const decodeSnapshot = (blob: string, version: string): ClusterState | undefined => {
  let body: unknown;
  try {
    body = JSON.parse(blob);
  } catch {
    return undefined;
  }
  if (!isBody(body, version)) return undefined;
  const pods = new Map<string, PodState>();
  for (const stored of body.pods) {
    const pod = restore(stored, body.specs);
    if (pod === undefined) return undefined; // not a snapshot this code wrote: fold from the events instead
    pods.set(pod.pod.metadata.uid ?? '', pod);
  }
  return { pods, nodes: new Map(body.nodes.map((n) => [n.name, n])) };
};
