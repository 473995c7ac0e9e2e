/**
 * A pod's natural life, as the API server, scheduler, kubelet, runtime and prober record it: creation,
 * scheduling, admission, sandbox, image pulls, init containers, then each instance of its primary container
 * (probes, usage, and the exit its fate brings, with back-off and restarts) until it runs out of window.
 * Deletion and eviction are laid over it by `ending.ts`.
 */
import type { ContainerPlan, Fate } from './catalogue.js';
import { instantAt } from './clock.js';
import type { Cluster, PodPlan } from './cluster.js';
import { manifestOf } from './manifest.js';
import type { Timed } from './merge.js';
import { podEvents, type EmitPodEvent } from './pod-events.js';
import { Rng } from './prng.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
/** `initialCrashLoopBackOff`, `MaxContainerBackOff`, and the 10 min of running that resets the back-off. */
const BACKOFF_INITIAL_S = 10;
const BACKOFF_MAX_S = 300;
const BACKOFF_RESET_MS = 10 * MINUTE;

interface Life {
  readonly c: Cluster;
  readonly p: PodPlan;
  readonly rng: Rng;
  readonly emit: EmitPodEvent;
  now: number;
}

/** How one instance of the primary container ends: not within the window, by exiting, or by a liveness kill. */
type Ending =
  | { readonly kind: 'runs' }
  | { readonly kind: 'exits'; readonly afterMs: number; readonly exitCode: number; readonly reason: string }
  | { readonly kind: 'liveness'; readonly afterMs: number };

const endingOf = (fate: Fate, instance: number, batch: boolean, rng: Rng): Ending => {
  switch (fate) {
    case 'crashLoop':
      return { kind: 'exits', afterMs: rng.between(2 * SECOND, 30 * SECOND), exitCode: 1, reason: 'Error' };
    case 'oomKilled':
      return batch && instance > 0
        ? { kind: 'exits', afterMs: rng.between(20 * SECOND, 10 * MINUTE), exitCode: 0, reason: 'Completed' }
        : { kind: 'exits', afterMs: rng.between(instance === 0 ? 3 * MINUTE : MINUTE, 25 * MINUTE), exitCode: 137, reason: 'OOMKilled' };
    case 'livenessFailure':
      return { kind: 'liveness', afterMs: rng.between(5 * MINUTE, 30 * MINUTE) };
    case 'completes':
      return { kind: 'exits', afterMs: rng.between(20 * SECOND, 10 * MINUTE), exitCode: 0, reason: 'Completed' };
    case 'failsOnce':
      return instance === 0
        ? { kind: 'exits', afterMs: rng.between(10 * SECOND, MINUTE), exitCode: 1, reason: 'Error' }
        : { kind: 'exits', afterMs: rng.between(20 * SECOND, 10 * MINUTE), exitCode: 0, reason: 'Completed' };
    case 'fails':
      return { kind: 'exits', afterMs: rng.between(5 * SECOND, 2 * MINUTE), exitCode: 1, reason: 'Error' };
    case 'healthy':
    case 'readinessFlap':
    case 'imagePullBackOff':
    case 'initRetry':
      return { kind: 'runs' };
  }
};

const containerIdOf = (rng: Rng): string => `containerd://${rng.hex(64)}`;

/** The image is made present: already on the node, or pulled now. */
function* pull(l: Life, cp: ContainerPlan, firstTime: boolean): Generator<Timed, void, undefined> {
  const base = { source: 'runtime' as const, container: cp.name, image: cp.image, imageID: cp.imageID };
  if (!firstTime || l.rng.chance(0.5)) {
    l.now += l.rng.between(5, 40);
    yield l.emit(l.now, 'ImagePulled', { ...base, alreadyPresent: true });
    return;
  }
  l.now += l.rng.between(5, 40);
  yield l.emit(l.now, 'ImagePulling', { source: 'kubelet', container: cp.name, image: cp.image });
  const durationMs = l.rng.between(800, 25 * SECOND);
  l.now += durationMs;
  yield l.emit(l.now, 'ImagePulled', { ...base, alreadyPresent: false, durationMs });
}

