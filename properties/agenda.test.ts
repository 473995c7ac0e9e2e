/**
 * The engine's timer queue (a heap of wake-up sources, each asked again only when what it reads changed)
 * decides exactly what asking every pod, container and node at every step decides: same events, same order.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { simulate } from '../src/engine/simulate.js';
import { loadScenario, renderScenarioError, type LoadedScenario } from '../src/scenario/index.js';
import { scenario } from './arbitraries/scenarios.js';
import { simulateByFullScan } from './support/full-scan.js';
import { holds } from './support/property.js';

const loaded = (yaml: string): LoadedScenario => {
  const result = loadScenario(yaml, 'generated.yaml', (path) => E.left(`generated scenarios read no files (${path})`));
  if (E.isLeft(result)) throw new Error(renderScenarioError(result.left));
  return result.right;
};

describe('the timer queue', () => {
  it('agenda-queue-decides-as-a-full-scan', async () => {
    await holds(
      'agenda-queue-decides-as-a-full-scan',
      fc.property(fc.oneof(scenario(), scenario({ pressure: true })), (s) => {
        const sim = loaded(s.yaml).simulation;
        expect(simulate(sim)).toEqual(simulateByFullScan(sim));
      }),
      30,
    );
  });
});
