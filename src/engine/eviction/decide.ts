/**
 * The eviction manager's monitoring cycle (`eviction_manager.go :: synchronize`): observe `memory.available`,
 * the node filesystem (`nodefs.available`, and `imagefs.available` on the same disk) and `pid.available`, compare
 * them with the node's hard thresholds, keep each pressure condition on for the 5-minute transition period, evict
 * the pods whose local storage outgrew its limits, else at most one pod ranked for the starved resource, sparing
 * critical pods, killing its containers with the 1 s hard-eviction grace.
 */
import type { Event } from '../../events/index.js';
import { isCriticalPod, signalRanking } from '../../eviction/index.js';
import { formatBytes, formatCount, valueOf } from '../../k8s/quantity.js';
import { aboutContainer, aboutPod, envelope } from '../emit.js';
import type { ContainerUsage, InputOf, VolumeUsage } from '../inputs.js';
import { activePodsOn } from '../kubelet/active.js';
import { EVICTION_GRACE_SECONDS, killPod } from '../kubelet/kill.js';
import { syncPodBlocked } from '../kubelet/worker.js';
import { kubeletDown } from '../nodeloss/controller.js';
import { PRESSURE_TYPES, type PressureType } from '../pressure.js';
import type { EngineState, EvictionRound, NodeBook, PodBook } from '../state.js';
import type { VirtualMs } from '../world.js';
import { hasLocalStorageLimit, localStorageVerdict } from './local-storage.js';
import { killWaitRunsOutAt, localTurnAt } from './loop.js';
import { evictionWords } from './message.js';
import {
  conditionOfSignal,
  OBSERVED_SIGNALS,
  resourceOfSignal,
  thresholdQuantity,
  thresholdShown,
  type ObservedSignal,
  type Observation,
} from './signals.js';

/** `PressureTransitionPeriod` (kubelet default `evictionPressureTransitionPeriod`). */
const PRESSURE_TRANSITION_MS = 5 * 60_000;

/** The node conditions' words (`pkg/kubelet/nodestatus/setters.go`: `MemoryPressureCondition`, `DiskPressureCondition`, `PIDPressureCondition`). */
const conditionWords: Readonly<Record<PressureType, { readonly on: readonly [string, string]; readonly off: readonly [string, string] }>> = {
  MemoryPressure: { on: ['KubeletHasInsufficientMemory', 'kubelet has insufficient memory available'], off: ['KubeletHasSufficientMemory', 'kubelet has sufficient memory available'] },
  DiskPressure: { on: ['KubeletHasDiskPressure', 'kubelet has disk pressure'], off: ['KubeletHasNoDiskPressure', 'kubelet has no disk pressure'] },
  PIDPressure: { on: ['KubeletHasInsufficientPID', 'kubelet has insufficient PID available'], off: ['KubeletHasSufficientPID', 'kubelet has sufficient PID available'] },
};

type Input = InputOf<'evictionMonitor'>;

const sum = <T>(items: readonly T[], f: (item: T) => bigint): bigint => items.reduce((total, item) => total + f(item), 0n);

const samples = (state: EngineState, usage: readonly ContainerUsage[], now: VirtualMs): Event[] =>
  usage.flatMap((u) => {
    const pod = state.pods.get(u.uid);
    const memory = formatBytes(u.bytes);
    const c = pod?.containers.find((x) => x.name === u.container);
    if (pod === undefined || c === undefined || (c.lastUsage ?? '0') === memory) return [];
    return [{ type: 'ContainerUsageSampled' as const, ...aboutContainer(now, 'node', pod.ref, c.name), memory }];
  });

/**
 * `makeSignalObservations`: memory against the node's allocatable memory (what the engine's pods may use); the
 * node filesystem when its size is known, both as nodefs and as the image filesystem on the same disk; processes
 * when the kernel's limit is known (`rlimit.MaxPID` minus the running processes).
 */
