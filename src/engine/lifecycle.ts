/** Questions the kubelet asks of its bookkeeping: is a container running, started, done; will the pod run anything more. */
import type { KillReason } from '../events/index.js';
import { restartPolicyOf, restartsAfterExit, specContainerNamed, type SpecContainer } from './spec.js';
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
 * included). Deletion is not asked here: a pod being deleted restarts nothing, but whether it had finished
 * before the request decides who removes it.
 */
export const willRestart = (pod: PodBook, c: ContainerBook): boolean => {
  const exit = c.current?.exit;
  if (exit === undefined) return false;
  const policy = restartPolicyOf(pod.spec);
  if (killedByProbe(c.current) && policy !== 'Never') return true;
  return restartsAfterExit(c.role, policy, exit.code);
};

/** A regular init container failed and will not be retried: under `Never` the pod is Failed (phase rule 1). */
export const initFailedForGood = (pod: PodBook): boolean =>
  pod.containers.some((c) => c.role === 'init' && c.current?.exit !== undefined && c.current.exit.code !== 0 && !willRestart(pod, c));

/** Every regular container ran and stopped and none will run again. */
const regularsDone = (pod: PodBook): boolean =>
  pod.containers.filter((c) => c.role === 'regular').every((c) => c.current?.exit !== undefined && !willRestart(pod, c));

/**
 * Answers about a pod that read all its containers, kept per book: a book is never changed, and the engine asks
 * them after every event, so that a pod with many containers would otherwise cost its containers squared.
 */
const memo = <T>(f: (pod: PodBook) => T): ((pod: PodBook) => T) => {
  const known = new WeakMap<PodBook, { readonly value: T }>();
  return (pod) => {
    const hit = known.get(pod);
    if (hit !== undefined) return hit.value;
    const value = f(pod);
    known.set(pod, { value });
    return value;
  };
};

/** The kubelet will start nothing more in this pod (`podIsTerminal`), short of deletion. */
export const podTerminal = memo((pod: PodBook): boolean => pod.rejected || pod.evicted || initFailedForGood(pod) || regularsDone(pod));

/** Containers with a live process (running, or started and not yet exited). */
export const liveContainers = memo((pod: PodBook): readonly ContainerBook[] => pod.containers.filter((c) => isRunning(c.current)));
