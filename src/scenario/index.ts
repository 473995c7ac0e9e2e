/** Scenarios: load a scenario file into the engine's `Simulation`, and run it. */
import { loadManifests } from '../manifest/index.js';
import { loadScenarioWith } from './load.js';

export type { LoadedScenario } from './load.js';
export type { ScenarioError } from './errors.js';
export { renderScenarioError } from './errors.js';
export type { ReadFile } from './manifests.js';

/**
 * `loadScenario(text, file, readFile)`: the scenario in `text` (read from `file`, used in error messages
 * and to name it), with `readFile` reading manifests relative to the scenario's folder.
 */
export const loadScenario = loadScenarioWith(loadManifests);
