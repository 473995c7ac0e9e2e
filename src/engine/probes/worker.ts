/**
 * The prober worker (`prober/worker.go`), one per (pod, container, probe kind), started by the pod's first
 * sync (`SyncPod` → `probeManager.AddPod`) and kept for the life of the pod: it probes at once, then on its
 * own ticker every `periodSeconds`, whatever the container does in between. It sees the container only as
 * the status manager last published it (`statusManager.GetPodStatus`): an instance is probed once a sync
 * has published it. A new container ID re-sets the result to the kind's initial value and lifts `onHold`;
 * the run counter (`lastResult`, `resultRun`) goes on across restarts.
 */
import type { ProbeKind, ProbeOutcome } from '../../events/index.js';
import type { Probe } from '../../k8s/pod.js';
import { nextOnGrid } from '../grid.js';
import { changedContainers, isRunning, isStarted, podTerminal, specOf } from '../lifecycle.js';
import { probeTiming } from '../spec.js';
import type { ContainerBook, Instance, PodBook, ProbeTrack } from '../state.js';
import type { VirtualMs } from '../world.js';

export const probeKinds: readonly ProbeKind[] = ['startup', 'liveness', 'readiness'];

/** The value a worker sets for a new container ID before any result (`worker.go :: newWorker`: `initialValue`). */
export const initialProbeResult = (kind: ProbeKind): ProbeOutcome | undefined =>
  kind === 'readiness' ? 'failure' : kind === 'liveness' ? 'success' : undefined;

export const probeTrackOf = (c: ContainerBook, kind: ProbeKind): ProbeTrack => {
  const track = c.probes[kind];
  if (track !== undefined) return track;
  const result = initialProbeResult(kind);
  return result === undefined ? { run: 0 } : { result, run: 0 };
};

/**
 * The tracks once a new instance exists: its results start from each kind's initial value (the results
 * manager is keyed by container ID, and the worker sets `initialValue` when it first sees the ID); the run
 * counter, the hold on the old instance and the ticker stay.
 */
export const tracksForNewInstance = (probes: ContainerBook['probes']): ContainerBook['probes'] => {
  const next: Partial<Record<ProbeKind, ProbeTrack>> = {};
  for (const kind of probeKinds) {
    const track = probes[kind];
    if (track === undefined) continue;
    const { result: _, ...rest } = track;
    const initial = initialProbeResult(kind);
    next[kind] = initial === undefined ? rest : { ...rest, result: initial };
  }
  return next;
};

/** A sync after the one that created the instance has published it: the worker can see it. */
export const isPublished = (pod: PodBook, i: Instance): boolean => pod.syncs > i.sync;

/**
 * The container's readiness can be probed: running and its postStart returned, while the phase the status
 * manager cached is not terminal (`doProbe` exits its worker once `GetPodStatus` says Failed or Succeeded: an
 * eviction's status function, a passed deadline or finished containers set that at once). A kill in flight
 * does not stop it: `SyncTerminatingPod` stops only liveness and startup (`StopLivenessAndStartup`) and removes
 * readiness once every container is gone (`RemovePod`), so a deleted pod's readiness is probed through its grace.
 */
const readinessProbeable = (pod: PodBook, i: Instance | undefined): i is Instance & { startedAt: number } =>
  isRunning(i) && i.postStartDone && !podTerminal(pod);

/**
 * Liveness and startup besides need no kill sent (a probe kill holds its worker, `onHold`) and no termination
 * under way (`SyncTerminatingPod` → `prober_manager.go :: StopLivenessAndStartup`).
 */
const probeable = (pod: PodBook, i: Instance | undefined, kind: ProbeKind): i is Instance & { startedAt: number } =>
  readinessProbeable(pod, i) && (kind === 'readiness' || (i.kills.length === 0 && pod.deletion === undefined));

/**
 * The probes whose worker runs `doProbe` against the container's current instance: only once published, not
 * on hold for this instance, only the startup probe until the container is started and only the others after.
 */
