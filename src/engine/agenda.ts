/**
 * The wake-ups, derived rather than stored: each source (a pod, one of its containers, a node) lists what is
 * due from the folded state and the world's answers (process exits, pull and hook completions, probe ticks,
 * OOM sampling each second, eviction monitoring every 10 s, back-off expiries, tolerations), so replaying the
 * events rebuilds them exactly. `timers.ts` keeps them in a queue and asks a source again only when what it
 * reads changed. Simultaneous wake-ups are ordered by (rank of concern, pod creation order, container order, probe).
 */
import type { ProbeKind } from '../events/index.js';
import { removedAtOnce } from './deletion/decide.js';
import { terminatedWorkAt } from './kubelet/terminated.js';
import { cleanupDeadline, killWaitRunsOutAt, localTurnAt } from './eviction/loop.js';
import { nextOnGrid } from './grid.js';
import type { ContainerUsage, Input, VolumeUsage } from './inputs.js';
import { emptyDirNames } from './spec.js';
import { killedEnd } from './kubelet/kill.js';
import { deadlineTick } from './kubelet/deadline.js';
import { pendingTrigger, requeueDue, syncInFlight, syncPodRunsOn } from './kubelet/worker.js';
import { hasLiveContainer, isRunning, liveContainers, specOf } from './lifecycle.js';
import { kubeletDown, noExecuteTaintAt, noExecuteTaintOf, tolerationSeconds, unresponsiveAt } from './nodeloss/controller.js';
import { activeProbes, nextProbeTick, probeTrackOf } from './probes/worker.js';
import { hookAnswerOf, memoryLimitBytes, probeTiming } from './spec.js';
import { podsBoundTo, type ContainerBook, type EngineState, type NodeBook, type PodBook } from './state.js';
import type { NodeUsage, VirtualMs, World } from './world.js';

const NO_NODE_USAGE: NodeUsage = { diskUsedBytes: 0n, processes: 0 };

export interface Wakeup {
  readonly at: VirtualMs;
  /** Tie-break among wake-ups at the same instant (`orderOf`): lower first. */
  readonly order: number;
  /** Names the wake-up so that one that decided nothing is not taken twice at the same instant. */
  readonly key: string;
  readonly input: Input;
  /**
   * What its decision reads of the state, when that is all it reads: while these stay the same objects, a
   * wake-up that decided nothing would decide nothing again at this instant (without it, any event may change that).
   */
  readonly reads?: (state: EngineState) => readonly unknown[];
}

/**
 * A wake-up as a source lists it: its input may be read from the state only when it comes due (the eviction
 * manager's working sets change with every pod on the node, its instant does not).
 */
export interface Timer extends Omit<Wakeup, 'input'> {
  readonly input: Input | ((state: EngineState) => Input);
}

export const resolved = (timer: Timer, state: EngineState): Wakeup =>
  typeof timer.input === 'function' ? { ...timer, input: timer.input(state) } : (timer as Wakeup);

/**
 * Runtime facts first, then what reacts to them, then the scheduler and the kubelet's pod sync; the
 * eviction manager last, so that it observes an instant once everything else has settled.
 */
const rank = {
  processExit: 0,
  pullDone: 1,
  postStartDone: 2,
  memorySample: 3,
  probeTick: 4,
  nodeUnresponsive: 5,
  nodeLost: 6,
  tolerationExpired: 7,
  apiRemoval: 8,
  schedule: 9,
  sync: 10,
  evictionMonitor: 11,
} as const satisfies Record<Input['kind'], number>;

const probeOrder: Record<ProbeKind, number> = { startup: 0, liveness: 1, readiness: 2 };

/**
 * (rank of concern, pod creation order or node index, container index, probe) as one number that sorts as
 * the tuple does, a missing part before any value: 4 + 27 + 17 + 3 bits, within a double's 53. Beyond 2^27
 * pods or 2^17 containers in a pod the parts would overlap; the engine refuses such a simulation.
 */
const orderOf = (rank: number, seq: number, index = -1, sub = -1): number => {
  if (seq >= 2 ** 27 - 1 || index >= 2 ** 17 - 1) throw new Error(`too many pods (${seq}) or containers in a pod (${index}) to order wake-ups`);
  return (((rank + 1) * 2 ** 27 + (seq + 1)) * 2 ** 17 + (index + 1)) * 2 ** 3 + (sub + 1);
};

const OOM_SAMPLE_MS = 1_000;
/** `evictionMonitoringPeriod` in `pkg/kubelet/kubelet.go`. */
const EVICTION_MONITORING_MS = 10_000;

