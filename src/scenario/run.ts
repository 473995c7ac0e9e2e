/** Running a scenario: load it and let the engine decide everything it does not say. */
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { simulate } from '../engine/simulate.js';
import type { Event } from '../events/index.js';
import type { ScenarioError } from './errors.js';
import type { ReadFile } from './manifests.js';
import { loadScenario } from './load.js';

/** The scenario's events, the external ones and the engine's decisions, in order. */
export const runScenario = (text: string, file: string, readFile: ReadFile): E.Either<ScenarioError, Event[]> =>
  pipe(
    loadScenario(text, file, readFile),
    E.map((loaded) => simulate(loaded.simulation)),
  );
