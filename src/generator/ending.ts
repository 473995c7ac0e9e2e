/**
 * How a pod's life is cut short: a memory-pressure eviction by the kubelet, or an API deletion (graceful,
 * or forced when asked, when the pod never reached a node, or when it is already terminal). Laid over the
 * natural life, using only what the events so far show.
 */
import type { Event } from '../events/index.js';
import type { Cluster, PodPlan } from './cluster.js';
import type { Timed } from './merge.js';
import { podEvents, type EmitPodEvent } from './pod-events.js';
import { deriveSeed, Rng } from './prng.js';

/** What the pod's events so far tell: where it is, which container instances run, whether it is done. */
class Observed {
  bound = false;
  admitted = false;
  terminal = false;
  removed = false;
  readonly running = new Map<string, string>();

  constructor(private readonly p: PodPlan) {}

  observe(e: Event): void {
    switch (e.type) {
      case 'PodBound':
        this.bound = true;
        return;
      case 'PodAdmitted':
        this.admitted = true;
        return;
      case 'PodRejected':
        this.terminal = true;
        return;
      case 'PodRemoved':
        this.removed = true;
        return;
      case 'ContainerStarted':
        this.running.set(e.container, e.containerID);
        return;
      case 'ContainerExited': {
        this.running.delete(e.container);
        const t = this.p.workload.template;
        const regular = t.containers.some((c) => c.name === e.container);
        if (regular && t.restartPolicy !== 'Always' && (t.restartPolicy === 'Never' || e.exitCode === 0)) this.terminal = true;
        return;
      }
      default:
        return;
    }
  }
}

/** Stops every running container with `reason` and grace; returns the instant the last one exited. */
function* stopAll(
  emit: EmitPodEvent,
  rng: Rng,
  seen: Observed,
  p: PodPlan,
  atMs: number,
  reason: 'PodDeleted' | 'PodEvicted',
  graceS: number,
): Generator<Timed, number, undefined> {
  const killMs = atMs + rng.between(10, 80);
  const exits: Timed[] = [];
  for (const [container, containerID] of seen.running) {
    yield emit(killMs, 'ContainerKilling', {
      source: 'kubelet',
      container,
      reason,
      message: `Stopping container ${container}`,
      gracePeriodSeconds: graceS,
    });
    const preStopMs = 1000 * (p.workload.template.containers.find((c) => c.name === container)?.preStopSeconds ?? 0);
    const roll = rng.next();
    const exit =
      roll < 0.1
        ? { ms: killMs + Math.max(graceS * 1000, preStopMs) + 2000, exitCode: 137, reason: 'Error', signal: 9 }
        : { ms: killMs + Math.min(preStopMs, graceS * 1000) + rng.between(100, 3000), exitCode: roll < 0.55 ? 0 : 143, reason: roll < 0.55 ? 'Completed' : 'Error', signal: 15 };
    const { ms, exitCode, signal } = exit;
    exits.push(emit(ms, 'ContainerExited', { source: 'runtime', container, containerID, exitCode, reason: exit.reason, ...(exitCode === 0 ? {} : { signal }) }));
  }
  exits.sort((a, b) => a.ms - b.ms);
  yield* exits;
  seen.running.clear();
  return exits.reduce((last, x) => Math.max(last, x.ms), killMs);
}

function* deletion(emit: EmitPodEvent, rng: Rng, seen: Observed, p: PodPlan, atMs: number): Generator<Timed, void, undefined> {
  if (p.forced || seen.terminal || !seen.bound) {
    yield emit(atMs, 'PodDeletionRequested', { source: 'api', gracePeriodSeconds: 0 });
    yield emit(atMs, 'PodRemoved', { source: 'api' });
    return;
  }
  const graceS = p.workload.template.gracePeriodSeconds;
  yield emit(atMs, 'PodDeletionRequested', { source: 'api', gracePeriodSeconds: graceS });
  const stoppedMs = yield* stopAll(emit, rng, seen, p, atMs, 'PodDeleted', graceS);
  yield emit(stoppedMs + rng.between(100, 600), 'PodRemoved', { source: 'kubelet' });
}

/** The kubelet evicts for `memory.available`, naming the primary's usage against its request. */
function* eviction(emit: EmitPodEvent, rng: Rng, seen: Observed, p: PodPlan, atMs: number): Generator<Timed, number, undefined> {
  const primary = p.workload.template.containers[0];
  const usageMi = Math.max(primary.requestMi, 64) + rng.between(50, 900);
  const message =
    `The node was low on resource: memory. Threshold quantity: 100Mi, available: ${rng.between(40_000, 102_000)}Ki. ` +
    `Container ${primary.name} was using ${usageMi}Mi, request is ${primary.requestMi}Mi, has larger consumption of memory. `;
  if (seen.running.has(primary.name)) {
    yield emit(atMs, 'ContainerUsageSampled', { source: 'node', container: primary.name, memory: `${usageMi}Mi` });
  }
  yield emit(atMs, 'PodEvicted', {
    source: 'kubelet',
    signal: 'memory.available',
    message,
    annotations: { offending_containers: primary.name, offending_containers_usage: `${usageMi}Mi`, starved_resource: 'memory' },
  });
  seen.terminal = true;
  return yield* stopAll(emit, rng, seen, p, atMs, 'PodEvicted', 1);
}

/** The natural life up to the pod's eviction or deletion, then that ending; eviction needs an admitted, live pod. */
export function* withEnding(c: Cluster, p: PodPlan, natural: Iterator<Timed>): Generator<Timed, void, undefined> {
  const seen = new Observed(p);
  const rng = new Rng(deriveSeed(p.seed, c.params.pods));
  const emit = podEvents(p.ref);
  let evictMs = p.evictMs;
  for (;;) {
    const next = natural.next();
    const ms = next.done === true ? Number.POSITIVE_INFINITY : next.value.ms;
    if (Number.isFinite(evictMs) && evictMs <= ms && evictMs < p.deleteMs) {
      if (seen.admitted && !seen.terminal) {
        const stoppedMs = yield* eviction(emit, rng, seen, p, evictMs);
        if (Number.isFinite(p.deleteMs)) yield* deletion(emit, rng, seen, p, Math.max(p.deleteMs, stoppedMs));
        return;
      }
      evictMs = Number.POSITIVE_INFINITY;
    }
    if (Number.isFinite(p.deleteMs) && p.deleteMs <= ms) {
      yield* deletion(emit, rng, seen, p, p.deleteMs);
      return;
    }
    if (next.done === true) return;
    seen.observe(next.value.event);
    yield next.value;
    if (seen.removed) return;
  }
}
