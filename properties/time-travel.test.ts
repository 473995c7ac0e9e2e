/**
 * Time travel over engine-made journals in LevelDB: the state at every instant the journal mentions (and
 * between them), from the nearest snapshot plus the suffix, equals the full fold of everything valid by then.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Event } from '../src/events/index.js';
import { instantOf, msOf, type Instant } from '../src/k8s/codecs.js';
import { foldCluster } from '../src/reducers/index.js';
import { clusterAt, refreshSnapshots, timeTravel } from '../src/timetravel/time-travel.js';
import { scenario } from './arbitraries/scenarios.js';
import { withTempJournal } from './support/level.js';
import { journalOf } from './support/simulated.js';
import { holds } from './support/property.js';

/** The reference: every event valid at or before T (the engine emits in time order, checked below). */
const fullFoldAt = (events: readonly Event[], t: Instant) => foldCluster(events.filter((e) => e.at <= t));

const inTimeOrder = (events: readonly Event[]): boolean => events.every((e, i) => i === 0 || (events[i - 1]?.at ?? e.at) <= e.at);

describe('time travel', () => {
  it('time-travel-snapshot-plus-suffix-equals-full-fold', async () => {
    await holds('time-travel-snapshot-plus-suffix-equals-full-fold', fc.asyncProperty(scenario({ maxPods: 2 }), fc.integer({ min: 3, max: 40 }), async (s, every) => {
      const events = journalOf(s);
      expect(inTimeOrder(events), 'the engine emits events in time order').toBe(true);
      await withTempJournal(async (journal) => {
        await journal.append(events, { expectedSeq: 0 });
        const tt = timeTravel(journal, 'properties', every);
        await refreshSnapshots(tt);
        // every instant the journal mentions, and one millisecond before each
        const instants = [...new Set(events.flatMap((e) => [e.at, instantOf(msOf(e.at) - 1)]))];
        for (const t of instants) expect(await clusterAt(tt, t), `state at ${t}`).toEqual(fullFoldAt(events, t));
      });
    }), 8);
  });
});