export interface Ctx {
  readonly world: World;
  readonly now: VirtualMs;
  /** A wake-up with this key already decided nothing at `now`. */
  readonly taken: (key: string) => boolean;
  /**
   * How many memory samples or probe ticks a container's wake-up may look past while each would decide
   * nothing (a sample within the limit, a steady success): 0 lists every one.
   */
  readonly lookahead: number;
}

export const containerWakeups = (ctx: Ctx, pod: PodBook, node: NodeBook, c: ContainerBook, index: number): Wakeup[] => {
  const { world, now } = ctx;
  const uid = pod.ref.uid;
  const order = (kind: Input['kind'], sub = 0) => orderOf(rank[kind], pod.seq, index, sub);
  const out: Wakeup[] = [];
  if (c.pullingSince !== undefined) {
    const image = specOf(pod, c).spec.image ?? '';
    const answer = world.pull(node.name, image, c.pullingSince, c.pulls - 1);
    const at = c.pullingSince + (answer.ok ? answer.durationMs : 0);
    out.push({ at, order: order('pullDone'), key: `pull/${uid}/${c.name}`, input: { kind: 'pullDone', uid, container: c.name, answer } });
  }
  const i = c.current;
  if (!isRunning(i)) return out;
  const startedAt = i.startedAt;
  const natural = world.containerRun(pod.ref, c.name, i.run, startedAt).exit;
  // the earliest end wins: the process's own exit, or what its kills bring about
  const ends = [...(natural === undefined ? [] : [{ at: startedAt + natural.afterMs, code: natural.code }]), killedEnd(world, pod, c, i.kills)]
    .filter((x) => x !== undefined)
    .sort((a, b) => a.at - b.at);
  const end = ends[0];
  if (end !== undefined) {
    const input: Input = { kind: 'processExit', uid, container: c.name, code: end.code };
    out.push({ at: end.at, order: order('processExit'), key: `exit/${uid}/${c.name}`, input });
  }
  if (!i.postStartDone && i.kills.length === 0) {
    const answer = hookAnswerOf(specOf(pod, c).spec.lifecycle?.postStart, () => world.postStart(pod.ref, c.name, i.run));
    const input: Input = { kind: 'postStartDone', uid, container: c.name, answer };
    out.push({ at: startedAt + answer.durationMs, order: order('postStartDone'), key: `poststart/${uid}/${c.name}`, input });
  }
  const limit = memoryLimitBytes(specOf(pod, c).spec);
  if (limit !== undefined) {
    const key = `memory/${uid}/${c.name}`;
    let at = nextOnGrid(startedAt + OOM_SAMPLE_MS, OOM_SAMPLE_MS, now, ctx.taken(key));
    let bytes = world.memoryBytes(pod.ref, c.name, at, startedAt);
    // a sample within the limit decides nothing (`containers/decide.ts`): the first that may kill is the wake-up
    for (let k = 0; k < ctx.lookahead && bytes <= limit; k++) {
      at += OOM_SAMPLE_MS;
      bytes = world.memoryBytes(pod.ref, c.name, at, startedAt);
    }
    out.push({ at, order: order('memorySample'), key, input: { kind: 'memorySample', uid, container: c.name, bytes } });
  }
  for (const { kind, probe } of activeProbes(pod, c)) {
    const key = `probe/${uid}/${c.name}/${kind}`;
    const track = probeTrackOf(c, kind);
    // liveness and readiness first see the container started at the tick after its startup probe passed
    const startedFrom = kind !== 'startup' && specOf(pod, c).spec.startupProbe !== undefined ? c.probes.startup?.lastAt : undefined;
    const first = nextProbeTick(pod, track, startedAt, probe, now, ctx.taken(key), startedFrom);
    if (first === undefined) continue;
    let at = first;
    let result = world.probe(pod.ref, c.name, kind, at, startedAt);
    // a success while the published result is a success that no failure interrupted decides nothing
    // (`probes/decide.ts`: not recorded, no threshold crossed): the first other outcome is the wake-up
    const steady = track.result === 'success' && track.lastOutcome !== 'failure';
    for (let k = 0; k < ctx.lookahead && steady && result.outcome === 'success'; k++) {
      at += probeTiming(probe).periodMs;
      result = world.probe(pod.ref, c.name, kind, at, startedAt);
    }
    const input: Input = { kind: 'probeTick', uid, container: c.name, probe: kind, ...result };
    out.push({ at, order: order('probeTick', probeOrder[kind]), key, input });
  }
  return out;
};

