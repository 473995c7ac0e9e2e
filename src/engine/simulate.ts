/**
 * `simulate`: runs the engine in virtual time. External events are injected at their instants (before the
 * engine reacts at that instant); otherwise the earliest wake-up is decided and its events folded into the
 * state. Pure and deterministic: the same simulation always gives the same events.
 */
import type { Event } from '../events/index.js';
import { msOf } from '../k8s/codecs.js';
import { resolved } from './agenda.js';
import { decide } from './decide.js';
import { evolve } from './evolve.js';
import { initialState, type EngineState } from './state.js';
import { Timers, type Due } from './timers.js';
import type { Simulation, VirtualMs } from './world.js';

export interface SimulateOptions {
  /** Guard against a decider that never settles: the most decisions taken at one instant (default 100 000). */
  readonly maxStepsPerInstant?: number;
}

export interface SimulationRun {
  readonly events: readonly Event[];
  readonly state: EngineState;
}

/**
 * A second deletion request for a pod the cluster has removed meanwhile: the API server answers NotFound and
 * writes nothing (`kubectl delete` prints `Error from server (NotFound)`).
 */
export const notFound = (state: EngineState, e: Event): boolean => e.type === 'PodDeletionRequested' && state.pods.get(e.pod.uid)?.removed === true;

/** Runs the simulation and returns the engine's final bookkeeping with the events. */
export const run = (sim: Simulation, opts: SimulateOptions = {}): SimulationRun => {
  const limit = opts.maxStepsPerInstant ?? 100_000;
  const external = [...sim.external].sort((a, b) => msOf(a.at) - msOf(b.at));
  const events: Event[] = [];
  let state = initialState();
  let now: VirtualMs = external[0] === undefined ? sim.until : Math.min(msOf(external[0].at), sim.until);
  let next = 0;
  let steps = 0;
  const timers = new Timers(sim.world);
  // a wake-up that decided nothing is taken at `now`; any new event may change its answer, so it clears them
  const append = (e: Event) => {
    const before = state;
    state = evolve(state, e);
    events.push(e);
    timers.observe(before, state);
    timers.clearTaken(state);
  };
  let due: readonly Due[] = [];
  let taking = 0;
  for (;;) {
    const ext = external[next];
    const extAt = ext === undefined ? Infinity : msOf(ext.at);
    // the wake-ups of one instant stay valid until some event changes the state
    if (taking === due.length && extAt > now) {
      due = timers.due(state, now);
      taking = 0;
    }
    const wake = extAt <= now ? undefined : due[taking];
    const at = Math.min(extAt, wake?.at ?? Infinity);
    if (at > sim.until) break;
    if (at > now) {
      now = at;
      steps = 0;
      timers.clearTaken();
    }
    if (++steps > limit) throw new Error(`the engine did not settle at ${new Date(now).toISOString()} after ${limit} decisions`);
    if (ext !== undefined && extAt <= at) {
      if (!notFound(state, ext)) append(ext);
      due = [];
      taking = 0;
      next++;
      continue;
    }
    if (wake === undefined) break;
    taking++;
    const decided = decide(state, resolved(wake, state).input, now);
    if (decided.length === 0) timers.take(wake, state);
    decided.forEach(append);
    if (decided.length > 0) {
      due = [];
      taking = 0;
    }
  }
  return { events, state };
};

/** Every event in order, the external ones included. */
export const simulate = (sim: Simulation, opts?: SimulateOptions): Event[] => [...run(sim, opts).events];
