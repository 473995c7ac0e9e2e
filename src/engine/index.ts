/** The engine's public surface: `simulate` (and `run` for the final bookkeeping), the World seam, the fold. */
export { simulate, run, type SimulateOptions, type SimulationRun } from './simulate.js';
export type { World, Simulation, ExternalEvent, VirtualMs, ContainerRun, TermReaction, PullAnswer, HookAnswer, NodeUsage } from './world.js';
export { evolve, foldEngine } from './evolve.js';
export { DEFAULT_EVICTION_HARD } from './eviction/signals.js';
export { initialState, type EngineState } from './state.js';