/** Pulls fail with back-off (10 s doubling to 300 s); true when a pull finally succeeds. */
function* failingPull(l: Life, cp: ContainerPlan): Generator<Timed, boolean, undefined> {
  const attempts = l.rng.chance(0.5) ? l.rng.between(1, 5) : Number.POSITIVE_INFINITY;
  let delay = BACKOFF_INITIAL_S;
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (l.now > l.c.endMs) return false;
    l.now += l.rng.between(5, 40);
    yield l.emit(l.now, 'ImagePulling', { source: 'kubelet', container: cp.name, image: cp.image });
    l.now += l.rng.between(300, 3 * SECOND);
    yield l.emit(l.now, 'ImagePullFailed', {
      source: 'runtime',
      container: cp.name,
      image: cp.image,
      reason: 'ErrImagePull',
      message: `failed to pull and unpack image "${cp.image}": failed to resolve reference "${cp.image}": unexpected status from HEAD request: 503 Service Unavailable`,
    });
    l.now += 5;
    yield l.emit(l.now, 'ImagePullBackOff', {
      source: 'kubelet',
      container: cp.name,
      image: cp.image,
      delaySeconds: delay,
      until: instantAt(l.now + delay * SECOND),
    });
    l.now += delay * SECOND;
    delay = Math.min(2 * delay, BACKOFF_MAX_S);
  }
  yield* pull(l, cp, true);
  return true;
}

/** Creates and starts a new instance of the container; returns its id. */
function* start(l: Life, cp: ContainerPlan): Generator<Timed, string, undefined> {
  const containerID = containerIdOf(l.rng);
  l.now += l.rng.between(20, 400);
  yield l.emit(l.now, 'ContainerCreated', { source: 'runtime', container: cp.name, containerID });
  l.now += l.rng.between(30, 300);
  yield l.emit(l.now, 'ContainerStarted', { source: 'runtime', container: cp.name, containerID });
  if (cp.postStart) {
    l.now += l.rng.between(50, 800);
    yield l.emit(l.now, 'PostStartHookSucceeded', { source: 'kubelet', container: cp.name });
  }
  return containerID;
}

/** Regular init containers run to completion in order (the first fails once under `initRetry`); sidecars start and stay. */
function* initContainers(l: Life): Generator<Timed, void, undefined> {
  for (const [i, ic] of l.p.workload.template.inits.entries()) {
    yield* pull(l, ic, true);
    const id = yield* start(l, ic);
    if (ic.sidecar) continue;
    l.now += l.rng.between(SECOND, 10 * SECOND);
    if (i === 0 && l.p.fate === 'initRetry') {
      yield l.emit(l.now, 'ContainerExited', { source: 'runtime', container: ic.name, containerID: id, exitCode: 1, reason: 'Error' });
      yield* pull(l, ic, false);
      const retry = yield* start(l, ic);
      l.now += l.rng.between(SECOND, 10 * SECOND);
      yield l.emit(l.now, 'ContainerExited', { source: 'runtime', container: ic.name, containerID: retry, exitCode: 0, reason: 'Completed' });
    } else {
      yield l.emit(l.now, 'ContainerExited', { source: 'runtime', container: ic.name, containerID: id, exitCode: 0, reason: 'Completed' });
    }
  }
}

const usageMi = (cp: ContainerPlan, fate: Fate, progress: number, rng: Rng): number => {
  const base = cp.requestMi > 0 ? cp.requestMi : 200;
  if (fate !== 'oomKilled') return Math.round(base * (0.5 + 0.4 * rng.next()));
  const ceiling = cp.limitMi > 0 ? cp.limitMi : base * 4;
  return Math.round(base * 0.6 + (ceiling - base * 0.6) * progress);
};

