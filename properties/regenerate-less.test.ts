/**
 * The fold regenerates a pod's status only when the event changed something the regeneration reads
 * (`status.ts :: statusInputsChanged`, `statusFactsChanged`, `decidedAlike`). Here a second fold regenerates it
 * at every event that may skip it (`test/support/regenerate-always.ts`) and hands the next event that state: the pod read after
 * every event must be the same, on raw journals (any order, written at once, as imports are), simulated
 * ones (the engine's, publishing at syncs, and the same without their syncs: realistic runs written at once) and
 * the generator's tier S.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { generateChunks } from '../src/generator/index.js';
import { rawCluster } from './arbitraries/events.js';
import { scenario } from './arbitraries/scenarios.js';
import { journalOf } from './support/simulated.js';
import { holds } from './support/property.js';
import { sameAfterEveryEvent } from '../test/support/regenerate-always.js';

describe('the status regenerated only when its inputs changed', () => {
  it('regenerate-less-equals-always (raw event sequences)', async () => {
    await holds('regenerate-less-equals-always-raw', fc.property(rawCluster, (pods) => sameAfterEveryEvent(pods.flatMap((p) => p.events))), 80);
  });

  it('regenerate-less-equals-always (simulated journals)', async () => {
    await holds('regenerate-less-equals-always-simulated', fc.property(scenario(), (s) => sameAfterEveryEvent(journalOf(s))), 25);
  });

  it('regenerate-less-equals-always (simulated journals without their syncs: a kubelet that writes at once)', async () => {
    await holds('regenerate-less-equals-always-unsynced', fc.property(scenario(), (s) => sameAfterEveryEvent(journalOf(s).filter((e) => e.type !== 'PodSynced'))), 120);
  });

  it('regenerate-less-equals-always (the generator tier S)', () => {
    sameAfterEveryEvent([...generateChunks({ tier: 'S' })].flat());
  });
});
