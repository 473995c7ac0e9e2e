/**
 * Snapshots: the folded cluster state at a position, as a string the journal stores opaquely. A snapshot is
 * a cache: its version names the code that folded it, and one of another version is ignored, never trusted.
 */
import type { ClusterState, NodeState, PodState } from '../reducers/index.js';

/** Bump when the snapshot layout changes; the reducers' version (the package version) is added at run time. */
export const SNAPSHOT_SCHEMA = 1;

interface SnapshotBody {
  readonly version: string;
  readonly pods: readonly PodState[];
  readonly nodes: readonly NodeState[];
}

export const encodeSnapshot = (state: ClusterState, version: string): string => {
  const body: SnapshotBody = { version, pods: [...state.pods.values()], nodes: [...state.nodes.values()] };
  return JSON.stringify(body);
};

const isBody = (u: unknown, version: string): u is SnapshotBody =>
  typeof u === 'object' &&
  u !== null &&
  (u as { version?: unknown }).version === version &&
  Array.isArray((u as { pods?: unknown }).pods) &&
  Array.isArray((u as { nodes?: unknown }).nodes);

/** The state a snapshot holds, or undefined when it was written by another version (or is not a snapshot). */
export const decodeSnapshot = (blob: string, version: string): ClusterState | undefined => {
  let body: unknown;
  try {
    body = JSON.parse(blob);
  } catch {
    return undefined;
  }
  if (!isBody(body, version)) return undefined;
  return {
    pods: new Map(body.pods.map((p) => [p.pod.metadata.uid ?? '', p])),
    nodes: new Map(body.nodes.map((n) => [n.name, n])),
  };
};
