/** Scenarios: load a scenario file into the engine's `Simulation`, and run it. */
export { type LoadedScenario, loadScenario } from './load.js';
export { runScenario } from './run.js';
export { type ScenarioError, renderScenarioError } from './errors.js';
export type { ReadFile } from './manifests.js';
