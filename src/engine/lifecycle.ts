/** Questions the kubelet asks of its bookkeeping: is a container running, started, done; will the pod run anything more. */
import type { KillReason } from '../events/index.js';
import { restartsOnFailure, triggersRestartAll } from '../k8s/restart-rules.js';
import { restartsAfterExit, specContainerNamed, type SpecContainer } from './spec.js';
import type { ContainerBook, Instance, PodBook } from './state.js';
import type { VirtualMs } from './world.js';

export const isRunning = (i: Instance | undefined): i is Instance & { startedAt: number } =>
  i !== undefined && i.startedAt !== undefined && i.exit === undefined;

/**
 * Probe kills, after which the kubelet starts the container again whatever its exit code (`computePodActions`
 * puts it in `ContainersToStart`); a postStart kill leaves an ordinary dead container.
 */
const restartingKills: ReadonlySet<KillReason> = new Set(['LivenessProbeFailed', 'StartupProbeFailed']);

/** The instance was killed by its liveness or startup probe: the kubelet restarts it in the killing sync. */
export const killedByProbe = (i: Instance | undefined): boolean => {
  const reason = i?.kills[0]?.reason;
  return reason !== undefined && restartingKills.has(reason);
};

/**
 * The finish `doBackOff` measures the back-off from when it restarts `c`: the newest *exited* instance the
 * runtime listed at the start of the sync. A probe kill stops and starts the container in one sync
 * (`computePodActions` puts it in both `ContainersToKill` and `ContainersToStart`), so in that sync the killed
 * instance was still running: the finish is the one before it, or none (no back-off, no step). Any later sync
 * (the killing one backed off) lists the killed instance as exited and measures from its own finish.
 */
export const backoffAnchor = (pod: PodBook, c: ContainerBook): VirtualMs | undefined =>
  killedByProbe(c.current) && c.current?.kills[0]?.sync === pod.syncs ? c.previousExit?.at : c.current?.exit?.at;

export const specOf = (pod: PodBook, c: ContainerBook): SpecContainer => {
  const found = specContainerNamed(pod.spec, c.name);
  if (found === undefined) throw new Error(`container ${c.name} is not in the spec of pod ${pod.ref.name}`);
  return found;
};

/** `started` (`prober_manager.go :: isContainerStarted`): running, postStart returned, startup probe passed if any. */
export const isStarted = (pod: PodBook, c: ContainerBook): boolean =>
  isRunning(c.current) &&
  c.current.postStartDone &&
  (specOf(pod, c).spec.startupProbe === undefined || c.probes.startup?.result === 'success');

/**
 * An exited instance will be followed by another one (`ShouldContainerBeRestarted`, probe and hook kills
 * included; an exit a `RestartAllContainers` rule matches restarts the whole pod: `kubelet/restart-all.ts`). Deletion is not asked here: a pod being deleted restarts nothing, but whether it had finished
 * before the request decides who removes it.
 */
export const willRestart = (pod: PodBook, c: ContainerBook): boolean => {
  const exit = c.current?.exit;
  if (exit === undefined) return false;
  const spec = specOf(pod, c);
  if (triggersRestartAll(spec.spec, exit.code)) return true;
  if (killedByProbe(c.current) && restartsOnFailure(spec.spec, pod.spec)) return true;
  return restartsAfterExit(spec, pod.spec, exit.code);
};

/** A regular init container failed and will not be retried: the pod is Failed (phase rule 1). */
const initFailed = (pod: PodBook, c: ContainerBook): boolean =>
  c.role === 'init' && c.current?.exit !== undefined && c.current.exit.code !== 0 && !willRestart(pod, c);

/** A regular container ran and stopped and will not run again. */
const regularDone = (pod: PodBook, c: ContainerBook): boolean => c.role === 'regular' && c.current?.exit !== undefined && !willRestart(pod, c);

/** What the kubelet's pod-wide questions count over a pod's containers. */
interface Tally {
  readonly live: number;
  readonly initFailed: number;
  readonly regularsDone: number;
  readonly regulars: number;
}

const count = (pod: PodBook, c: ContainerBook): Tally => ({
  live: isRunning(c.current) ? 1 : 0,
  initFailed: initFailed(pod, c) ? 1 : 0,
  regularsDone: regularDone(pod, c) ? 1 : 0,
  regulars: c.role === 'regular' ? 1 : 0,
});

const plus = (a: Tally, b: Tally, sign = 1): Tally => ({
  live: a.live + sign * b.live,
  initFailed: a.initFailed + sign * b.initFailed,
  regularsDone: a.regularsDone + sign * b.regularsDone,
  regulars: a.regulars + sign * b.regulars,
});

/**
 * Tallies by containers array: most updates of a pod keep its array, and one that changes a single container
 * carries the tally over (`changedContainer`), so a pod with many containers costs no square for asking them
 * after every event. A pod's spec, which `willRestart` reads, never changes.
 */
const tallies = new WeakMap<readonly ContainerBook[], Tally>();

const tallyOf = (pod: PodBook): Tally => {
  let tally = tallies.get(pod.containers);
  if (tally === undefined) {
    tally = pod.containers.reduce((sum, c) => plus(sum, count(pod, c)), { live: 0, initFailed: 0, regularsDone: 0, regulars: 0 });
    tallies.set(pod.containers, tally);
  }
  return tally;
};

/** The pod's containers with those at the given indices replaced (one copy), the tally carried over change by change. */
export const changedContainers = (pod: PodBook, changes: ReadonlyMap<number, ContainerBook>): readonly ContainerBook[] => {
  if (changes.size === 0) return pod.containers;
  const containers = pod.containers.slice();
  let known = tallies.get(pod.containers);
  for (const [index, next] of changes) {
    const previous = containers[index];
    containers[index] = next;
    known = known === undefined || previous === undefined ? undefined : plus(plus(known, count(pod, previous), -1), count(pod, next));
  }
  if (known !== undefined) tallies.set(containers, known);
  return containers;
};

/** The pod's containers with the one at `index` replaced, its tally carried over in O(1). */
export const changedContainer = (pod: PodBook, index: number, next: ContainerBook): readonly ContainerBook[] =>
  changedContainers(pod, new Map([[index, next]]));

/** The kubelet will start nothing more in this pod (`podIsTerminal`), short of deletion: rejected, evicted, past its deadline, or done. */
export const podTerminal = (pod: PodBook): boolean => {
  if (pod.rejectedAt !== undefined || pod.evicted || pod.deadlineExceeded) return true;
  const tally = tallyOf(pod);
  return tally.initFailed > 0 || tally.regularsDone === tally.regulars;
};

/** Some container has a live process. */
export const hasLiveContainer = (pod: PodBook): boolean => tallyOf(pod).live > 0;

/** Containers with a live process (running, or started and not yet exited). */
export const liveContainers = (pod: PodBook): ContainerBook[] => pod.containers.filter((c) => isRunning(c.current));
