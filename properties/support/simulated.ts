/** Runs a generated scenario through the same loader and engine as `podj simulate`, memoized per scenario. */
import * as E from 'fp-ts/lib/Either.js';
import type { Event } from '../../src/events/index.js';
import { renderScenarioError, runScenario } from '../../src/scenario/index.js';
import type { Scenario } from '../arbitraries/scenarios.js';

/** Properties in one file draw the same scenarios from the same seed: simulate each one once. */
const runs = new Map<string, readonly Event[]>();
const CACHE_LIMIT = 500;

/** The scenario's journal: external events and the engine's decisions, in order. */
export const journalOf = (s: Scenario): readonly Event[] => {
  const known = runs.get(s.yaml);
  if (known !== undefined) return known;
  const result = runScenario(s.yaml, 'generated.yaml', (path) => E.left(`generated scenarios read no files (${path})`));
  if (E.isLeft(result)) throw new Error(`the generator made a scenario that does not load: ${renderScenarioError(result.left)}\n${s.yaml}`);
  if (runs.size >= CACHE_LIMIT) runs.clear();
  runs.set(s.yaml, result.right);
  return result.right;
};
