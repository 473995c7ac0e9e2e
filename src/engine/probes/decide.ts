/**
 * One probe execution (`prober/worker.go :: doProbe`): consecutive identical outcomes are counted and the
 * result is published only when the run reaches its threshold and the value changes. A published liveness
 * or startup Failure makes the kubelet's next sync kill the container; readiness only flips `ready`.
 *
 * Journal volume: every failure is recorded, and a success only when it counts (it differs from the
 * published result, or it ends a run of failures) — enough for the fold to rebuild the counters.
 */
import type { Event } from '../../events/index.js';
import { aboutContainer } from '../emit.js';
import type { InputOf } from '../inputs.js';
import { isRunning, specOf } from '../lifecycle.js';
import { probeTiming } from '../spec.js';
import type { EngineState } from '../state.js';
import type { VirtualMs } from '../world.js';
import { probeSpecOf, probeTrackOf } from './worker.js';

export const decideProbe = (state: EngineState, input: InputOf<'probeTick'>, now: VirtualMs): Event[] => {
  const pod = state.pods.get(input.uid);
  const c = pod?.containers.find((x) => x.name === input.container);
  if (pod === undefined || c === undefined || !isRunning(c.current)) return [];
  const probe = probeSpecOf(specOf(pod, c).spec, input.probe);
  if (probe === undefined) return [];
  const { outcome } = input;
  const track = probeTrackOf(c, input.probe);
  const run = track.lastOutcome === outcome ? track.run + 1 : 1;
  const counts = outcome === 'failure' || outcome !== track.result || track.lastOutcome === 'failure';
  const timing = probeTiming(probe);
  const crossed = run >= (outcome === 'success' ? timing.successThreshold : timing.failureThreshold) && track.result !== outcome;
  if (!counts && !crossed) return [];
  const subject = aboutContainer(now, 'prober', pod.ref, c.name);
  const events: Event[] = [];
  if (counts) {
    events.push({ type: 'ProbeExecuted', ...subject, probe: input.probe, outcome, ...(input.output === undefined ? {} : { output: input.output }) });
  }
  if (!crossed) return events;
  // a liveness or startup failure syncs the pod (`handleProbeSync`), whose sync kills the container (`kubelet/unhealthy.ts`)
  events.push({ type: 'ProbeResultChanged', ...subject, source: 'kubelet', probe: input.probe, outcome });
  return events;
};
