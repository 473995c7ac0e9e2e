/**
 * Time travel over engine-made journals in LevelDB: the state at every instant the journal mentions (and
 * between them), from the nearest snapshot plus the suffix, equals the full fold of everything valid by then;
 * and stays so whatever is done to the snapshots (issue 14: a tampered or stale snapshot is never used).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Event } from '../src/events/index.js';
import { instantOf, msOf, type Instant } from '../src/k8s/codecs.js';
import { foldCluster, podsOf } from '../src/reducers/index.js';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openJournal } from '../src/journal/index.js';
import { rowsAtHead } from '../src/timetravel/head-rows.js';
import { podTableRow } from '../src/printers/pod-table-row.js';
import { sortRows } from '../src/printers/pod-table.js';
import { rowLine } from '../src/printers/row-line.js';
import { clusterAt, refreshSnapshots, timeTravel } from '../src/timetravel/time-travel.js';
import { verifySnapshots } from '../src/timetravel/verify-snapshots.js';
import { foldInTimeOrder } from '../test/support/reference-fold.js';
import * as tampering from '../test/support/snapshot-tampering.js';
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

type Tampering = 'add-pod' | 'copy-over' | 'repoint' | 'truncate' | 'stale' | 'head-table';
const tamperings = fc.constantFrom<Tampering>('add-pod', 'copy-over', 'repoint', 'truncate', 'stale', 'head-table');

/** Cuts a head table part short (after its header line, so the SHA-256 check is what catches it). */
const truncateHeadTablePart = async (dir: string, cut: number): Promise<boolean> => {
  const file = join(dir, 'snapshots', 'head', '0.json');
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return false;
  const header = text.indexOf('\n') + 1;
  await writeFile(file, text.slice(0, header + Math.floor(cut * (text.length - header - 1))));
  return true;
};

/** Does one tampering to the closed journal in `dir`; false when the journal has too few snapshots for it. */
const tamper = async (dir: string, kind: Exclude<Tampering, 'stale'>, pick: readonly [number, number], cut: number): Promise<boolean> => {
  if (kind === 'head-table') return truncateHeadTablePart(dir, cut);
  const entries = await tampering.snapshotEntries(dir);
  const [keyA, nameA] = entries[pick[0] % Math.max(1, entries.length)] ?? [];
  const [keyB, nameB] = entries[pick[1] % Math.max(1, entries.length)] ?? [];
  if (keyA === undefined || nameA === undefined || keyB === undefined || nameB === undefined) return false;
  if (kind === 'add-pod') return (await tampering.addPodToSnapshot(dir, nameA, false)) !== undefined;
  if (kind === 'truncate') {
    const text = await tampering.readSnapshotText(dir, nameA);
    await tampering.writeSnapshotText(dir, nameA, text.slice(0, Math.floor(cut * (text.length - 1))));
    return true;
  }
  if (keyA === keyB) return false;
  if (kind === 'copy-over') await tampering.writeSnapshotText(dir, nameB, await tampering.readSnapshotText(dir, nameA));
  else await tampering.repointSnapshotKey(dir, keyB, nameA);
  return true;
};

describe('time travel with tampered snapshots', () => {
  it('time-travel-tampered-or-stale-snapshot-never-changes-an-answer', async () => {
    const property = fc.asyncProperty(
      scenario({ maxPods: 2 }),
      fc.integer({ min: 3, max: 12 }),
      tamperings,
      fc.tuple(fc.nat(), fc.nat()),
      fc.double({ min: 0, max: 1, noNaN: true }),
      async (s, every, kind, pick, cut) => {
        const events = journalOf(s);
        // A stale snapshot needs a late append: every `every`-th event arrives after the others.
        const late = kind === 'stale' ? events.filter((_, i) => i % every === every - 1) : [];
        const first = kind === 'stale' ? events.filter((_, i) => i % every !== every - 1) : events;
        await withTempJournal(async (journal, dir) => {
          await journal.append(first, { expectedSeq: 0 });
          await refreshSnapshots(timeTravel(journal, 'properties', every));
          await journal.close();
          let changed: boolean;
          if (kind === 'stale') {
            const saved = await Promise.all((await tampering.snapshotEntries(dir)).map(async ([key, name]) => ({ key, name, text: await tampering.readSnapshotText(dir, name) })));
            const writer = await openJournal(dir, { sync: false });
            if (late.length > 0) await writer.append(late, { expectedSeq: first.length });
            await writer.close();
            changed = (await tampering.snapshotEntries(dir)).length < saved.length;
            await tampering.plantSnapshots(dir, saved);
          } else changed = await tamper(dir, kind, pick, cut);
          const reader = await openJournal(dir, { sync: false });
          try {
            const tt = timeTravel(reader, 'properties', every);
            const appended = [...first, ...late];
            const instants = [...new Set(appended.flatMap((e) => [e.at, instantOf(msOf(e.at) - 1)]))];
            for (const t of instants) expect(await clusterAt(tt, t), `state at ${t} after ${kind}`).toEqual(foldInTimeOrder(appended, t));
            // The head table (read by `get pods` at the end) is used only while it holds the pods at the end.
            const atHead = await rowsAtHead(reader);
            if (atHead !== undefined) expect(sortRows(atHead)).toEqual(sortRows(podsOf(foldInTimeOrder(appended, instantOf(Date.UTC(9999, 11, 31)))).map((p) => rowLine(podTableRow(p)))));
            const { faults } = await verifySnapshots(tt);
            expect(faults.length > 0, `verify names the ${kind} snapshot`).toBe(changed);
          } finally {
            await reader.close();
          }
        });
      },
    );
    await holds('time-travel-tampered-or-stale-snapshot-never-changes-an-answer', property, 10);
  });
});
