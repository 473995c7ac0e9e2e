/**
 * The engine's timer queue. Every source of wake-ups (`agenda.ts`: a pod's own, one container's, a node's)
 * keeps its last answer, and sits in a heap by its earliest wake-up, so that the next instant and what is due
 * at it cost O(log n) a step instead of asking every pod and container again. A source is asked again only
 * when what it reads changed: its pod, container or node in the state, the cluster generation for unscheduled
 * pods, or a wake-up of its own that decided nothing (`take`). What `due` returns is what asking every source
 * at once would give.
 */
import { compareTimers, containerWakeups, nodeWakeups, podGate, podWakeups, type Ctx, type PodGate, type Timer, type Wakeup } from './agenda.js';
import { IndexedHeap, type Slotted } from './heap.js';
import { hasLiveContainer, podTerminal } from './lifecycle.js';
import { changedEntries } from './persistent-map.js';
import type { ContainerBook, EngineState, NodeBook, PodBook } from './state.js';
import type { VirtualMs, World } from './world.js';

type SourceId =
  | { readonly kind: 'pod'; readonly uid: string }
  | { readonly kind: 'container'; readonly uid: string; readonly index: number }
  | { readonly kind: 'node'; readonly name: string };

export interface Source extends Slotted {
  readonly id: SourceId;
  /** Its last answer, earliest first. */
  timers: readonly Timer[];
  dirty: boolean;
}

/** A wake-up due now, with the source that listed it. */
export interface Due extends Timer {
  readonly source: Source;
}

/**
 * Memory samples and probe ticks a container's wake-up looks past while they would decide nothing: most of
 * a simulation's ticks are such, and deciding each costs far more than asking the world about it.
 */
const LOOKAHEAD = 256;

const sourceOf = (id: SourceId): Source => ({ id, timers: [], dirty: false, slot: -1 });

const earliest = (s: Source): Timer => s.timers[0] as Timer;

/** What a pod's containers' wake-ups read of the pod itself: when any of it changes, every container is asked again. */
const containerContext = (pod: PodBook): readonly unknown[] => [
  pod.spec,
  pod.node,
  pod.rejectedAt,
  pod.evicted,
  pod.deletion,
  pod.removed,
  podTerminal(pod),
  hasLiveContainer(pod),
  pod.probersFrom,
];

/** A sync published the container's current instance: its prober workers see it from now on (`probes/worker.ts`). */
const newlyPublished = (old: PodBook | undefined, pod: PodBook, c: ContainerBook): boolean =>
  old !== undefined && old.syncs !== pod.syncs && c.current !== undefined && c.current.sync >= old.syncs;

/** What a pod on the node reads of it: whether its kubelet is there, since when the node is not Ready, its grids. */
const sameReach = (a: NodeBook, b: NodeBook): boolean =>
  a.lostAt === b.lostAt && a.lostStatus === b.lostStatus && a.kubeletStoppedAt === b.kubeletStoppedAt && a.registeredAt === b.registeredAt;

const sameContext = (a: readonly unknown[] | undefined, b: readonly unknown[]): boolean => a !== undefined && a.every((x, i) => x === b[i]);

/** A change that a sidecar's turn to stop reads (`kubelet/kill.ts :: turnOf`): a container started or exited. */
const runChanged = (a: ContainerBook | undefined, b: ContainerBook | undefined): boolean =>
  a?.current?.startedAt !== b?.current?.startedAt || a?.current?.exit !== b?.current?.exit || (a?.current === undefined) !== (b?.current === undefined);

