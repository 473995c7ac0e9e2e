/** Which ranking answers which eviction signal, and the ranked eviction order itself. */
import {
  disk,
  exceedDiskRequests,
  exceedInodeRequests,
  exceedMemoryRequests,
  inodes,
  memory,
  orderedBy,
  priority,
  processes,
  type Candidate,
  type Comparator,
} from './comparators.js';

/** Memory pressure: over-request (or unmeasured) pods first, then lower priority, then larger use above request. */
export const rankMemoryPressure: Comparator = orderedBy(exceedMemoryRequests, priority, memory);

/** Disk pressure: over-request (or unmeasured) pods first, then lower priority, then larger use above request. */
export const rankDiskPressure: Comparator = orderedBy(exceedDiskRequests, priority, disk);

/** Inode pressure: the disk ranking measured in inodes. */
export const rankInodePressure: Comparator = orderedBy(exceedInodeRequests, priority, inodes);

/** PID pressure: lower priority first, then more processes (unmeasured pods first among equals). */
export const rankPIDPressure: Comparator = orderedBy(priority, processes);

/**
 * `buildSignalToRankFunc` for a node without a separate image filesystem: `imagefs` shares the node filesystem and
 * its ranking (every filesystem stat of the pod); `pid.available` is `evictionapi.SignalPIDAvailable`.
 */
export const signalRanking = {
  'memory.available': rankMemoryPressure,
  'allocatableMemory.available': rankMemoryPressure,
  'nodefs.available': rankDiskPressure,
  'imagefs.available': rankDiskPressure,
  'nodefs.inodesFree': rankInodePressure,
  'pid.available': rankPIDPressure,
} as const satisfies Record<string, Comparator>;

export type EvictionSignal = keyof typeof signalRanking;

/**
 * Pod names in the order the kubelet's eviction manager would evict them for `signal`, first to go first.
 *
 * Memory signals: pods with no memory stats, then pods using more memory than they request; among those,
 * lower `spec.priority` first; then the larger working set above the request. Disk (`nodefs.available`):
 * the same with ephemeral storage. Inodes: the same with inode counts. PIDs: lower priority first, then
 * more processes. The request is the pod's effective request (containers, init containers, sidecars,
 * pod-level requests and overhead). Critical pods are ranked like any other: skipping them is the
 * eviction manager's job (`isCriticalPod`). Pods that tie on every key keep their input order.
 */
export const evictionOrder = (candidates: readonly Candidate[], signal: EvictionSignal): string[] =>
  [...candidates].sort(signalRanking[signal]).map((c) => c.pod.metadata.name ?? '');
