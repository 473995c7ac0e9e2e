/**
 * The eviction manager's monitoring cycle (`eviction_manager.go :: synchronize`) for `memory.available`:
 * sample working sets, compare allocatable minus their sum with the node's hard threshold, keep
 * MemoryPressure on for the 5-minute transition period, and evict at most one pod per cycle in the
 * kubelet's ranking order, sparing critical pods, killing its containers with the 1 s hard-eviction grace.
 */
import type { Event } from '../../events/index.js';
import { isCriticalPod, signalRanking } from '../../eviction/index.js';
import { formatBytes, valueOf } from '../../k8s/quantity.js';
import { aboutContainer, aboutPod, envelope } from '../emit.js';
import type { ContainerUsage, InputOf } from '../inputs.js';
import { activePodsOn } from '../kubelet/active.js';
import { killPod } from '../kubelet/kill.js';
import { hasLiveContainer } from '../lifecycle.js';
import { kubeletDown } from '../nodeloss/controller.js';
import type { EngineState, NodeBook, PodBook } from '../state.js';
import type { VirtualMs } from '../world.js';
import { memoryEvictionWords } from './message.js';

/** `PressureTransitionPeriod` (kubelet default `evictionPressureTransitionPeriod`). */
const PRESSURE_TRANSITION_MS = 5 * 60_000;
/** `immediateEvictionGracePeriodSeconds`: hard thresholds kill with a 1 s grace. */
const HARD_EVICTION_GRACE_SECONDS = 1;

const samples = (state: EngineState, usage: readonly ContainerUsage[], now: VirtualMs): Event[] =>
  usage.flatMap((u) => {
    const pod = state.pods.get(u.uid);
    const memory = formatBytes(u.bytes);
    const c = pod?.containers.find((x) => x.name === u.container);
    if (pod === undefined || c === undefined || (c.lastUsage ?? '0') === memory) return [];
    return [{ type: 'ContainerUsageSampled' as const, ...aboutContainer(now, 'node', pod.ref, c.name), memory }];
  });

const condition = (node: NodeBook, met: boolean, now: VirtualMs): Event[] => {
  const subject = { ...envelope(now, 'kubelet'), node: node.name, conditionType: 'MemoryPressure' };
  if (met && !node.pressures.includes('MemoryPressure')) {
    return [{ type: 'NodeConditionChanged', ...subject, status: 'True', reason: 'KubeletHasInsufficientMemory', message: 'kubelet has insufficient memory available' }];
  }
  const quiet = node.thresholdLastMetAt === undefined || now - node.thresholdLastMetAt >= PRESSURE_TRANSITION_MS;
  if (!met && node.pressures.includes('MemoryPressure') && quiet) {
    return [{ type: 'NodeConditionChanged', ...subject, status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' }];
  }
  return [];
};

const victim = (state: EngineState, node: NodeBook, usage: readonly ContainerUsage[], threshold: bigint, available: bigint, now: VirtualMs): Event[] => {
  // the manager waits for the last evicted pod to be cleaned up before evicting again
  const cleaning = [...state.pods.values()].some((p) => p.node === node.name && p.evicted && hasLiveContainer(p));
  if (cleaning) return [];
  const pods = activePodsOn(state, node.name);
  // the pod's working set is its containers' (the stats' pod cgroup holds nothing else here)
  const podBytes = (pod: PodBook): bigint => usage.filter((u) => u.uid === pod.ref.uid).reduce((sum, u) => sum + u.bytes, 0n);
  const candidates = pods.map((book) => ({ book, pod: book.manifest, usage: { memory: formatBytes(podBytes(book)) } }));
  // ranked with the kubelet's comparator itself (stable: ties keep creation order), so pods are never confused by name
  const chosen = [...candidates].sort(signalRanking['memory.available']).find((c) => !isCriticalPod(c.pod))?.book;
  if (chosen === undefined) return [];
  const words = memoryEvictionWords(chosen.manifest, threshold, available, {
    pod: podBytes(chosen),
    container: (name) => usage.find((u) => u.uid === chosen.ref.uid && u.container === name)?.bytes,
  });
  return [
    { type: 'PodEvicted', ...aboutPod(now, 'kubelet', chosen.ref), signal: 'memory.available', message: words.message, annotations: { ...words.annotations } },
    ...killPod(chosen, now, 'PodEvicted', HARD_EVICTION_GRACE_SECONDS),
  ];
};

export const decideEviction = (state: EngineState, input: InputOf<'evictionMonitor'>, now: VirtualMs): Event[] => {
  const node = state.nodes.get(input.node);
  if (node === undefined || kubeletDown(node)) return [];
  const used = input.usage.reduce((sum, u) => sum + u.bytes, 0n);
  const available = valueOf(node.allocatable['memory']) - used;
  const threshold = node.memoryThresholdBytes;
  const met = threshold !== undefined && available < threshold;
  const observed: Event[] = met
    ? [
        {
          type: 'EvictionThresholdMet',
          ...envelope(now, 'kubelet'),
          node: node.name,
          signal: 'memory.available',
          threshold: formatBytes(threshold),
          available: formatBytes(available),
        },
      ]
    : [];
  return [
    ...samples(state, input.usage, now),
    ...observed,
    ...condition(node, met, now),
    ...(met ? victim(state, node, input.usage, threshold, available, now) : []),
  ];
};