/** The pod worker's next sync (`kubelet/worker.ts`): the steps of one under way now, a trigger, or its queue entry. */
const syncWakeups = (ctx: Ctx, pod: PodBook, node: NodeBook): Wakeup[] => {
  const uid = pod.ref.uid;
  const key = `sync/${uid}`;
  // `syncPod` reads only the pod and its node
  const reads = (state: EngineState) => [state.pods.get(uid), state.nodes.get(node.name)];
  const wake = (at: VirtualMs): Wakeup => ({ at, order: orderOf(rank.sync, pod.seq), key, input: { kind: 'sync', uid }, reads });
  const takenNow = ctx.taken(key);
  if (pod.sessionAt === ctx.now && !takenNow) return [wake(ctx.now)];
  // a blocked sync resumes by itself (`sessionAt`); nothing else starts one meanwhile
  if (syncInFlight(pod)) return [];
  const trigger = pod.syncDueAt === undefined ? undefined : Math.max(pendingTrigger(pod, node, pod.syncDueAt), ctx.now);
  // past its active deadline, `getPodsToSync` syncs the pod at the next `syncCh` tick
  const deadline = deadlineTick(pod, node);
  const pastDeadline = deadline === undefined ? undefined : Math.max(pendingTrigger(pod, node, deadline), ctx.now);
  // `SyncTerminatedPod`, at the relist after the terminating sync's end: its status, a deleted pod's final delete
  const removalAt = terminatedWorkAt(pod, node);
  const removal = removalAt === undefined ? undefined : Math.max(removalAt, ctx.now);
  const due = [
    trigger === ctx.now && takenNow ? undefined : trigger,
    pastDeadline === ctx.now && takenNow ? undefined : pastDeadline,
    requeueDue(ctx.world, pod, node, ctx.now, takenNow),
    removal === ctx.now && takenNow ? undefined : removal,
  ];
  const at = Math.min(...due.filter((t): t is number => t !== undefined));
  return Number.isFinite(at) ? [wake(at)] : [];
};

/**
 * What a pod's wake-ups come from: nothing more (gone), its API removal, the scheduler, the node lifecycle
 * controller (lost node), or its kubelet (the pod worker and each container).
 */
export type PodGate =
  | { readonly kind: 'none' | 'removal' | 'unscheduled' | 'lost' }
  | { readonly kind: 'kubelet'; readonly node: NodeBook };

export const podGate = (state: EngineState, pod: PodBook, now: VirtualMs): PodGate => {
  // a force-deleted pod's `SyncPod` in flight still restarts what its probe kill stopped, for its terminating sync to stop
  if (pod.removed && !hasLiveContainer(pod) && !syncPodRunsOn(pod, now)) return { kind: 'none' };
  if (removedAtOnce(pod)) return { kind: 'removal' };
  if (pod.node === undefined) return { kind: 'unscheduled' };
  const node = state.nodes.get(pod.node);
  if (node === undefined) return { kind: 'none' };
  return kubeletDown(node) ? { kind: 'lost' } : { kind: 'kubelet', node };
};

/** The pod's own wake-ups (removal, scheduling, node loss, its worker's sync); its containers' are apart. */
export const podWakeups = (ctx: Ctx, state: EngineState, pod: PodBook, gate: PodGate): Wakeup[] => {
  const uid = pod.ref.uid;
  const order = (kind: Input['kind']) => orderOf(rank[kind], pod.seq);
  const now = ctx.now;
  switch (gate.kind) {
    case 'none':
      return [];
    case 'removal':
      return [{ at: now, order: order('apiRemoval'), key: `remove/${uid}`, input: { kind: 'apiRemoval', uid } }];
    case 'unscheduled': {
      const gated = (pod.spec.schedulingGates ?? []).length > 0;
      const retry = pod.scheduleAttemptGen !== state.clusterGen;
      return pod.removed || pod.deletion !== undefined || gated || !retry
        ? []
        : [{ at: now, order: order('schedule'), key: `schedule/${uid}`, input: { kind: 'schedule', uid } }];
    }
    case 'lost': {
      // the node lifecycle and taint-eviction controllers (`nodeloss/`): marking the pod, then the taint's toleration
      const node = pod.node === undefined ? undefined : state.nodes.get(pod.node);
      if (pod.removed || node?.lostAt === undefined) return [];
      if (pod.nodeLostAt === undefined || pod.nodeLostAt < node.lostAt) {
        return [{ at: now, order: order('nodeLost'), key: `lost/${uid}`, input: { kind: 'nodeLost', uid } }];
      }
      const taintAt = noExecuteTaintAt(state, node);
      const tolerance = tolerationSeconds(pod.spec, noExecuteTaintOf(node));
      if (pod.deletion !== undefined || taintAt === undefined || tolerance === undefined) return [];
      const at = Math.max(taintAt + tolerance * 1000, now);
      return [{ at, order: order('tolerationExpired'), key: `toleration/${uid}`, input: { kind: 'tolerationExpired', uid } }];
    }
    case 'kubelet':
      return syncWakeups(ctx, pod, gate.node);
    default: {
      const never: never = gate;
      return never;
    }
  }
};

