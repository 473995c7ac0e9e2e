/**
 * The engine's loop as it was before its timer queue (`src/engine/timers.ts`): at each step every pod, every
 * container and every node is asked for its wake-ups, and the earliest are taken in order, every memory
 * sample and probe tick decided one by one (no lookahead). Slow (it asks everything at every step) and
 * plainly right: the queue must decide exactly what this decides.
 */
import { msOf } from '../../src/k8s/codecs.js';
import { compareTimers, containerWakeups, nodeWakeups, podGate, podWakeups, resolved, type Ctx, type Wakeup } from '../../src/engine/agenda.js';
import { decide } from '../../src/engine/decide.js';
import { evolve } from '../../src/engine/evolve.js';
import { notFound } from '../../src/engine/simulate.js';
import { initialState, type EngineState } from '../../src/engine/state.js';
import type { Simulation } from '../../src/engine/world.js';
import type { Event } from '../../src/events/index.js';

const everyWakeup = (state: EngineState, ctx: Ctx): Wakeup[] => [
  ...[...state.pods.values()].flatMap((pod) => {
    const gate = podGate(state, pod, ctx.now);
    const containers = gate.kind === 'kubelet' ? pod.containers.flatMap((c, i) => containerWakeups(ctx, pod, gate.node, c, i)) : [];
    return [...podWakeups(ctx, state, pod, gate), ...containers];
  }),
  ...[...state.nodes.values()].flatMap((node) => nodeWakeups(ctx, node).map((t) => resolved(t, state))),
];

const dueByFullScan = (state: EngineState, ctx: Ctx): Wakeup[] => {
  const { now, taken } = ctx;
  const all = everyWakeup(state, ctx)
    .map((w) => (w.at < now ? { ...w, at: now } : w))
    .filter((w) => !(w.at === now && taken(w.key)));
  const first = Math.min(...all.map((w) => w.at));
  return all.filter((w) => w.at === first).sort(compareTimers);
};

export const simulateByFullScan = (sim: Simulation): Event[] => {
  const external = [...sim.external].sort((a, b) => msOf(a.at) - msOf(b.at));
  const events: Event[] = [];
  let state = initialState();
  let now = external[0] === undefined ? sim.until : Math.min(msOf(external[0].at), sim.until);
  let next = 0;
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
    if (due.length === 0 && extAt > now) due = dueByFullScan(state, { world: sim.world, now, taken: (k) => taken.has(k), lookahead: 0 });
    const wake = extAt <= now ? undefined : due[0];
    const at = Math.min(extAt, wake?.at ?? Infinity);
    if (at > sim.until) break;
    if (at > now) {
      now = at;
      taken.clear();
    }
    if (ext !== undefined && extAt <= at) {
      if (!notFound(state, ext)) append(ext);
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
  return events;
};