/** What the prober and the stats provider record while an instance runs from `fromMs` until `untilMs`. */
const observations = (l: Life, cp: ContainerPlan, fromMs: number, untilMs: number): Timed[] => {
  const { rng, emit, p } = l;
  const out: Timed[] = [];
  const probe = (ms: number, kind: 'liveness' | 'readiness' | 'startup', outcome: 'success' | 'failure'): void => {
    if (ms < untilMs) out.push(emit(ms, 'ProbeExecuted', { source: 'prober', container: cp.name, probe: kind, outcome }));
  };
  const result = (ms: number, kind: 'liveness' | 'readiness' | 'startup', outcome: 'success' | 'failure'): void => {
    if (ms < untilMs) out.push(emit(ms, 'ProbeResultChanged', { source: 'kubelet', container: cp.name, probe: kind, outcome }));
  };
  let readyFrom = fromMs;
  if (cp.startup) {
    readyFrom += rng.between(SECOND, 10 * SECOND);
    probe(readyFrom, 'startup', 'success');
    result(readyFrom + 1, 'startup', 'success');
  }
  if (cp.readiness) {
    readyFrom += rng.between(SECOND, 10 * SECOND);
    probe(readyFrom, 'readiness', 'success');
    result(readyFrom + 1, 'readiness', 'success');
    for (let flap = readyFrom + rng.between(5 * MINUTE, 40 * MINUTE); p.fate === 'readinessFlap' && flap < untilMs; flap += rng.between(10 * MINUTE, 40 * MINUTE)) {
      for (let k = 0; k < 3; k++) probe(flap + k * 10 * SECOND, 'readiness', 'failure');
      result(flap + 20 * SECOND + 1, 'readiness', 'failure');
      const back = flap + rng.between(30 * SECOND, 2 * MINUTE);
      probe(back, 'readiness', 'success');
      result(back + 1, 'readiness', 'success');
      flap = back;
    }
  }
  const tick = l.c.params.tickMs;
  const kind = cp.liveness ? 'liveness' : cp.readiness ? 'readiness' : undefined;
  for (let ms = fromMs + rng.int(tick), n = 0; ms < untilMs; ms += tick, n++) {
    if (n % 2 === 0 && kind !== undefined && ms > readyFrom) probe(ms, kind, 'success');
    else {
      const memory = `${usageMi(cp, p.fate, (ms - fromMs) / (untilMs - fromMs), rng)}Mi`;
      out.push(emit(ms, 'ContainerUsageSampled', { source: 'node', container: cp.name, memory }));
    }
  }
  return out.sort((a, b) => a.ms - b.ms);
};

/** The primary container's instances, one after another, until its fate or the window ends them. */
function* primaryInstances(l: Life, cp: ContainerPlan, firstId: string): Generator<Timed, void, undefined> {
  const t = l.p.workload.template;
  const batch = t.kind === 'Job';
  let containerID = firstId;
  let backoffS = 0;
  let lastStepMs = l.now;
  for (let instance = 0; ; instance++) {
    const startedMs = l.now;
    const ending = endingOf(l.p.fate, instance, batch, l.rng);
    const endMs = ending.kind === 'runs' ? l.c.endMs : startedMs + ending.afterMs;
    // Periodic observations stop where the ending's own events begin.
    const quietFrom =
      ending.kind === 'liveness' ? endMs - 20 * SECOND : ending.kind === 'exits' && ending.reason === 'OOMKilled' ? endMs - SECOND : endMs;
    yield* observations(l, cp, startedMs, quietFrom);
    if (ending.kind === 'runs') return;
    let exitCode: number;
    if (ending.kind === 'liveness') {
      for (let k = 0; k < 3; k++) {
        yield l.emit(quietFrom + k * 10 * SECOND, 'ProbeExecuted', { source: 'prober', container: cp.name, probe: 'liveness', outcome: 'failure', output: 'HTTP probe failed with statuscode: 503' });
      }
      yield l.emit(endMs + 1, 'ProbeResultChanged', { source: 'kubelet', container: cp.name, probe: 'liveness', outcome: 'failure' });
      yield l.emit(endMs + 3, 'ContainerKilling', {
        source: 'kubelet',
        container: cp.name,
        reason: 'LivenessProbeFailed',
        message: `Container ${cp.name} failed liveness probe, will be restarted`,
        gracePeriodSeconds: t.gracePeriodSeconds,
      });
      l.now = endMs + 3 + l.rng.between(200, 3 * SECOND);
      exitCode = 143;
      yield l.emit(l.now, 'ContainerExited', { source: 'runtime', container: cp.name, containerID, exitCode, reason: 'Error', signal: 15 });
    } else {
      if (ending.reason === 'OOMKilled') {
        const memory = `${cp.limitMi > 0 ? cp.limitMi : usageMi(cp, 'oomKilled', 1, l.rng)}Mi`;
        yield l.emit(quietFrom, 'ContainerUsageSampled', { source: 'node', container: cp.name, memory });
      }
      l.now = endMs;
      exitCode = ending.exitCode;
      yield l.emit(l.now, 'ContainerExited', {
        source: 'runtime',
        container: cp.name,
        containerID,
        exitCode,
        reason: ending.reason,
        ...(exitCode === 137 ? { signal: 9 } : {}),
      });
    }
    const restarts = t.restartPolicy === 'Always' || (t.restartPolicy === 'OnFailure' && exitCode !== 0);
    if (!restarts) {
      yield* ttlRemoval(l);
      return;
    }
    // Back-off: a missing or expired entry restarts at once and arms 10 s; otherwise wait, then double.
    let delayS = 0;
    if (backoffS === 0 || l.now - lastStepMs > BACKOFF_RESET_MS) backoffS = BACKOFF_INITIAL_S;
    else {
      delayS = backoffS;
      backoffS = Math.min(2 * backoffS, BACKOFF_MAX_S);
      l.now += 5;
      yield l.emit(l.now, 'ContainerBackOff', {
        source: 'kubelet',
        container: cp.name,
        delaySeconds: delayS,
        until: instantAt(l.now + delayS * SECOND),
      });
    }
    l.now += delayS * SECOND + l.rng.between(50, 500);
    lastStepMs = l.now;
    if (l.now > l.c.endMs) return;
    yield* pull(l, cp, false);
    containerID = yield* start(l, cp);
  }
}