/**
 * The loop's next `synchronize` (`eviction/loop.ts`), or a local storage round's next `evictPod` (its turn): while
 * it waits for the pods it evicted, none until they are cleaned up (the fold ends the wait) or the wait times out;
 * otherwise every 10 s from its last restart.
 */
const nextMonitoring = (node: NodeBook, now: VirtualMs, takenNow: boolean): VirtualMs => {
  const round = node.evictionRound;
  const due = (at: VirtualMs | undefined): at is VirtualMs => at !== undefined && (at > now || (at === now && !takenNow));
  // `killPodNow`'s wait running out comes no later than the round's turn (both end the last `evictPod`)
  const waitEnd = round === undefined ? undefined : killWaitRunsOutAt(round);
  if (due(waitEnd)) return waitEnd;
  const turn = round === undefined ? undefined : localTurnAt(round);
  if (due(turn)) return turn;
  const deadline = round === undefined || round.cleanedAt !== undefined ? undefined : cleanupDeadline(round);
  if (deadline !== undefined && deadline > now) return deadline;
  return nextOnGrid(deadline ?? node.monitorFrom ?? node.registeredAt, EVICTION_MONITORING_MS, now, takenNow);
};

/**
 * The eviction manager's next monitoring cycle on the node (the working sets are read when it comes due); for
 * a node whose kubelet went silent, the node lifecycle controller's pass that marks it.
 */
export const nodeWakeups = (ctx: Ctx, node: NodeBook): Timer[] => {
  if (kubeletDown(node)) {
    const at = unresponsiveAt(node);
    const input: Input = { kind: 'nodeUnresponsive', node: node.name };
    return at === undefined ? [] : [{ at: Math.max(at, ctx.now), order: orderOf(rank.nodeUnresponsive, node.index), key: `unresponsive/${node.name}`, input }];
  }
  const key = `eviction/${node.name}`;
  const due = nextMonitoring(node, ctx.now, ctx.taken(key) || node.thresholdLastMetAt === ctx.now);
  const { world } = ctx;
  // a local storage round's turn reads the stats of the `synchronize` that decided it (`localStorageEviction`'s `statsFunc`)
  const round = node.evictionRound;
  const at = round !== undefined && localTurnAt(round) === due ? round.at : due;
  // the cgroup caps a working set at the container's limit (the kernel OOM-kills rather than exceed it)
  const workingSet = (p: PodBook, c: ContainerBook): bigint => {
    const bytes = world.memoryBytes(p.ref, c.name, at, c.current?.startedAt ?? at);
    const limit = memoryLimitBytes(specOf(p, c).spec);
    return limit !== undefined && bytes > limit ? limit : bytes;
  };
  const startOf = (c: ContainerBook): VirtualMs => c.current?.startedAt ?? at;
  const usageOf = (p: PodBook, c: ContainerBook): ContainerUsage => ({
    uid: p.ref.uid,
    container: c.name,
    bytes: workingSet(p, c),
    disk: world.diskBytes?.(p.ref, c.name, at, startOf(c)) ?? 0n,
    processes: world.processes?.(p.ref, c.name, at, startOf(c)) ?? 0,
  });
  // an emptyDir lives as long as the pod (`volumes/emptydir`): its use counts from the pod's start, whatever its containers do
  const volumesOf = (p: PodBook): VolumeUsage[] =>
    p.startTime === undefined || world.volumeBytes === undefined
      ? []
      : emptyDirNames(p.manifest).map((volume) => ({ uid: p.ref.uid, volume, bytes: world.volumeBytes?.(p.ref, volume, at, p.startTime ?? at) ?? 0n }));
  const input = (state: EngineState): Input => {
    const pods = podsBoundTo(state, node.name);
    const usage = pods.flatMap((p) => liveContainers(p).map((c) => usageOf(p, c)));
    // the emptyDir stays until the pod's volumes are torn down, after its last container
    const volumes = pods.filter(hasLiveContainer).flatMap(volumesOf);
    return { kind: 'evictionMonitor', node: node.name, usage, volumes, nodeUsage: world.nodeUsage?.(node.name) ?? NO_NODE_USAGE };
  };
  return [{ at: due, order: orderOf(rank.evictionMonitor, node.index), key, input }];
};

/** Earlier first; at the same instant, by (rank of concern, pod creation order, container order, probe). */
export const compareTimers = (a: Timer, b: Timer): number => a.at - b.at || a.order - b.order;
