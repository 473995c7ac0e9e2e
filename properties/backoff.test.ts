/**
 * Back-off invariants over engine journals: announced delays stay within 300 s and never shrink before a
 * reset, no restart comes inside a window, and the actual gaps between an exit and the restart after it
 * grow the same way (0, 10, 20, … 300 s) until the container runs 10 minutes. A liveness or startup kill's
 * restart inside the killing sync is no back-off gap: `computePodActions` kills and starts in one sync, and
 * `doBackOff` skips the killed instance (still running in that sync's status) for the exit before it
 * (kuberuntime_manager.go :: doBackOff), so that restart is left out; a later one is measured as any other.
 * Nor is the restart of a regular container that waited for an init container or sidecar to start again: while
 * no regular container is created or running and the last init container has exited, the pod is not
 * initialized and its regular containers wait (kuberuntime_manager.go :: computeInitContainerActions), so
 * their gap is the sidecar's, not their own back-off. Nor is a start held by a kill of another container in
 * its sync: `SyncPod` kills before it starts and `killContainer` waits for the process to end, so that start
 * comes when the kill's grace ends (kuberuntime_manager.go :: SyncPod; podj's one sync at a time).
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { BACKOFF_RESET_MS, MAX_BACKOFF_SECONDS, startsOf } from '../src/check/index.js';
import { msOf } from '../src/k8s/codecs.js';
import { scenario } from './arbitraries/scenarios.js';
import { check, observedOf, scenarioClean } from './support/clean.js';
import { holds } from './support/property.js';
import type { PodHistory, Start } from '../src/check/index.js';
import type { Scenario } from './arbitraries/scenarios.js';

const probeKills = new Set(['LivenessProbeFailed', 'StartupProbeFailed']);

/** The start came in the sync that killed the previous instance for its probe (no PodSynced in between). */
const inKillingSync = (h: PodHistory, start: Start): boolean => {
  const kill = start.previous?.kill;
  if (kill === undefined || !probeKills.has(kill.reason)) return false;
  return !h.steps.some(({ entry }) => entry.event.type === 'PodSynced' && entry.seq > kill.entry.seq && entry.seq < start.entry.seq);
};

/** The sync that made this start had killed another container for its probe first (no PodSynced in between). */
const heldByKill = (h: PodHistory, start: Start): boolean => {
  const kill = h.steps.findLast(
    ({ entry }) => entry.seq < start.entry.seq && entry.event.type === 'ContainerKilling' && 'container' in entry.event && entry.event.container !== start.container && probeKills.has(entry.event.reason),
  );
  if (kill === undefined) return false;
  return !h.steps.some(({ entry }) => entry.event.type === 'PodSynced' && entry.seq > kill.entry.seq && entry.seq < start.entry.seq);
};

/** An init container or sidecar of the pod started after the exit, before this start. */
const waitedForInit = (h: PodHistory, start: Start, exitSeq: number): boolean => {
  const inits = new Set((h.steps.find((step) => step.entry.event.type === 'PodCreated')?.after?.pod.spec.initContainers ?? []).map((c) => c.name));
  if (inits.has(start.container)) return false;
  return [...start.others].some(([name, i]) => inits.has(name) && i.started.seq > exitSeq);
};

/** Each restart's gap (exit → start, seconds) per pod and container, and whether a reset came before it. */
const restartGaps = (s: Scenario) =>
  observedOf(s).pods.flatMap((h) => {
    const lastRestart = new Map<string, number>();
    return startsOf(h).flatMap((start) => {
      const exit = start.previous?.exit;
      if (exit === undefined) return [];
      const exitMs = msOf(exit.entry.event.at);
      const stepMs = lastRestart.get(start.container) ?? msOf(start.previous?.started.event.at ?? exit.entry.event.at);
      lastRestart.set(start.container, msOf(start.entry.event.at));
      if (inKillingSync(h, start) || waitedForInit(h, start, exit.entry.seq) || heldByKill(h, start)) return [];
      return [{ pod: h.key, container: start.container, gap: (msOf(start.entry.event.at) - exitMs) / 1000, reset: exitMs - stepMs > BACKOFF_RESET_MS, seq: start.entry.seq }];
    });
  });

const gapsGrow = (s: Scenario): void => {
  const previous = new Map<string, number>();
  for (const g of restartGaps(s)) {
    const key = `${g.pod}/${g.container}`;
    const before = previous.get(key);
    if (g.gap > MAX_BACKOFF_SECONDS) throw new Error(`${key}: restart #${g.seq} came ${g.gap}s after the exit, more than ${MAX_BACKOFF_SECONDS}s`);
    if (before !== undefined && g.gap < before && !g.reset) throw new Error(`${key}: restart #${g.seq} came ${g.gap}s after the exit, the previous one ${before}s, without a reset`);
    previous.set(key, g.gap);
  }
};

describe('restart back-off', () => {
  it('backoff-announced-delays-capped-monotone-and-waited-out', async () => {
    await holds('backoff-announced', fc.property(scenario(), scenarioClean(check('backoff'))), 30);
  });

  it('backoff-restart-gaps-never-shrink-before-reset-and-never-exceed-300s', async () => {
    await holds('backoff-restart-gaps', fc.property(scenario({ deletions: false, nodeLoss: false }), gapsGrow), 30);
  });
});
