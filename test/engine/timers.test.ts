/**
 * The timer queue on every sample scenario and the generated clusters of the engine's properties: the same
 * events, in the same order, as asking every pod, container and node at every step.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { simulateByFullScan } from '../../properties/support/full-scan.js';
import { loadSample, sampleNames } from '../scenario/support.js';
import { clusterArb, scenario } from './generated.js';

describe('the timer queue decides as a full scan', () => {
  it.each(sampleNames)('on the sample %s', (name) => {
    const sim = loadSample(name).simulation;
    const events = simulate(sim);
    expect(events.length).toBeGreaterThan(0);
    expect(events).toEqual(simulateByFullScan(sim));
  });

  it('on generated clusters (sidecars, kills, deletions, a lost node)', () => {
    fc.assert(
      fc.property(clusterArb, (c) => {
        const sim = scenario(c);
        expect(simulate(sim)).toEqual(simulateByFullScan(sim));
      }),
      { numRuns: 30, seed: 20261205 },
    );
  });
});