const observe = (node: NodeBook, input: Input): Partial<Record<ObservedSignal, Observation>> => {
  const memoryCapacity = valueOf(node.allocatable['memory']);
  const memory = { capacity: memoryCapacity, available: memoryCapacity - sum(input.usage, (u) => u.bytes) };
  const diskUsed = input.nodeUsage.diskUsedBytes + sum(input.usage, (u) => u.disk) + sum(input.volumes, (v) => v.bytes);
  const disk = node.diskCapacityBytes === undefined ? undefined : { capacity: node.diskCapacityBytes, available: node.diskCapacityBytes - diskUsed };
  const pidMax = input.nodeUsage.pidMax;
  const processes = BigInt(input.nodeUsage.processes + input.usage.reduce((total, u) => total + u.processes, 0));
  const pid = pidMax === undefined ? undefined : { capacity: BigInt(pidMax), available: BigInt(pidMax) - processes };
  return {
    'memory.available': memory,
    ...(disk === undefined ? {} : { 'imagefs.available': disk, 'nodefs.available': disk }),
    ...(pid === undefined ? {} : { 'pid.available': pid }),
  };
};

interface Met {
  readonly signal: ObservedSignal;
  /** The threshold and what is available, as the message and the event print them. */
  readonly threshold: string;
  readonly available: string;
}

/** `thresholdsMet`, in the engine's fixed order (Go's comes from a map: any order among the disk signals). */
const metThresholds = (node: NodeBook, observations: Partial<Record<ObservedSignal, Observation>>): Met[] =>
  OBSERVED_SIGNALS.flatMap((signal) => {
    const threshold = node.thresholds[signal];
    const observed = observations[signal];
    if (threshold === undefined || observed === undefined) return [];
    const quantity = thresholdQuantity(threshold, observed);
    if (observed.available >= quantity) return [];
    // `NewQuantity(available, DecimalSI)` for pids, `BinarySI` for bytes
    const available = signal === 'pid.available' ? formatCount(observed.available) : formatBytes(observed.available);
    return [{ signal, threshold: thresholdShown(threshold, quantity), available }];
  });

/**
 * `nodeConditionsLastObservedAt` and `nodeConditionsObservedSince`: a condition the cycle observes a signal of is on
 * while one is met and for the transition period after; one whose signals it cannot observe (no disk size, no
 * process limit) stays as the scenario's steps set it.
 */
const conditions = (node: NodeBook, observed: ReadonlySet<PressureType>, met: readonly Met[], now: VirtualMs): Event[] =>
  PRESSURE_TYPES.filter((type) => observed.has(type)).flatMap((type): Event[] => {
    const on = met.some((m) => conditionOfSignal[m.signal] === type);
    const holds = node.pressures.includes(type);
    const last = node.pressureObservedAt[type];
    const quiet = last === undefined || now - last >= PRESSURE_TRANSITION_MS;
    if (on === holds || (!on && !quiet)) return [];
    const [reason, message] = conditionWords[type][on ? 'on' : 'off'];
    return [{ type: 'NodeConditionChanged', ...envelope(now, 'kubelet'), node: node.name, conditionType: type, status: on ? 'True' : 'False', reason, message }];
  });

/** What the summary says of one pod. */
interface PodStats {
  readonly memory: bigint;
  /** `podDiskUsage` on one filesystem: the containers' rootfs and logs, and local volumes (emptyDir here). */
  readonly disk: bigint;
  readonly processes: number;
  readonly container: (name: string) => ContainerUsage | undefined;
  readonly volume: (name: string) => bigint | undefined;
}

const groupBy = <T extends { readonly uid: string }>(items: readonly T[]): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.uid);
    if (group === undefined) groups.set(item.uid, [item]);
    else group.push(item);
  }
  return groups;
};

