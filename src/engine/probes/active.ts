/**
 * Which probes run against a container right now, and when each next ticks: nothing during termination,
 * only the startup probe until it passes, liveness held after a published failure, ticks every
 * `periodSeconds` from `initialDelaySeconds` after the instance started.
 */
import type { ProbeKind } from '../../events/index.js';
import type { Container, Probe } from '../../k8s/pod.js';
import { probeTrackOf } from '../evolve.js';
import { nextOnGrid } from '../grid.js';
import { isRunning, isStarted, podTerminal, specOf } from '../lifecycle.js';
import { probeTiming } from '../spec.js';
import type { ContainerBook, PodBook } from '../state.js';
import type { VirtualMs } from '../world.js';

export const probeSpecOf = (c: Container, kind: ProbeKind): Probe | undefined => {
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

const kinds: readonly ProbeKind[] = ['startup', 'liveness', 'readiness'];

/** The probes that may run now against the container's current instance. */
export const activeProbes = (pod: PodBook, c: ContainerBook): Array<{ kind: ProbeKind; probe: Probe }> => {
  const i = c.current;
  if (!isRunning(i) || !i.postStartDone || i.kills.length > 0 || pod.deletion !== undefined || podTerminal(pod)) return [];
  const spec = specOf(pod, c).spec;
  const started = isStarted(pod, c);
  return kinds.flatMap((kind) => {
    const probe = probeSpecOf(spec, kind);
    if (probe === undefined || probeTrackOf(c, kind).onHold) return [];
    return (kind === 'startup') !== started ? [{ kind, probe }] : [];
  });
};

/** The next tick on the grid `startedAt + initialDelay + k × period`. */
export const nextProbeTick = (startedAt: VirtualMs, probe: Probe, now: VirtualMs, takenNow: boolean): VirtualMs => {
  const timing = probeTiming(probe);
  return nextOnGrid(startedAt + timing.initialDelayMs, timing.periodMs, now, takenNow);
};