export const activeProbes = (pod: PodBook, c: ContainerBook): Array<{ kind: ProbeKind; probe: Probe }> => {
  const i = c.current;
  if (!readinessProbeable(pod, i) || !isPublished(pod, i)) return [];
  const spec = specOf(pod, c).spec;
  const started = isStarted(pod, c);
  return probeKinds.flatMap((kind) => {
    const probe = probeSpecOf(spec, kind);
    if (probe === undefined || !probeable(pod, i, kind) || probeTrackOf(c, kind).heldRun === i.run) return [];
    return (kind === 'startup') !== started ? [{ kind, probe }] : [];
  });
};

export const probeSpecOf = (c: { livenessProbe?: Probe; readinessProbe?: Probe; startupProbe?: Probe }, kind: ProbeKind): Probe | undefined => {
  switch (kind) {
    case 'liveness':
      return c.livenessProbe;
    case 'readiness':
      return c.readinessProbe;
    case 'startup':
      return c.startupProbe;
    default: {
      const never: never = kind;
      return never;
    }
  }
};

/**
 * The next `doProbe` that may probe: on the worker's ticker (`run`: from its start, or from the last manual
 * run, `probeTicker.Reset`), at or after `now` and not inside `initialDelaySeconds` of the published
 * `startedAt` (`int32(time.Since(startedAt).Seconds()) < InitialDelaySeconds` skips the tick).
 */
export const nextProbeTick = (
  pod: PodBook,
  track: ProbeTrack,
  startedAt: VirtualMs,
  probe: Probe,
  now: VirtualMs,
  takenNow: boolean,
  startedFrom?: VirtualMs,
): VirtualMs | undefined => {
  const anchor = track.tickerFrom ?? pod.probersFrom;
  if (anchor === undefined) return undefined;
  const timing = probeTiming(probe);
  const from = Math.max(now, startedAt + timing.initialDelayMs);
  // a manual run triggered after this instant's tick probes once more
  const taken = takenNow || (track.lastAt === now && track.manualPending !== true);
  // a tick at the instant the startup probe passed reads `started` before that probe's result reaches the
  // status manager (`prober_manager.go :: updateStartup` → `SetContainerStartup`, after the probe ran), so it
  // still finds the container not started and skips (`doProbe`); a manual run comes from the sync that result
  // triggered, after it
  const manualNow = track.manualPending === true && track.tickerFrom === from;
  const beforeStarted = startedFrom === from && !manualNow;
  // a tick at the instant the container started comes before the sync that started it (probes before syncs,
  // and the worker's first run inside the first sync, `AddPod`, before its starts): it finds no container,
  // even though the on-demand relist (PLEGOnDemandRelist) publishes it at that instant; a manual run comes
  // from the status that publication generated, after it
  const beforeStart = startedAt === from && !manualNow;
  return nextOnGrid(anchor, timing.periodMs, from, (taken && from === now) || beforeStarted || beforeStart);
};

/**
 * Each status the kubelet generates goes through `prober_manager.go :: UpdatePodStatus`, which triggers an
 * immediate readiness run for every started, running container not (yet) ready; the run resets the worker's
 * ticker (`probeTicker.Reset(probeTickerPeriod)`). Returns the containers with those tickers reset to `at`,
 * or the same array when none is.
 */
export const readinessRunsAtStatus = (pod: PodBook, at: VirtualMs): readonly ContainerBook[] => {
  const runs = new Map<number, ContainerBook>();
  pod.containers.forEach((c, index) => {
    if (!readinessRunWanted(pod, c)) return;
    const track = { ...probeTrackOf(c, 'readiness'), tickerFrom: at, manualPending: true };
    runs.set(index, { ...c, probes: { ...c.probes, readiness: track } });
  });
  return changedContainers(pod, runs);
};

const readinessRunWanted = (pod: PodBook, c: ContainerBook): boolean =>
  specOf(pod, c).spec.readinessProbe !== undefined &&
  readinessProbeable(pod, c.current) &&
  isStarted(pod, c) &&
  probeTrackOf(c, 'readiness').result !== 'success';

/** A status generated now would trigger a readiness run: the sync that generates it is not a silent one. */
export const readinessRunsWanted = (pod: PodBook): boolean => pod.containers.some((c) => readinessRunWanted(pod, c));
