/** Node-pressure eviction policy: the kubelet's ranking of pods and which pods it never evicts. */
export { evictionOrder, signalRanking, rankMemoryPressure, rankDiskPressure, rankInodePressure, rankPIDPressure } from './rank.js';
export type { EvictionSignal } from './rank.js';
export {
  cmpBool,
  orderedBy,
  priority,
  exceedMemoryRequests,
  memory,
  exceedDiskRequests,
  disk,
  exceedInodeRequests,
  inodes,
  processes,
} from './comparators.js';
export type { Candidate, Comparator, Usage } from './comparators.js';
export { isCriticalPod, SYSTEM_CRITICAL_PRIORITY } from './critical.js';
export { podEphemeralStorageLimitNanos, podRequestNanos, schedulingRequestNanos } from './requests.js';
