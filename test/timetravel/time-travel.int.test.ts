import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Event } from '../../src/events/index.js';
import { foldCluster } from '../../src/reducers/index.js';
import { observationTypes } from '../../src/events/index.js';
import { clusterAt, refreshSnapshots, timeTravel } from '../../src/timetravel/time-travel.js';
import { verifySnapshots } from '../../src/timetravel/verify-snapshots.js';
import { at, bound, created, exited, podRef, started } from '../support/event-builders.js';
import { tempJournal } from '../support/temp-journal.js';
import { foldInTimeOrder } from '../support/reference-fold.js';

/**
 * A pod's life as events at offsets from `s`: created, bound, a pull (an observation: replays leave it
 * unread), started, and maybe an exit.
 */
const life = (name: string, s: number, exitAfter: number | undefined): Event[] => {
  const pod = podRef(name);
  const pulling: Event = { v: 1, type: 'ImagePulling', at: at(s + 2), source: 'kubelet', pod, container: 'app', image: 'busybox' };
  const events = [created(pod, s), bound(pod, s + 1), pulling, ...started(pod, s + 3)];
  return exitAfter === undefined ? events : [...events, exited(pod, s + 3 + exitAfter, 1)];
};

const arbLives = fc.array(
  fc.record({ start: fc.integer({ min: 0, max: 300 }), exit: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }) }),
  { minLength: 1, maxLength: 12 },
);


