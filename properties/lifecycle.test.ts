/**
 * Lifecycle invariants over engine-made journals and over raw, contradictory event sequences folded by the
 * reducers alone: terminal phases stay terminal, restartCount never decreases, Never restarts nothing,
 * OnFailure restarts only after a failure.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { Event } from '../src/events/index.js';
import { rawCluster } from './arbitraries/events.js';
import { scenario } from './arbitraries/scenarios.js';
import { check, expectClean, scenarioClean } from './support/clean.js';
import { holds } from './support/property.js';

const flat = (pods: ReadonlyArray<{ readonly events: readonly Event[] }>): Event[] => pods.flatMap((p) => p.events);

describe('pod lifecycle', () => {
  it('terminal-phase-stays-terminal (engine)', async () => {
    await holds('terminal-phase-stays-terminal', fc.property(scenario(), scenarioClean(check('terminal-phase-left'))), 25);
  });

  it('terminal-phase-stays-terminal (reducers, raw sequences)', async () => {
    await holds('terminal-phase-stays-terminal-raw', fc.property(rawCluster, (pods) => expectClean(flat(pods), check('terminal-phase-left'))), 300);
  });

  it('restart-count-never-decreases (engine)', async () => {
    await holds('restart-count-never-decreases', fc.property(scenario(), scenarioClean(check('restart-count-decreased'))), 25);
  });

  it('restart-count-never-decreases (reducers, raw sequences)', async () => {
    await holds('restart-count-never-decreases-raw', fc.property(rawCluster, (pods) => expectClean(flat(pods), check('restart-count-decreased'))), 300);
  });

  it('never-means-no-restart', async () => {
    await holds('never-means-no-restart', fc.property(scenario(), scenarioClean(check('restart-under-never'))), 25);
  });

  it('onfailure-restarts-only-after-failure', async () => {
    await holds('onfailure-restarts-only-after-failure', fc.property(scenario(), scenarioClean(check('restart-after-success'))), 25);
  });
});