/** Whether `a` and `b` hold the same fields, all the same values but `except`. */
const sameFieldsBut = (a: object, b: object, except: string): boolean => {
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((k) => k === except || (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
};

/**
 * Only the eviction manager reads a container's last usage sample (`eviction/decide.ts :: samples`) and it lists
 * no wake-up from it: a pod whose only change is that (`ContainerUsageSampled`) needs no source asked again.
 */
const onlyUsageChanged = (old: PodBook, pod: PodBook): boolean =>
  old.containers !== pod.containers &&
  old.containers.length === pod.containers.length &&
  sameFieldsBut(old, pod, 'containers') &&
  pod.containers.every((c, i) => {
    const before = old.containers[i];
    return before === c || (before !== undefined && sameFieldsBut(before, c, 'lastUsage'));
  });

interface PodSources {
  readonly own: Source;
  readonly containers: readonly Source[];
  context?: readonly unknown[];
}

export class Timers {
  private readonly heap = new IndexedHeap<Source>((a, b) => compareTimers(earliest(a), earliest(b)));
  private readonly pods = new Map<string, PodSources>();
  private readonly nodes = new Map<string, Source>();
  private readonly dirty: Source[] = [];
  /** Wake-ups that decided nothing at this instant, with what their decision read then (`Wakeup.reads`). */
  private readonly taken = new Map<string, { readonly reads: Wakeup['reads']; readonly seen: readonly unknown[] | undefined }>();
  /** Sources whose last answer read taken keys: once one of those is no longer taken, the answer no longer holds. */
  private readTaken: { readonly source: Source; readonly keys: readonly string[] }[] = [];

  constructor(private readonly world: World) {}

  /** Marks what changed between two states (one event apart) for asking again. */
  observe(before: EngineState, after: EngineState): void {
    for (const [uid, pod] of changedEntries(before.pods, after.pods)) this.podChanged(uid, before.pods.get(uid), pod);
    if (before.nodes !== after.nodes) {
      let readiness = false;
      for (const [name, node] of after.nodes) {
        const old = before.nodes.get(name);
        if (old === node) continue;
        this.mark(this.nodeSource(name));
        readiness ||= old === undefined || old.lostAt !== node.lostAt;
        if (old !== undefined && sameReach(old, node)) continue;
        for (const [uid, pod] of after.pods) if (pod.node === name) this.podChanged(uid, undefined, pod);
      }
      // the taint on a lost node depends on whether any node is Ready (`nodeloss/controller.ts :: noExecuteTaintAt`)
      if (readiness) for (const [uid, pod] of after.pods) if (pod.node !== undefined && after.nodes.get(pod.node)?.lostAt !== undefined) this.podChanged(uid, undefined, pod);
    }
    if (before.clusterGen !== after.clusterGen) {
      for (const [uid, pod] of after.pods) if (pod.node === undefined) this.mark(this.podSources(uid, pod).own);
    }
  }

  /** The wake-up decided nothing at `now` in `state`: not again at this instant while what it reads stays. */
  take(wake: Due, state: EngineState): void {
    this.taken.set(wake.key, { reads: wake.reads, seen: wake.reads?.(state) });
    this.mark(wake.source);
  }

  /**
   * A new instant (no state): every wake-up may be taken again. An event (the state after it): those whose
   * decision may read what it changed.
   */
  clearTaken(state?: EngineState): void {
    if (this.taken.size === 0) return;
    for (const [key, { reads, seen }] of this.taken) {
      if (state === undefined || reads === undefined || !sameContext(seen, reads(state))) this.taken.delete(key);
    }
    const kept = this.readTaken.filter(({ source, keys }) => {
      const holds = keys.every((key) => this.taken.has(key));
      if (!holds) this.mark(source);
      return holds;
    });
    this.readTaken = kept;
  }

  /**
   * The earliest wake-up at or after `now` (by instant, then order), none when nothing is due. One at a
   * time: a source's wake-ups taken at `now` are gone from its answer (`take` marks it, `refresh` drops
   * them), so the heap's top is the next to decide, and the many wake-ups of one instant (a status that
   * triggers every container's readiness run) cost a heap step each rather than a sort of all of them.
   */
  due(state: EngineState, now: VirtualMs): Due[] {
    this.refresh(state, now);
    const top = this.heap.peek();
    return top === undefined ? [] : [{ ...earliest(top), source: top }];
  }

  private podSources(uid: string, pod: PodBook): PodSources {
    let sources = this.pods.get(uid);
    if (sources === undefined) {
      sources = { own: sourceOf({ kind: 'pod', uid }), containers: pod.containers.map((_, index) => sourceOf({ kind: 'container', uid, index })) };
      this.pods.set(uid, sources);
    }
    return sources;
  }

  private nodeSource(name: string): Source {
    let source = this.nodes.get(name);
    if (source === undefined) {
      source = sourceOf({ kind: 'node', name });
      this.nodes.set(name, source);
    }
    return source;
  }

  private mark(source: Source): void {
    if (source.dirty) return;
    source.dirty = true;
    this.dirty.push(source);
  }

  private podChanged(uid: string, old: PodBook | undefined, pod: PodBook): void {
    if (old !== undefined && onlyUsageChanged(old, pod)) return;
    const sources = this.podSources(uid, pod);
    this.mark(sources.own);
    const context = containerContext(pod);
    const whole = old === undefined || !sameContext(sources.context, context);
    sources.context = context;
    let sidecars = false;
    pod.containers.forEach((c, i) => {
      const before = old?.containers[i];
      if (whole || before !== c || newlyPublished(old, pod, c)) {
        this.mark(sources.containers[i] as Source);
        sidecars ||= runChanged(before, c);
      }
    });
    if (sidecars) pod.containers.forEach((c, i) => c.role === 'sidecar' && this.mark(sources.containers[i] as Source));
  }

  /** Asks every marked source again and puts it back in the heap by its new earliest wake-up. */
  private refresh(state: EngineState, now: VirtualMs): void {
    if (this.dirty.length === 0) return;
    const gates = new Map<string, PodGate>();
    const gateOf = (pod: PodBook): PodGate => {
      let gate = gates.get(pod.ref.uid);
      if (gate === undefined) gates.set(pod.ref.uid, (gate = podGate(state, pod, now)));
      return gate;
    };
    let readTaken: string[] = [];
    const ctx: Ctx = {
      world: this.world,
      now,
      lookahead: LOOKAHEAD,
      taken: (key) => {
        const taken = this.taken.has(key);
        if (taken) readTaken.push(key);
        return taken;
      },
    };
    for (const source of this.dirty) {
      readTaken = [];
      source.dirty = false;
      source.timers = this.ask(ctx, state, source.id, gateOf)
        .map((t) => (t.at < now ? { ...t, at: now } : t))
        .filter((t) => !(t.at === now && ctx.taken(t.key)))
        .sort(compareTimers);
      if (source.timers.length === 0) this.heap.remove(source);
      else this.heap.update(source);
      if (readTaken.length > 0) this.readTaken.push({ source, keys: readTaken });
    }
    this.dirty.length = 0;
  }

  private ask(ctx: Ctx, state: EngineState, id: SourceId, gateOf: (pod: PodBook) => PodGate): Timer[] {
    switch (id.kind) {
      case 'node': {
        const node = state.nodes.get(id.name);
        return node === undefined ? [] : nodeWakeups(ctx, node);
      }
      case 'pod': {
        const pod = state.pods.get(id.uid);
        return pod === undefined ? [] : podWakeups(ctx, state, pod, gateOf(pod));
      }
      case 'container': {
        const pod = state.pods.get(id.uid);
        const c = pod?.containers[id.index];
        if (pod === undefined || c === undefined) return [];
        const gate = gateOf(pod);
        return gate.kind === 'kubelet' ? containerWakeups(ctx, pod, gate.node, c, id.index) : [];
      }
      default: {
        const never: never = id;
        return never;
      }
    }
  }
}
