/** Probe invariants over engine journals: a liveness (or startup) kill only after failureThreshold consecutive failures; readiness failures never kill. */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { scenario, type Scenario } from './arbitraries/scenarios.js';
import { check, scenarioClean } from './support/clean.js';
import { journalOf } from './support/simulated.js';
import { holds } from './support/property.js';

/** Kill reasons that have nothing to do with probes. */
const nonProbeKills: ReadonlySet<string> = new Set(['PodDeleted', 'PodEvicted', 'PodFinished']);

/** With only readiness failing, no container is ever killed but for deletion, eviction or the pod finishing. */
const readinessNeverKills = (s: Scenario): void => {
  const kill = journalOf(s).find((e) => e.type === 'ContainerKilling' && !nonProbeKills.has(e.reason));
  if (kill !== undefined) throw new Error(`a ContainerKilling (${JSON.stringify(kill)}) happened though only readiness probes failed`);
};

describe('probes', () => {
  it('liveness-kill-only-after-failure-threshold', async () => {
    await holds('liveness-kill-only-after-failure-threshold', fc.property(scenario(), scenarioClean(check('probe-kill'))), 30);
  });

  it('readiness-failure-never-restarts', async () => {
    const readinessOnly = scenario({ probes: ['readiness'] });
    await holds('readiness-failure-never-restarts', fc.property(readinessOnly, (s) => {
      readinessNeverKills(s);
      scenarioClean(check('restart-after-success'), check('restart-under-never'))(s);
    }), 25);
  });
});