/** A finished batch pod is removed by the TTL-after-finished controller a few minutes later. */
function* ttlRemoval(l: Life): Generator<Timed, void, undefined> {
  l.now += l.rng.between(MINUTE, 10 * MINUTE);
  yield l.emit(l.now, 'PodDeletionRequested', { source: 'controller', gracePeriodSeconds: 0 });
  yield l.emit(l.now, 'PodRemoved', { source: 'api' });
}

export function* naturalLife(c: Cluster, p: PodPlan): Generator<Timed, void, undefined> {
  const l: Life = { c, p, rng: new Rng(p.seed), emit: podEvents(p.ref), now: p.createdMs };
  const t = p.workload.template;
  const node = p.node.name;
  yield l.emit(l.now, 'PodCreated', { source: 'api', manifest: manifestOf(p) });
  if (l.rng.chance(0.03)) {
    l.now += l.rng.between(5, 80);
    const n = c.nodes.length;
    yield l.emit(l.now, 'PodUnschedulable', {
      source: 'scheduler',
      reason: 'Unschedulable',
      message: `0/${n} nodes are available: ${n} Insufficient memory. preemption: 0/${n} nodes are available: ${n} No preemption victims found for incoming pod.`,
    });
    l.now += l.rng.between(5 * SECOND, MINUTE);
  }
  l.now += l.rng.between(5, 400);
  yield l.emit(l.now, 'PodBound', { source: 'scheduler', node });
  l.now += l.rng.between(20, 300);
  if (t.bestEffort && p.node.pressured && l.now >= c.pressureFromMs && l.now < c.pressureUntilMs) {
    yield l.emit(l.now, 'PodRejected', { source: 'kubelet', node, reason: 'Evicted', message: 'The node had condition: [MemoryPressure]. ' });
    return;
  }
  yield l.emit(l.now, 'PodAdmitted', { source: 'kubelet', node, hostIP: p.node.internalIP });
  l.now += l.rng.between(300, 2500);
  yield l.emit(l.now, 'SandboxCreated', { source: 'runtime', podIP: p.podIP, podIPs: [p.podIP] });
  yield* initContainers(l);
  const [primary, ...others] = t.containers;
  if (p.fate === 'imagePullBackOff') {
    if (!(yield* failingPull(l, primary))) return;
  } else yield* pull(l, primary, true);
  const primaryId = yield* start(l, primary);
  for (const cp of others) {
    yield* pull(l, cp, true);
    yield* start(l, cp);
  }
  yield* primaryInstances(l, primary, primaryId);
}
