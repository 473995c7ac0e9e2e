/**
 * The journal's own rates on the generated incident: bulk append (validation, canonical JSON, hash chain,
 * time/pod/digest indexes), the snapshot upkeep after it, and a full replay (time-order read, decode, fold).
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Event } from '../../src/events/index.js';
import { generateChunks } from '../../src/generator/index.js';
import { openJournal } from '../../src/journal/index.js';
import { foldPages, type ClusterState } from '../../src/reducers/index.js';
import { observationTypes } from '../../src/events/index.js';
import { refreshSnapshots, timeTravel } from '../../src/timetravel/time-travel.js';
import { packageVersion } from '../../src/cli/version.js';
import type { MeasureArgs, Measured } from '../lib/protocol.js';
import { peakRssMiB, Stopwatch } from '../lib/stats.js';
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
  // Into an empty journal: `--only append` on a kept store would otherwise append the incident a second time.
  await rm(journalDir(a), { recursive: true, force: true });
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
  appending.mainThreadCpuSeconds = total.mainThreadCpuSeconds - generating.mainThreadCpuSeconds;
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
  const sw = new Stopwatch();
  sw.start();
  const written = await refreshSnapshots(timeTravel(journal, packageVersion()));
  sw.stop();
  await journal.close();
  return { value: sw.wallSeconds, unit: 's', details: { snapshots: written, cpuSeconds: sw.cpuSeconds, ...(await storeBytes(a)) }, rssMiB: peakRssMiB() };
};

/** Bytes of the files under `dir`, recursively; 0 for a folder that does not exist. */
const bytesUnder = async (dir: string): Promise<number> => {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  let bytes = 0;
  for (const entry of entries) {
    const path = join(dir, entry.name);
    bytes += entry.isDirectory() ? await bytesUnder(path) : (await stat(path)).size;
  }
  return bytes;
};

/**
 * What the journal folder holds on disk: LevelDB's own files (its top level: records, indexes, snapshot
 * names) and the snapshot files (every subfolder, wherever time travel keeps them). Also read after a
 * snapshot run was stopped.
 */
export const storeBytes = async (a: MeasureArgs): Promise<{ journalMB: number; snapshotMB: number; snapshotFiles: number }> => {
  const dir = journalDir(a);
  let journal = 0;
  let snapshot = 0;
  let files = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (!entry.isDirectory()) journal += (await stat(path)).size;
    else {
      snapshot += await bytesUnder(path);
      files += (await readdir(path, { recursive: true })).length;
    }
  }
  return { journalMB: journal / 1e6, snapshotMB: snapshot / 1e6, snapshotFiles: files };
};

export const snapshotCount = async (a: MeasureArgs): Promise<Measured> => ({
  unit: 'snapshots',
  details: await storeBytes(a),
  rssMiB: peakRssMiB(),
});

/** The journal's and the snapshots' bytes on disk, against the raw store holding the same records once. */
export const diskBytes = async (a: MeasureArgs): Promise<Measured> => {
  const stored = await storeBytes(a);
  return { value: stored.journalMB, unit: 'MB', details: { ...stored, rawMB: (await bytesUnder(join(a.dataDir, 'raw'))) / 1e6 }, rssMiB: peakRssMiB() };
};

/**
 * The product's replay path (`clusterAt`): one fold over the pages as the journal reads them, the
 * observations left unread. Every record counts: the scan reads them all, as the raw scan does. Without
 * `fold`, the same read and decode alone (the pages' events dropped): what the fold adds is the difference.
 */
const replayWith = async (a: MeasureArgs, fold: boolean): Promise<Measured> => {
  const journal = await openJournal(journalDir(a));
  const sw = new Stopwatch();
  sw.start();
  let folded = 0;
  const pages = (async function* () {
    for await (const page of journal.recordsInTimeOrder({ skipTypes: observationTypes }).batches()) {
      folded += page.length;
      yield page.map((r) => r.event);
    }
  })();
  let state: ClusterState | undefined;
  if (fold) state = await foldPages(pages);
  else for await (const page of pages) void page;
  sw.stop();
  const events = journal.count();
  await journal.close();
  const { value, details } = sw.rate(events);
  const ends: Record<string, number> = state === undefined ? {} : { podsAtEnd: state.pods.size, nodes: state.nodes.size };
  return { value, unit: 'events/s', details: { events, folded, ...details, ...ends }, rssMiB: peakRssMiB() };
};

export const replay = (a: MeasureArgs): Promise<Measured> => replayWith(a, true);

export const replayRead = (a: MeasureArgs): Promise<Measured> => replayWith(a, false);