/**
 * The summary lists a pod through its containers (`cri_stats_provider.go :: listPodStatsPartiallyFromCRI` walks
 * `ListContainerStats`; `PodAndContainerStatsFromCRI` is off in v1.36): one the runtime holds no container of (its
 * first image still pulling, its sandbox alone, its containers removed) has no stats. The runtime keeps an exited
 * container (`removeTerminatedContainers` keeps the latest), so a pod whose containers all exited is still listed.
 */
const inSummary = (pod: PodBook): boolean => pod.containers.some((c) => c.current !== undefined);

/** The summary's pod stats (`cachedStatsFunc`), grouped once per cycle; undefined for a pod it does not list. */
const statsOf = (input: Input): ((pod: PodBook) => PodStats | undefined) => {
  const usageBy = groupBy(input.usage);
  const volumesBy = groupBy<VolumeUsage>(input.volumes);
  return (pod) => {
    if (!inSummary(pod)) return undefined;
    const usage = usageBy.get(pod.ref.uid) ?? [];
    const volumes = volumesBy.get(pod.ref.uid) ?? [];
    return {
      memory: sum(usage, (u) => u.bytes),
      disk: sum(usage, (u) => u.disk) + sum(volumes, (v) => v.bytes),
      processes: usage.reduce((total, u) => total + u.processes, 0),
      container: (name) => usage.find((u) => u.container === name),
      volume: (name) => volumes.find((v) => v.volume === name)?.bytes,
    };
  };
};

/**
 * A node-pressure eviction has annotations and a DisruptionTarget; a local storage one neither (`evictPod(…, nil, nil)`).
 * `TerminatePodAbnormallyAndWait` asks the pod worker for the kill: an idle worker runs `SyncTerminatingPod` at
 * once; a `SyncPod` in flight runs on first (its probe kill, its restart: `kubelet/worker.ts :: syncPodRunsOn`), and
 * the terminating sync that follows stops the pod (`kubelet/sync.ts`).
 */
const evict = (pod: PodBook, now: VirtualMs, signal: string, message: string, annotations?: Readonly<Record<string, string>>): Event[] => [
  {
    type: 'PodEvicted',
    ...aboutPod(now, 'kubelet', pod.ref),
    signal,
    message,
    ...(annotations === undefined ? { disruptionTarget: false as const } : { annotations: { ...annotations } }),
  },
  ...(syncPodBlocked(pod) ? [] : killPod(pod, now, 'PodEvicted', EVICTION_GRACE_SECONDS)),
];

/**
 * `localStorageEviction`: the first active pod over a local storage limit, not critical (`evictPod`). The kubelet
 * goes on through the list, each `evictPod` waiting for the previous pod's termination: the next ones are the
 * round's turns (`turn`).
 */
const localStorageEviction = (pods: readonly PodBook[], stats: (pod: PodBook) => PodStats | undefined, now: VirtualMs): Event[] => {
  for (const pod of pods) {
    if (!hasLocalStorageLimit(pod.manifest) || isCriticalPod(pod.manifest)) continue;
    const podStats = stats(pod);
    if (podStats === undefined) continue;
    const verdict = localStorageVerdict(pod.manifest, { containerDisk: (name) => podStats.container(name)?.disk, volume: podStats.volume, podTotal: podStats.disk });
    if (verdict !== undefined) return evict(pod, now, verdict.signal, verdict.message);
  }
  return [];
};

/**
 * A local storage round's next `evictPod`, as the last one returned: the next pod over a limit by the stats of the
 * `synchronize` that began the round (the input samples them then: `agenda.ts :: nodeWakeups`), among the pods
 * active at it and not yet evicted in it.
 */
const turn = (state: EngineState, node: NodeBook, round: EvictionRound, input: Input, now: VirtualMs): Event[] => {
  const pods = activePodsOn(state, node.name).filter((p) => p.startTime !== undefined && p.startTime <= round.at && !round.uids.includes(p.ref.uid));
  return localStorageEviction(pods, statsOf(input), now);
};

