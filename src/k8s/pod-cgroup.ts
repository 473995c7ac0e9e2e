/**
 * What a v1.36 kubelet reads back from a pod's cgroup on a cgroup v2 Linux node (kind's, containerd's default), for
 * the pod-level `status.resources` of a running pod (`kubelet_pods.go :: convertToAPIPodLevelResourcesStatus`):
 * the cgroup the kubelet wrote (`pkg/kubelet/cm/helpers_linux.go :: ResourceConfigForPod`, CFS quota enforced, the
 * default 100 ms period), converted to cgroup v2 files and back (`cgroup_v2_manager_linux.go :: cpuSharesToCPUWeight`,
 * `cpuWeightToCPUShares`), then to quantities (`helpers_linux.go :: CPURequestsFromConfig`, `CPULimitsFromConfig`,
 * `MemoryLimitsFromConfig`). The integer conversions round: a request of `10m` reads back as `2m`, `1` as `975m`.
 */
import type { ResourceList } from './codecs.js';
import type { Container, PodSpec, QOSClass } from './pod.js';
import { milliValueOf, nanosOf, valueOf } from './quantity.js';
import { podLevelResourcesSet } from './pod-resources.js';

/** `cm.MinShares`, `cm.MaxShares`, `cm.SharesPerCPU`, `cm.QuotaPeriod`, `cm.MinQuotaPeriod` (µs). */
export const MIN_SHARES = 2n;
const MAX_SHARES = 262144n;
const SHARES_PER_CPU = 1024n;
const QUOTA_PERIOD = 100_000n;
const MIN_QUOTA_PERIOD = 1000n;
/** `cm.MinMilliCPULimit`: the smallest CPU limit a quota can express. */
export const MIN_MILLI_CPU_LIMIT = 10n;
/** The kernel keeps `memory.max` in whole pages (`page_counter_memparse`): 4 KiB on x86-64 and arm64 nodes. */
const PAGE_BYTES = 4096n;

/** The values read back: the CPU request (milli-CPU), and the CPU limit and memory limit when the cgroup has them. */
export interface CgroupReading {
  readonly cpuRequestMilli: bigint;
  readonly cpuLimitMilli?: bigint;
  readonly memoryLimitBytes?: bigint;
}

/** `MilliCPUToShares`. */
const milliCPUToShares = (milli: bigint): bigint => {
  if (milli === 0n) return MIN_SHARES;
  const shares = (milli * SHARES_PER_CPU) / 1000n;
  return shares < MIN_SHARES ? MIN_SHARES : shares > MAX_SHARES ? MAX_SHARES : shares;
};

/** `cpu.weight` written for `shares`, read back as shares, then `sharesToMilliCPU` (rounded up). */
const sharesReadBack = (shares: bigint): bigint => {
  const weight = ((shares - 2n) * 9999n) / 262142n + 1n;
  const back = ((weight - 1n) * 262142n) / 9999n + 2n;
  return (back * 1000n + SHARES_PER_CPU - 1n) / SHARES_PER_CPU;
};

/** `MilliCPUToQuota` with the default period, then `quotaToMilliCPU`. */
const quotaReadBack = (milli: bigint): bigint => {
  if (milli === 0n) return 0n;
  const quota = (milli * QUOTA_PERIOD) / 1000n;
  return ((quota < MIN_QUOTA_PERIOD ? MIN_QUOTA_PERIOD : quota) * 1000n) / QUOTA_PERIOD;
};

/** `ResourceConfigForPod`'s ContainerFn: every container and init container declares a non-zero limit of `name`. */
const allDeclare = (spec: PodSpec, name: string): boolean =>
  [...spec.containers, ...(spec.initContainers ?? [])].every((c: Container) => nanosOf(c.resources?.limits?.[name]) !== 0n);

/** A pod-level limit of `name` that is not zero (pod-level resources set: `IsPodLevelResourcesSet`). */
const podLevelLimit = (spec: PodSpec, name: string): boolean => podLevelResourcesSet(spec) && nanosOf(spec.resources?.limits?.[name]) !== 0n;

/** The pod cgroup of a pod of class `qos` with these aggregate requests and limits (`PodRequests`, `PodLimits`), read back. */
export const podCgroupReading = (spec: PodSpec, qos: QOSClass, requests: ResourceList, limits: ResourceList): CgroupReading => {
  if (qos === 'BestEffort') return { cpuRequestMilli: sharesReadBack(MIN_SHARES) };
  const cpuRequestMilli = sharesReadBack(milliCPUToShares(milliValueOf(requests['cpu'])));
  const guaranteed = qos === 'Guaranteed';
  const quota = guaranteed || allDeclare(spec, 'cpu') || podLevelLimit(spec, 'cpu');
  const memory = guaranteed || allDeclare(spec, 'memory') || podLevelLimit(spec, 'memory');
  const cpuLimitMilli = quota ? quotaReadBack(milliValueOf(limits['cpu'])) : 0n;
  const memoryLimitBytes = memory ? (valueOf(limits['memory']) / PAGE_BYTES) * PAGE_BYTES : 0n;
  return {
    cpuRequestMilli,
    ...(cpuLimitMilli > 0n && { cpuLimitMilli }),
    ...(memoryLimitBytes > 0n && { memoryLimitBytes }),
  };
};
