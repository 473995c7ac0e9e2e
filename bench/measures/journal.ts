/**
 * The journal's own rates on the generated incident: bulk append (validation, canonical JSON, hash chain,
 * time/pod/digest indexes), the snapshot upkeep after it, and a full replay (time-order read, decode, fold).
 */
import { join } from 'node:path';
import { Level } from 'level';
import type { Event } from '../../src/events/index.js';
import { generateChunks } from '../../src/generator/index.js';
import { openJournal } from '../../src/journal/index.js';
import { SNAPSHOTS, upper } from '../../src/journal/keys.js';
import { foldPages } from '../../src/reducers/index.js';
import { refreshSnapshots, timeTravel } from '../../src/timetravel/time-travel.js';
import { packageVersion } from '../../src/cli/version.js';
import type { MeasureArgs, Measured } from '../lib/protocol.js';
import { peakRssMiB, seconds, Stopwatch } from '../lib/stats.js';
import { RECORDED_AT } from './baselines.js';

export const journalDir = (a: MeasureArgs): string => join(a.dataDir, 'journal');

/** The generated events, with the time spent generating them counted apart so it can be taken out. */
const timedSource = (a: MeasureArgs, generating: Stopwatch): Iterable<Event> => ({
  *[Symbol.iterator]() {
    const chunks = generateChunks({ tier: a.tier, seed: a.seed }, a.chunk);
    for (;;) {
      generating.start();
      const next = chunks.next();
      generating.stop();
      if (next.done === true) return;
      yield* next.value;
    }
  },
});

export const append = async (a: MeasureArgs): Promise<Measured> => {
  const journal = await openJournal(journalDir(a), { clock: () => RECORDED_AT });
  const generating = new Stopwatch();
  const total = new Stopwatch();
  total.start();
  const result = await journal.appendBulk(timedSource(a, generating), { chunkSize: a.chunk });
  total.stop();
  await journal.close();
  const appending = new Stopwatch();
  appending.wallSeconds = total.wallSeconds - generating.wallSeconds;
  appending.cpuSeconds = total.cpuSeconds - generating.cpuSeconds;
  const { value, details } = appending.rate(result.appended);
  return {
    value,
    unit: 'events/s',
    details: { events: result.appended, ...details, generatingSeconds: generating.wallSeconds },
    rssMiB: peakRssMiB(),
  };
};

/** What `podj` does after every write: the snapshots missing after the newest one, every 10,000 events. */
export const snapshots = async (a: MeasureArgs): Promise<Measured> => {
  const journal = await openJournal(journalDir(a));
  const t0 = performance.now();
  const written = await refreshSnapshots(timeTravel(journal, packageVersion()));
  const wall = seconds(t0);
  await journal.close();
  return { value: wall, unit: 's', details: { snapshots: written, ...(await snapshotBytes(a)) }, rssMiB: peakRssMiB() };
};

/** How many snapshots the journal holds and their size: also read after a snapshot run was stopped. */
export const snapshotBytes = async (a: MeasureArgs): Promise<{ stored: number; storedMB: number; largestMB: number }> => {
  const db = new Level<string, string>(journalDir(a), { keyEncoding: 'utf8', valueEncoding: 'utf8' });
  await db.open();
  let stored = 0;
  let bytes = 0;
  let largest = 0;
  for await (const value of db.values({ gte: SNAPSHOTS, lt: upper(SNAPSHOTS) })) {
    stored++;
    bytes += value.length;
    largest = Math.max(largest, value.length);
  }
  await db.close();
  return { stored, storedMB: bytes / 1e6, largestMB: largest / 1e6 };
};

export const snapshotCount = async (a: MeasureArgs): Promise<Measured> => ({
  unit: 'snapshots',
  details: await snapshotBytes(a),
  rssMiB: peakRssMiB(),
});

export const replay = async (a: MeasureArgs): Promise<Measured> => {
  const journal = await openJournal(journalDir(a));
  const sw = new Stopwatch();
  sw.start();
  let events = 0;
  // The product's replay path: one fold over the pages as the journal reads them.
  const state = await foldPages(
    (async function* () {
      for await (const page of journal.recordsInTimeOrder().batches()) {
        events += page.length;
        yield page.map((r) => r.event);
      }
    })(),
  );
  sw.stop();
  await journal.close();
  const { value, details } = sw.rate(events);
  return { value, unit: 'events/s', details: { events, ...details, podsAtEnd: state.pods.size, nodes: state.nodes.size }, rssMiB: peakRssMiB() };
};
