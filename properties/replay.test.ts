/**
 * Replay determinism: the same scenario gives the same journal, and the same journal folds to deep-equal
 * state from a real LevelDB journal and in memory, incrementally (chunk by chunk) and in one pass.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { Event } from '../src/events/index.js';
import { foldCluster, type ClusterState } from '../src/reducers/index.js';
import { runScenario } from '../src/scenario/index.js';
import { scenario } from './arbitraries/scenarios.js';
import { chunksAt, withTempJournal } from './support/level.js';
import { journalOf } from './support/simulated.js';
import { holds } from './support/property.js';

const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 });

/** Folds the chunks one after the other, each onto the state the previous left. */
const foldInChunks = (chunks: readonly (readonly Event[])[]): ClusterState =>
  chunks.reduce<ClusterState>((state, chunk) => foldCluster(chunk, state), foldCluster([]));

describe('replay determinism', () => {
  it('replay-same-scenario-same-journal', async () => {
    await holds('replay-same-scenario-same-journal', fc.property(scenario(), (s) => {
      const again = runScenario(s.yaml, 'again.yaml', () => E.left('no files'));
      expect(E.isRight(again) ? again.right : again.left).toEqual(journalOf(s));
    }), 15);
  });

  it('replay-incremental-equals-one-pass', async () => {
    await holds('replay-incremental-equals-one-pass', fc.property(scenario(), cuts, (s, at) => {
      const events = journalOf(s);
      expect(foldInChunks(chunksAt(events, at))).toEqual(foldCluster(events));
    }), 25);
  });

  it('replay-leveldb-equals-memory (appended in chunks, read back in sequence and in time order)', async () => {
    await holds('replay-leveldb-equals-memory', fc.asyncProperty(scenario(), cuts, async (s, at) => {
      const events = journalOf(s);
      await withTempJournal(async (journal) => {
        let seq = 0;
        for (const chunk of chunksAt(events, at)) {
          await journal.append(chunk, { expectedSeq: seq });
          seq += chunk.length;
        }
        const inMemory = foldCluster(events);
        const stored = (await journal.records().toArray()).map((r) => r.event);
        expect(stored).toEqual(events);
        expect(foldCluster(stored)).toEqual(inMemory);
        let incremental = foldCluster([]);
        for await (const page of journal.recordsInTimeOrder().batches()) incremental = foldCluster(page.map((r) => r.event), incremental);
        expect(incremental).toEqual(inMemory);
      });
    }), 15);
  });
});
