import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Event, PodRef } from '../../src/events/index.js';
import { generateEvents } from '../../src/generator/index.js';
import { instantOf } from '../../src/k8s/codecs.js';
import { podTableRow } from '../../src/printers/pod-table-row.js';
import { sortRows } from '../../src/printers/pod-table.js';
import { isInferredSinceCaptureRow, rowLine, type RowLine } from '../../src/printers/row-line.js';
import { restsOnInferred } from '../../src/reducers/index.js';
import { imported, real } from '../importers/fixtures.js';
import { rowsAt } from '../../src/timetravel/rows-at.js';
import { clusterAt, refreshSnapshots, timeTravel } from '../../src/timetravel/time-travel.js';
import { at, bound, created, exited, podRef, started } from '../support/event-builders.js';
import { foldInTimeOrder } from '../support/reference-fold.js';
import { tempJournal } from '../support/temp-journal.js';

/** The rows of the full fold at `t`, in kubectl's order: what `get pods --at` printed before snapshots held rows. */
const foldedRows = (appended: readonly Event[], t: string): RowLine[] =>
  sortRows([...foldInTimeOrder(appended, t).pods.values()].map((s) => rowLine(podTableRow(s.pod, restsOnInferred(s)))));

/** A pod's life at offsets from `s`; `uid` another incarnation of the name; maybe an exit, maybe removed. */
const life = (pod: PodRef, s: number, exitAfter: number | undefined, removedAfter: number | undefined): Event[] => {
  const events = [created(pod, s), bound(pod, s + 1), ...started(pod, s + 3)];
  if (exitAfter !== undefined) events.push(exited(pod, s + 3 + exitAfter, 1));
  if (removedAfter !== undefined) events.push({ v: 1, type: 'PodRemoved', at: at(s + 4 + removedAfter), source: 'api', pod });
  return events;
};

const arbLives = fc.array(
  fc.record({
    name: fc.integer({ min: 0, max: 5 }),
    start: fc.integer({ min: 0, max: 300 }),
    exit: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
    removed: fc.option(fc.integer({ min: 60, max: 120 }), { nil: undefined }),
  }),
  { minLength: 1, maxLength: 12 },
);

describe('get pods rows at T', () => {
  it("a snapshot's rows plus the pods the events after it touch equal the full fold's rows at every T, names reused and pods removed", async () => {
    await fc.assert(
      fc.asyncProperty(arbLives, fc.integer({ min: 1, max: 9 }), fc.array(fc.integer({ min: -5, max: 450 }), { minLength: 3, maxLength: 6 }), async (lives, every, instants) => {
        const journal = await tempJournal();
        const tt = timeTravel(journal, 'test', every);
        // Names repeat across lives: a later incarnation (its own uid) takes the name from a live one.
        const events = lives
          .flatMap((l, i) => life({ ...podRef(`pod-${l.name}`), uid: `uid-${i}` }, l.start, l.exit, l.removed))
          .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
        await journal.append(events, { expectedSeq: 0 });
        await refreshSnapshots(tt);
        for (const s of instants) expect(sortRows(await rowsAt(tt, at(s)))).toEqual(foldedRows(events, at(s)));
      }),
      { numRuns: 30, seed: 20261205 },
    );
  });

  it('equals the full fold on the S incident at instants between snapshots and before the first', async () => {
    const events = [...generateEvents({ tier: 'S' })];
    const journal = await tempJournal();
    await journal.append(events, { expectedSeq: 0 });
    const tt = timeTravel(journal, 'test', 700);
    await refreshSnapshots(tt);
    const first = Date.parse(events[0]?.at ?? '');
    const last = Date.parse(events[events.length - 1]?.at ?? '');
    for (const share of [0, 0.13, 0.5, 0.77, 1]) {
      const t = instantOf(first + (last - first) * share);
      expect(sortRows(await rowsAt(tt, t))).toEqual(foldedRows(events, t));
    }
  });

  it('an imported crash loop: rows from snapshots are marked where the state rests on facts inferred since the last capture, as in the full fold', async () => {
    // The PodList shows restartCount 6 and CrashLoopBackOff, captured at 21:12:32 (its last managedFields time):
    // the earlier runs and waits are placed on the back-off curve, inferred.
    const { events } = await imported([real('crash-loop-pods.json'), real('crash-loop-events.json')]);
    const journal = await tempJournal();
    await journal.append(events, { expectedSeq: 0 });
    const tt = timeTravel(journal, 'test', 4);
    await refreshSnapshots(tt);
    for (const t of new Set(events.map((e) => e.at))) {
      expect(sortRows(await rowsAt(tt, t)), t).toEqual(foldedRows(events, t));
      expect(await clusterAt(tt, t), t).toEqual(foldInTimeOrder(events, t));
    }
    const marked = async (t: string): Promise<number> => (await rowsAt(tt, instantOf(Date.parse(t)))).filter(isInferredSinceCaptureRow).length;
    expect(await marked('2026-07-22T21:06:20.000Z')).toBe(1); // inside the placed 40 s wait after run 3
    expect(await marked('2026-07-22T21:12:32.000Z')).toBe(0); // the capture: what the cluster showed
    expect(await marked('2026-07-22T21:12:40.000Z')).toBe(0); // after it, before any change it did not record
  });

  it('folds from the events when the snapshot was written by another version', async () => {
    const journal = await tempJournal();
    const pod = podRef('web');
    const events = life(pod, 0, 5, undefined);
    await journal.append(events, { expectedSeq: 0 });
    await refreshSnapshots(timeTravel(journal, 'old', 2));
    expect(sortRows(await rowsAt(timeTravel(journal, 'new', 2), at(9)))).toEqual(foldedRows(events, at(9)));
  });
});
