/**
 * `simulate`: runs the engine in virtual time. External events are injected at their instants (before the
 * engine reacts at that instant); otherwise the earliest wake-up is decided and its events folded into the
 * state. Pure and deterministic: the same simulation always gives the same events.
 */
import type { Event } from '../events/index.js';
import { msOf } from '../k8s/codecs.js';
import { dueWakeups, type Wakeup } from './agenda.js';
import { decide } from './decide.js';
import { evolve } from './evolve.js';
import { initialState, type EngineState } from './state.js';
import type { Simulation, VirtualMs } from './world.js';

export interface SimulateOptions {
  /** Guard against a decider that never settles: the most decisions taken at one instant (default 100 000). */
  readonly maxStepsPerInstant?: number;
}

export interface SimulationRun {
  readonly events: readonly Event[];
  readonly state: EngineState;
}

/** Runs the simulation and returns the engine's final bookkeeping with the events. */
export const run = (sim: Simulation, opts: SimulateOptions = {}): SimulationRun => {
  const limit = opts.maxStepsPerInstant ?? 100_000;
  const external = [...sim.external].sort((a, b) => msOf(a.at) - msOf(b.at));
  const events: Event[] = [];
  let state = initialState();
  let now: VirtualMs = external[0] === undefined ? sim.until : Math.min(msOf(external[0].at), sim.until);
  let next = 0;
  let steps = 0;
  // wake-ups that decided nothing at `now`; any new event may change their answer, so it clears them
  const taken = new Set<string>();
  const append = (e: Event) => {
    state = evolve(state, e);
    events.push(e);
    taken.clear();
  };
  let due: Wakeup[] = [];
  for (;;) {
    const ext = external[next];
    const extAt = ext === undefined ? Infinity : msOf(ext.at);
    // the wake-ups of one instant stay valid until some event changes the state
    if (due.length === 0 && extAt > now) due = dueWakeups(state, sim.world, now, (k) => taken.has(k));
    const wake = extAt <= now ? undefined : due[0];
    const at = Math.min(extAt, wake?.at ?? Infinity);
    if (at > sim.until) break;
    if (at > now) {
      now = at;
      steps = 0;
      taken.clear();
    }
    if (++steps > limit) throw new Error(`the engine did not settle at ${new Date(now).toISOString()} after ${limit} decisions`);
    if (ext !== undefined && extAt <= at) {
      append(ext);
      due = [];
      next++;
      continue;
    }
    if (wake === undefined) break;
    due = due.slice(1);
    const decided = decide(state, wake.input, now);
    if (decided.length === 0) taken.add(wake.key);
    decided.forEach(append);
    if (decided.length > 0) due = [];
  }
  return { events, state };
};

/** Every event in order, the external ones included. */
export const simulate = (sim: Simulation, opts?: SimulateOptions): Event[] => [...run(sim, opts).events];
