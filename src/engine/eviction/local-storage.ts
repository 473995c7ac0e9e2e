/**
 * The eviction manager's local storage checks (`eviction_manager.go :: localStorageEviction`, with
 * `localStorageCapacityIsolation` on, the default): a pod is evicted, node pressure or not, when an emptyDir
 * outgrows its `sizeLimit`, when the pod outgrows its containers' ephemeral-storage limits, or when a container's
 * writable layer and logs outgrow its own limit; the first check that holds decides, in that order.
 */
import { podEphemeralStorageLimitNanos } from '../../eviction/index.js';
import type { V1Pod } from '../../k8s/pod.js';
import { canonicalQuantity, formatQuantity, parseQuantity, valueOf } from '../../k8s/quantity.js';

/** The pod's stats as the summary gives them: each live container's rootfs plus logs, each emptyDir volume's bytes. */
export interface LocalStorageStats {
  readonly containerDisk: (name: string) => bigint | undefined;
  readonly volume: (name: string) => bigint | undefined;
  /** `PodStats.EphemeralStorage.UsedBytes`: the containers' rootfs and logs and the pod's local volumes. */
  readonly podTotal: bigint;
}

/** The metrics label `evictPod` counts under: `PodEvicted`'s signal, which also tells that no node condition caused it. */
export type LocalStorageSignal = 'emptydirfs.limit' | 'ephemeralpodfs.limit' | 'ephemeralcontainerfs.limit';

const localStorageSignals: ReadonlySet<string> = new Set<LocalStorageSignal>(['emptydirfs.limit', 'ephemeralpodfs.limit', 'ephemeralcontainerfs.limit']);

/** `PodEvicted`'s signal names a local storage limit, not a node-pressure threshold. */
export const isLocalStorageSignal = (signal: string): boolean => localStorageSignals.has(signal);

export interface LocalStorageVerdict {
  readonly signal: LocalStorageSignal;
  readonly message: string;
}

const shown = (raw: string): string => canonicalQuantity(raw) ?? raw;

/** `emptyDirLimitEviction`: the first emptyDir (spec order) whose use exceeds a positive `sizeLimit`. */
const emptyDirLimit = (pod: V1Pod, stats: LocalStorageStats): LocalStorageVerdict | undefined => {
  for (const v of pod.spec.volumes ?? []) {
    const size = v.emptyDir?.sizeLimit;
    const used = stats.volume(v.name);
    if (size === undefined || used === undefined || valueOf(size) <= 0n || used <= valueOf(size)) continue;
    return { signal: 'emptydirfs.limit', message: `Usage of EmptyDir volume "${v.name}" exceeds the limit "${shown(size)}". ` };
  }
  return undefined;
};

/**
 * `podEphemeralStorageLimitEviction`: the pod's whole use above `PodLimits`' ephemeral-storage (the sum of the
 * limits its containers set), printed as that sum's `Quantity.String()`, in the first limit's format.
 */
const podLimit = (pod: V1Pod, stats: LocalStorageStats): LocalStorageVerdict | undefined => {
  const nanos = podEphemeralStorageLimitNanos(pod);
  if (nanos === undefined || stats.podTotal * 1_000_000_000n <= nanos) return undefined;
  const first = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].map((c) => c.resources?.limits?.['ephemeral-storage']).find((l) => l !== undefined);
  const format = (first === undefined ? undefined : parseQuantity(first)?.format) ?? 'BinarySI';
  return { signal: 'ephemeralpodfs.limit', message: `Pod ephemeral local storage usage exceeds the total limit of containers ${formatQuantity({ nanos, format })}. ` };
};

/** `containerEphemeralStorageLimitEviction`: a regular container (not an init container) above its non-zero limit. */
const containerLimit = (pod: V1Pod, stats: LocalStorageStats): LocalStorageVerdict | undefined => {
  for (const c of pod.spec.containers) {
    const limit = c.resources?.limits?.['ephemeral-storage'];
    const used = stats.containerDisk(c.name);
    if (limit === undefined || used === undefined || valueOf(limit) === 0n || used <= valueOf(limit)) continue;
    return { signal: 'ephemeralcontainerfs.limit', message: `Container ${c.name} exceeded its local ephemeral storage limit "${shown(limit)}". ` };
  }
  return undefined;
};

/** Whether any check can hold: an emptyDir with a `sizeLimit`, or an ephemeral-storage limit (read once per spec). */
const limited = new WeakMap<V1Pod, boolean>();
export const hasLocalStorageLimit = (pod: V1Pod): boolean => {
  const known = limited.get(pod);
  if (known !== undefined) return known;
  const answer =
    (pod.spec.volumes ?? []).some((v) => v.emptyDir?.sizeLimit !== undefined) ||
    [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].some((c) => c.resources?.limits?.['ephemeral-storage'] !== undefined);
  limited.set(pod, answer);
  return answer;
};

/** Why the pod is to be evicted for its local storage, if it is. */
export const localStorageVerdict = (pod: V1Pod, stats: LocalStorageStats): LocalStorageVerdict | undefined =>
  emptyDirLimit(pod, stats) ?? podLimit(pod, stats) ?? containerLimit(pod, stats);