describe('state at T', () => {
  it('snapshot + suffix equals the full fold at every T, also after late appends', async () => {
    await fc.assert(
      fc.asyncProperty(arbLives, fc.integer({ min: 1, max: 9 }), fc.array(fc.integer({ min: -5, max: 400 }), { minLength: 3, maxLength: 6 }), async (lives, every, instants) => {
        const journal = await tempJournal();
        const tt = timeTravel(journal, 'test', every);
        // Two appends: the second may hold events earlier than the first's (a late import).
        const batches = lives.map((l, i) => life(`pod-${i}`, l.start, l.exit));
        const half = Math.ceil(batches.length / 2);
        const first = batches.slice(0, half).flat().sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
        const second = batches.slice(half).flat();
        await journal.append(first, { expectedSeq: 0 });
        await refreshSnapshots(tt);
        await journal.append(second, { expectedSeq: first.length });
        await refreshSnapshots(tt);
        const appended = [...first, ...second];
        for (const s of instants) {
          expect(await clusterAt(tt, at(s))).toEqual(foldInTimeOrder(appended, at(s)));
        }
        expect(await clusterAt(tt)).toEqual(foldInTimeOrder(appended, at(100_000)));
      }),
      { numRuns: 25, seed: 20261123 },
    );
  });

  it('ignores snapshots written by another version and rebuilds them', async () => {
    const journal = await tempJournal();
    const events = life('web', 0, 5);
    await journal.append(events, { expectedSeq: 0 });
    // 5 folded events (the pull, an observation, is left unread and uncounted): a snapshot after the 2nd and the 4th
    expect(await refreshSnapshots(timeTravel(journal, 'old', 2))).toBe(2);
    const tt = timeTravel(journal, 'new', 2);
    expect(await clusterAt(tt, at(4))).toEqual(foldCluster(events.filter((e) => e.at <= at(4))));
    expect(await refreshSnapshots(tt)).toBe(2);
  });

  it("a journal whose snapshots schema 6 wrote (a row part for each part of pods) is answered from its events, and the next write rebuilds them in schema 26", async () => {
    const journal = await tempJournal();
    const events = [...life('web', 0, 5), ...life('db', 1, undefined)].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    await journal.append(events, { expectedSeq: 0 });
    // Schema 6's index and parts, as it wrote them for the pods at the fourth record.
    const [fourth] = await journal.recordsNumbered([4]);
    if (fourth === undefined) throw new Error('the journal holds 4 records');
    const nodes = await journal.putSnapshotPart('[]');
    const pods = await journal.putSnapshotPart('{"specs":[],"removed":[]}');
    const rows = await journal.putSnapshotPart(`0\t26\t${'0'.repeat(32)}`);
    const old = JSON.stringify({ version: `6/test`, nodes, parts: [pods], rows: [rows] });
    expect(await journal.putSnapshot({ at: fourth.event.at, seq: 4 }, old)).toBe(true);
    const tt = timeTravel(journal, 'test', 3);
    expect(tt.version).toBe('26/test');
    expect(await clusterAt(tt, at(3))).toEqual(foldCluster(events.filter((e) => e.at <= at(3))));
    const folded = events.filter((e) => !(observationTypes as ReadonlySet<string>).has(e.type)).length;
    expect(await refreshSnapshots(tt)).toBe(Math.floor(folded / 3));
    const versions: unknown[] = [];
    for await (const s of journal.snapshots()) versions.push('blob' in s ? (JSON.parse(s.blob) as { version: string }).version : s.rejected);
    expect(versions).toEqual(Array.from({ length: Math.floor(folded / 3) }, () => '26/test'));
    expect(await verifySnapshots(tt)).toEqual({ verified: versions.length, otherVersion: 0, faults: [] });
    for (const s of [3, 4, 7, 100]) expect(await clusterAt(tt, at(s))).toEqual(foldCluster(events.filter((e) => e.at <= at(s))));
  });

  it('writes a snapshot every `every` events, each adding only the pods that changed since the one before', async () => {
    const journal = await tempJournal();
    // 20 pods created one per second: a snapshot after every 3 events, each adding one part with its 3 new pods.
    const events = Array.from({ length: 20 }, (_, i) => created(podRef(`p${i}`), i));
    await journal.append(events, { expectedSeq: 0 });
    expect(await refreshSnapshots(timeTravel(journal, 'test', 3))).toBe(6);
    expect((await journal.snapshotAtOrBefore(at(100)))?.position.seq).toBe(18);
    const parts: string[][] = [];
    for await (const s of journal.snapshots()) parts.push('blob' in s ? (JSON.parse(s.blob) as { parts: string[] }).parts : []);
    expect(parts.map((p) => p.length)).toEqual([1, 2, 3, 4, 5, 6]);
    parts.slice(1).forEach((p, i) => expect(p.slice(0, -1)).toEqual(parts[i]));
  });

  it('a pod removed and created again with its uid between two snapshots loads back where the fold put it, last', async () => {
    const journal = await tempJournal();
    const [a, b, c] = [podRef('a'), podRef('b'), podRef('c')];
    const removed: Event = { v: 1, type: 'PodRemoved', at: at(2), source: 'api', pod: a };
    // A snapshot after every 2 events: {a, b}; then a removed and made again, which the fold moves after b; then c.
    const events = [created(a, 0), created(b, 1), removed, created(a, 3), created(c, 4), bound(c, 5)];
    await journal.append(events, { expectedSeq: 0 });
    const tt = timeTravel(journal, 'test', 2);
    expect(await refreshSnapshots(tt)).toBe(3);
    for (const s of [1, 3, 4, 5]) {
      const state = await clusterAt(tt, at(s));
      const folded = foldInTimeOrder(events, at(s));
      // Maps compare equal in any order: the order is compared apart. The snapshot at 3 loaded a first.
      expect([...state.pods.keys()]).toEqual([...folded.pods.keys()]);
      expect(state).toEqual(folded);
    }
    expect(await verifySnapshots(tt)).toEqual({ verified: 3, otherVersion: 0, faults: [] });
  });

  it('before the first event there are no pods', async () => {
    const journal = await tempJournal();
    await journal.append(life('web', 10, undefined), { expectedSeq: 0 });
    const state = await clusterAt(timeTravel(journal, 'test'), at(0));
    expect(state.pods.size).toBe(0);
  });
});
