/** Graceful deletion over engine journals: every container is gone within the grace period (+2 s with preStop; never under 2 s). */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { scenario } from './arbitraries/scenarios.js';
import { check, scenarioClean } from './support/clean.js';
import { holds } from './support/property.js';

describe('graceful deletion', () => {
  it('graceful-deletion-within-grace (graceful requests, no probe kill in flight)', async () => {
    const graceful = scenario({ forceDeletions: false, probes: ['readiness'], maxPods: 3 });
    await holds('graceful-deletion-within-grace', fc.property(graceful, scenarioClean(check('grace'))), 30);
  });

  // Force deletions and probe kills in flight: this property found that the engine killed force-deleted pods
  // with their own grace and let a deletion wait for an in-flight probe kill (fixed in 2bd67fd, pod_workers.go).
  it('graceful-deletion-within-grace (any deletion, any kill in flight)', async () => {
    await holds('graceful-deletion-within-grace-any', fc.property(scenario(), scenarioClean(check('grace'))), 60);
  });
});
