import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import type { JournalRecord } from '../../src/journal/index.js';
import { at, containerStarted, freshJournal, nodeReady, podBound } from './fixtures.js';

/** An event for pod a, b or c (or the node) at a second in 0..20: few instants, so ties are common. */
const anEvent: fc.Arbitrary<Event> = fc
  .tuple(fc.constantFrom('a', 'b', 'c', 'node'), fc.integer({ min: 0, max: 20 }), fc.boolean())
  .map(([who, s, bound]) => (who === 'node' ? nodeReady(s) : bound ? podBound(who, s) : containerStarted(who, s)));

/** The same events, sorted by valid time across all appends, cut into appends of the same sizes. */
const inOrder = (appends: readonly Event[][]): Event[][] => {
  const sorted = appends.flat().sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
  let from = 0;
  return appends.map((a) => sorted.slice(from, (from += a.length)));
};

const byPosition = (x: JournalRecord, y: JournalRecord) => (x.event.at < y.event.at ? -1 : x.event.at > y.event.at ? 1 : x.seq - y.seq);
const seqs = (rs: ReadonlyArray<{ readonly seq: number }>) => rs.map((r) => r.seq);

describe('read orders over random appends', () => {
  it('time order, pod order and their bounds agree with sorting the records by (at, seq)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(anEvent, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 20 }),
        fc.boolean(),
        async (generated, cut, inTimeOrder) => {
          // Half the runs append in valid-time order (the scan of records), half not (the walk of the time index).
          const appends = inTimeOrder ? inOrder(generated) : generated;
          const { journal, done } = await freshJournal();
          try {
            for (const events of appends) await journal.append(events, { expectedSeq: journal.count() });
            expect(journal.head().ordered || !inTimeOrder).toBe(true);
            const all = await journal.records().toArray();
            const sorted = [...all].sort(byPosition);
            expect(journal.head().ordered).toBe(all.every((r, i) => i === 0 || (all[i - 1]?.event.at ?? '') <= r.event.at));
            expect(seqs(await journal.recordsInTimeOrder().toArray())).toEqual(seqs(sorted));
            expect(seqs(await journal.recordsInTimeOrder({ untilAt: at(cut) }).toArray())).toEqual(
              seqs(sorted.filter((r) => r.event.at <= at(cut))),
            );
            // skipped types are left out, and the bound still holds past a skipped record
            const unbound = sorted.filter((r) => r.event.type !== 'PodBound' && r.event.at <= at(cut));
            expect(seqs(await journal.recordsInTimeOrder({ untilAt: at(cut), skipTypes: new Set(['PodBound']) }).toArray())).toEqual(seqs(unbound));
            const pivot = sorted[Math.floor(sorted.length / 2)];
            if (pivot !== undefined) {
              const after = { at: pivot.event.at, seq: pivot.seq };
              expect(seqs(await journal.recordsInTimeOrder({ after }).toArray())).toEqual(seqs(sorted.slice(sorted.indexOf(pivot) + 1)));
            }
            // any position, not only a record's (an ordered journal finds it by binary search)
            const anywhere = { at: at(cut), seq: cut };
            expect(seqs(await journal.recordsInTimeOrder({ after: anywhere }).toArray())).toEqual(
              seqs(sorted.filter((r) => r.event.at > anywhere.at || (r.event.at === anywhere.at && r.seq > anywhere.seq))),
            );
            for (const uid of ['a', 'b', 'c']) {
              const mine = sorted.filter((r) => 'pod' in r.event && r.event.pod.uid === uid);
              expect(seqs(await journal.podRecords('default', `pod-${uid}`).toArray())).toEqual(seqs(mine));
              expect(seqs(await journal.podRecords('default', `pod-${uid}`, { untilAt: at(cut) }).toArray())).toEqual(seqs(mine.filter((r) => r.event.at <= at(cut))));
              // skipped types are left out of a pod's history too
              expect(seqs(await journal.podRecords('default', `pod-${uid}`, { skipTypes: new Set(['PodBound']) }).toArray())).toEqual(
                seqs(mine.filter((r) => r.event.type !== 'PodBound')),
              );
            }
            expect(await journal.verify()).toMatchObject({ ok: true, count: all.length });
          } finally {
            await done();
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
