/** Condition invariants: Ready ⇒ ContainersReady ⇒ Initialized ∧ PodScheduled, and an unbound pod is Pending. */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { rawCluster } from './arbitraries/events.js';
import { scenario } from './arbitraries/scenarios.js';
import { check, expectClean, scenarioClean } from './support/clean.js';
import { holds } from './support/property.js';

describe('pod conditions', () => {
  it('conditions-imply-each-other (engine)', async () => {
    await holds('conditions-imply-each-other', fc.property(scenario(), scenarioClean(check('conditions'))), 25);
  });

  it('conditions-imply-each-other (reducers, raw sequences)', async () => {
    await holds('conditions-imply-each-other-raw', fc.property(rawCluster, (pods) => expectClean(pods.flatMap((p) => p.events), check('conditions'))), 300);
  });

  it('unbound-pod-is-pending (engine)', async () => {
    await holds('unbound-pod-is-pending', fc.property(scenario(), scenarioClean(check('unbound-pending'))), 25);
  });

  it('unbound-pod-is-pending (reducers, raw sequences)', async () => {
    await holds('unbound-pod-is-pending-raw', fc.property(rawCluster, (pods) => expectClean(pods.flatMap((p) => p.events), check('unbound-pending'))), 300);
  });
});