/**
 * The threshold to reclaim (`byEvictionPriority`: memory first; then the engine's order, imagefs before nodefs,
 * as its 15 % is met first on one disk), the pods ranked for it with the kubelet's comparator (stable: ties keep
 * creation order), and the first one that is not critical evicted.
 */
const thresholdEviction = (pods: readonly PodBook[], podStats: (pod: PodBook) => PodStats | undefined, met: Met, now: VirtualMs): Event[] => {
  const candidates = pods.map((book) => {
    const stats = podStats(book);
    // a pod the summary does not list has no usage: every comparator ranks it first (`!p1Found`)
    const usage = stats === undefined ? {} : { memory: formatBytes(stats.memory), ephemeralStorage: formatBytes(stats.disk), pids: stats.processes };
    return { book, stats, pod: book.manifest, usage };
  });
  const chosen = [...candidates].sort(signalRanking[met.signal]).find((c) => !isCriticalPod(c.pod));
  if (chosen === undefined) return [];
  const resource = resourceOfSignal[met.signal];
  const { stats } = chosen;
  const words = evictionWords(
    resource,
    chosen.pod,
    met.threshold,
    met.available,
    stats && {
      podMemory: stats.memory,
      container: (name) => {
        const u = stats.container(name);
        return u === undefined ? undefined : resource === 'memory' ? u.bytes : u.disk;
      },
    },
  );
  return evict(chosen.book, now, met.signal, words.message, words.annotations);
};

/** Which conditions the cycle can decide: memory always, disk with the node filesystem's size, PIDs with the process limit. */
const observedConditions = (observations: Partial<Record<ObservedSignal, Observation>>): ReadonlySet<PressureType> =>
  new Set(OBSERVED_SIGNALS.filter((s) => observations[s] !== undefined).map((s) => conditionOfSignal[s]));

/**
 * `killPodNow` gave up waiting for the termination of the round's last-evicted pod: `ExceededGracePeriod` on it
 * (the kill goes on; `evictPod` returns, and the loop waits for the cleanup).
 */
const killTimedOut = (state: EngineState, round: EvictionRound, now: VirtualMs): Event[] => {
  const uid = round.uids[round.uids.length - 1];
  const pod = uid === undefined ? undefined : state.pods.get(uid);
  return pod === undefined ? [] : [{ type: 'PodKillTimedOut', ...aboutPod(now, 'kubelet', pod.ref) }];
};

export const decideEviction = (state: EngineState, input: Input, now: VirtualMs): Event[] => {
  const node = state.nodes.get(input.node);
  if (node === undefined || kubeletDown(node)) return [];
  const round = node.evictionRound;
  const waitRanOut = round !== undefined && killWaitRunsOutAt(round) === now;
  const timedOut = waitRanOut ? killTimedOut(state, round, now) : [];
  if (round !== undefined && localTurnAt(round) === now) return [...timedOut, ...turn(state, node, round, input, now)];
  if (waitRanOut) return timedOut;
  const observations = observe(node, input);
  const met = metThresholds(node, observations);
  const recorded: Event[] = met.map((m) => ({ type: 'EvictionThresholdMet', ...envelope(now, 'kubelet'), node: node.name, signal: m.signal, threshold: m.threshold, available: m.available }));
  // a pod evicted before and still stopping is ranked again, as the kubelet's active pods still hold it: the
  // loop only gets here before its cleanup when its wait timed out (`eviction/loop.ts`)
  const pods = activePodsOn(state, node.name);
  const stats = statsOf(input);
  const local = localStorageEviction(pods, stats, now);
  const [reclaim] = met;
  return [
    ...samples(state, input.usage, now),
    ...recorded,
    ...conditions(node, observedConditions(observations), met, now),
    ...local,
    ...(local.length === 0 && reclaim !== undefined ? thresholdEviction(pods, stats, reclaim, now) : []),
  ];
};
