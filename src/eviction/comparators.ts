/**
 * The kubelet's eviction comparators (`pkg/kubelet/eviction/helpers.go`), one named function each.
 * A comparator returns < 0 when the first candidate should be evicted before the second.
 */
import type { V1Pod } from '../k8s/pod.js';
import { parseQuantity } from '../k8s/quantity.js';
import { podRequestNanos } from './requests.js';

/** What the node's stats say a pod uses; a missing field means "no stats for this resource". */
export interface Usage {
  /** Working set, a quantity such as `"700Mi"`. */
  readonly memory?: string;
  /** Disk used by container root filesystems, logs and local volumes, a quantity. */
  readonly ephemeralStorage?: string;
  /** Inodes used on the same filesystems. */
  readonly inodes?: number;
  /** Process count. */
  readonly pids?: number;
}

export interface Candidate {
  readonly pod: V1Pod;
  readonly usage: Usage;
}

export type Comparator = (a: Candidate, b: Candidate) => number;

/** Orders `true` before `false` (`cmpBool`). */
export const cmpBool = (a: boolean, b: boolean): number => (a === b ? 0 : a ? -1 : 1);

const cmpBigint = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);

/** Applies comparators in order; a later one only breaks the ties of the earlier ones (`orderedBy`). */
export const orderedBy =
  (...comparators: readonly Comparator[]): Comparator =>
  (a, b) => {
    for (const compare of comparators) {
      const result = compare(a, b);
      if (result !== 0) return result;
    }
    return 0;
  };

const nanosUsed = (candidate: Candidate, field: 'memory' | 'ephemeralStorage'): bigint | undefined => {
  const raw = candidate.usage[field];
  if (raw === undefined) return undefined;
  const parsed = parseQuantity(raw);
  if (parsed === undefined) {
    throw new RangeError(`pod ${candidate.pod.metadata.name ?? '?'}: usage.${field}: "${raw}" is not a quantity`);
  }
  return parsed.nanos;
};

/** Inodes and pids are plain counts; nano-units keep them comparable with requests. */
const nanosCounted = (count: number | undefined): bigint | undefined =>
  count === undefined ? undefined : BigInt(Math.trunc(count)) * 1_000_000_000n;

/**
 * Builds the two comparators every resource shares: "no stats first, then usage above request first"
 * and "no stats first, then larger usage − request first".
 */
const byUsage = (used: (c: Candidate) => bigint | undefined, requested: (pod: V1Pod) => bigint) => {
  const exceeds: Comparator = (a, b) => {
    const ua = used(a);
    const ub = used(b);
    if (ua === undefined || ub === undefined) return cmpBool(ua === undefined, ub === undefined);
    return cmpBool(ua > requested(a.pod), ub > requested(b.pod));
  };
  const greedier: Comparator = (a, b) => {
    const ua = used(a);
    const ub = used(b);
    if (ua === undefined || ub === undefined) return cmpBool(ua === undefined, ub === undefined);
    return cmpBigint(ub - requested(b.pod), ua - requested(a.pod));
  };
  return { exceeds, greedier };
};

/** Lower `spec.priority` first; a missing priority counts as 0 (`corev1helpers.PodPriority`). */
export const priority: Comparator = (a, b) => (a.pod.spec.priority ?? 0) - (b.pod.spec.priority ?? 0);

const memoryRanking = byUsage(
  (c) => nanosUsed(c, 'memory'),
  (pod) => podRequestNanos(pod, 'memory'),
);
/** Pods without memory stats first, then pods whose working set is above their memory request. */
export const exceedMemoryRequests: Comparator = memoryRanking.exceeds;
/** Larger working set minus memory request first. */
export const memory: Comparator = memoryRanking.greedier;

const diskRanking = byUsage(
  (c) => nanosUsed(c, 'ephemeralStorage'),
  (pod) => podRequestNanos(pod, 'ephemeral-storage'),
);
/** Pods without disk stats first, then pods whose disk usage is above their ephemeral-storage request. */
export const exceedDiskRequests: Comparator = diskRanking.exceeds;
/** Larger disk usage minus ephemeral-storage request first. */
export const disk: Comparator = diskRanking.greedier;

const inodeRanking = byUsage(
  (c) => nanosCounted(c.usage.inodes),
  // Nothing can request inodes, so any use exceeds the request (GetResourceRequestQuantity of "inodes" is 0);
  // `disk` in helpers.go still subtracts the ephemeral-storage request from the inode count, and so do we.
  () => 0n,
);
/** Pods without inode stats first, then pods using any inodes. */
export const exceedInodeRequests: Comparator = inodeRanking.exceeds;
/** Larger inode count minus the ephemeral-storage request first, as `disk(…, resourceInodes)` computes it. */
export const inodes: Comparator = byUsage(
  (c) => nanosCounted(c.usage.inodes),
  (pod) => podRequestNanos(pod, 'ephemeral-storage'),
).greedier;

/** Pods without process stats first, then more processes first (`process`). */
export const processes: Comparator = byUsage(
  (c) => nanosCounted(c.usage.pids),
  () => 0n,
).greedier;
