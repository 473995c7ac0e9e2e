/**
 * What storing the journal's indexes costs LevelDB, apart from any JavaScript work of the journal: the
 * tier's events are sealed ahead (untimed), then written into fresh stores in chunks of 8,192 with each key
 * layout in turn, and the process's CPU time (LevelDB's threads included) is reported against writing the
 * records alone, the bench's raw baseline.
 * `npx tsx bench/probes/index-cost.ts [--tier S|M|L] [--rounds N] [--write-buffer-mib N] [--max-file-mib N] [--block-kib N] [--compression on|off] [--only 1,5] [--limit EVENTS] [--settle]`
 * (LevelDB's defaults: a 4 MiB write buffer, 2 MiB table files, 4 KiB blocks, Snappy compression; `--only` picks layouts by their index, the baseline always runs).
 * LevelDB's close waits for the compaction under way, not for those still due: `--settle` waits until its
 * compactions stop before closing, so a layout that leaves more merging behind is charged for it. Each layout
 * also reports what LevelDB's compactions read and wrote (`leveldb.stats`), and its wall time (the writes to
 * the close; with `--settle` the settling's polls too, so compare wall times without it). The two-store
 * layouts open a second store beside the first (the records in one, format 8's derived keys in the other)
 * and write each chunk's two batches at once; their CPU and compactions are both stores'.
 * At L give node a larger heap (`NODE_OPTIONS=--max-old-space-size=14000`): every sealed record is held.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Level } from 'level';
import { isObservation, podKeyOf, type Event } from '../../src/events/index.js';
import { generateChunks, type TierName } from '../../src/generator/index.js';
import { canonical, GENESIS_HASH } from '../../src/journal/index.js';
import { digestKey, podKey, recordKey, timeKey } from '../../src/journal/keys.js';
import { seal, sha256 } from '../../src/journal/record.js';
import { RECORDED_AT } from '../measures/baselines.js';

interface Sealed {
  readonly record: string;
  readonly value: string;
  /** The record time and the event's canonical JSON: what the pod index holds from format 6. */
  readonly compact: string;
  /** As compact, without what the pod key already says (the instant, the pod's namespace and name). */
  readonly stripped: string;
  readonly time: string;
  readonly pod: string | undefined;
  readonly digest: string;
  readonly digestByInstant: string;
  readonly seq: string;
}

type Put = readonly [string, string];

/**
 * Format 6's keys, the pod index written last, in key order (as a bulk load into an empty journal could,
 * from sorted runs): records and digests in chunks, then the pod entries sorted (sorting untimed).
 */
const POD_INDEX_IN_KEY_ORDER = 'format 6, pod index written after, in key order';
const POD_INDEX_IN_KEY_ORDER_DIGEST_BY_INSTANT = 'digest by instant, pod index after, in key order';
/**
 * Format 8's keys in two LevelDB stores: the records in one, the pod entries and the dedup entries of events
 * without a pod in another, each chunk's two batches written at once. Each store's level-0 tables then hold
 * one key range, so merging the scattered pod keys no longer rewrites the sequential records around them.
 */
const TWO_STORES = 'format 8 in two stores: records | pod and dedup entries';
/** The same, the second store with a 64 MiB write buffer (fewer, larger level-0 tables of pod entries). */
const TWO_STORES_BIG_BUFFER = 'two stores, the second with a 64 MiB write buffer';

/** Each layout: the puts it makes for one record. */
const layouts: Record<string, (r: Sealed) => Put[]> = {
  'records only (the raw baseline)': (r) => [[r.record, r.value]],
  'format 4: records, time, digest, pod copy': (r) => [[r.record, r.value], [r.time, ''], [r.digest, r.seq], ...podCopy(r)],
  'format 5, time-ordered: records, digest, pod copy': (r) => [[r.record, r.value], [r.digest, r.seq], ...podCopy(r)],
  'records, digest keyed by instant, pod copy': (r) => [[r.record, r.value], [r.digestByInstant, r.seq], ...podCopy(r)],
  'format 6: records, digest, compact pod copy': (r) => [[r.record, r.value], [r.digest, r.seq], ...(r.pod === undefined ? [] : [[r.pod, r.compact] as const])],
  'records, digest, stripped pod copy': (r) => [[r.record, r.value], [r.digest, r.seq], ...(r.pod === undefined ? [] : [[r.pod, r.stripped] as const])],
  [POD_INDEX_IN_KEY_ORDER]: (r) => [[r.record, r.value], [r.digest, r.seq]],
  [POD_INDEX_IN_KEY_ORDER_DIGEST_BY_INSTANT]: (r) => [[r.record, r.value], [r.digestByInstant, r.seq]],
  'records, digest keyed by instant, compact pod copy': (r) => [[r.record, r.value], [r.digestByInstant, r.seq], ...(r.pod === undefined ? [] : [[r.pod, r.compact] as const])],
  'records, digest keyed by instant, pod keys only': (r) => [[r.record, r.value], [r.digestByInstant, r.seq], ...(r.pod === undefined ? [] : [[r.pod, r.seq] as const])],
  'format 8: records, pod entries, dedup entries of events without a pod': (r) => [[r.record, r.value], ...secondStorePuts(r)],
  'records and compact pod copy, no digest': (r) => [[r.record, r.value], ...(r.pod === undefined ? [] : [[r.pod, r.compact] as const])],
  'records and digest, no pod index': (r) => [[r.record, r.value], [r.digest, r.seq]],
  [TWO_STORES]: (r) => [[r.record, r.value]],
  [TWO_STORES_BIG_BUFFER]: (r) => [[r.record, r.value]],
};

/** Format 8's derived keys (pod entries, dedup entries of events without a pod), in a second store beside the records'. */
const secondStorePuts = (r: Sealed): Put[] => (r.pod === undefined ? [[r.digestByInstant, r.seq]] : [[r.pod, r.compact]]);

const podCopy = (r: Sealed): Put[] => (r.pod === undefined ? [] : [[r.pod, r.value]]);

const strip = (event: Event): unknown => {
  if (!('pod' in event)) return event;
  const { at: _at, pod, ...rest } = event;
  return { ...rest, pod: { uid: pod.uid } };
};

const sealAll = (tier: TierName, limit: number): Sealed[] => {
  const out: Sealed[] = [];
  let prevHash = GENESIS_HASH;
  for (const chunk of generateChunks({ tier }, 8192)) {
    if (out.length >= limit) break;
    for (const event of chunk) {
      const json = canonical(event);
      const sealed = seal(prevHash, out.length + 1, RECORDED_AT, json);
      prevHash = sealed.hash;
      const position = { at: event.at, seq: sealed.seq };
      const pod = podKeyOf(event);
      const digest = sha256(json);
      out.push({
        record: recordKey(sealed.seq),
        value: sealed.value,
        compact: `${RECORDED_AT}${json}`,
        stripped: `${RECORDED_AT}${canonical(strip(event))}`,
        time: timeKey(position),
        pod: pod === undefined ? undefined : podKey(pod, isObservation(event), position), // format 9's
        digest: `d!${digest}`, // format 6's dedup key
        digestByInstant: digestKey(event.at, digest), // format 7's
        seq: String(sealed.seq),
      });
    }
  }
  return out;
};

interface StoreOptions {
  readonly writeBufferSize?: number;
  readonly maxFileSize?: number;
  readonly blockSize?: number;
  readonly compression?: boolean;
}


interface Cost {
  readonly cpuSeconds: number;
  readonly wallSeconds: number;
  /** Megabytes LevelDB's compactions read and wrote (memtable flushes included), over every level. */
  readonly compactionReadMB: number;
  readonly compactionWriteMB: number;
}

/** The Read(MB) and Write(MB) columns of `leveldb.stats`, summed over the levels. */
const compactionMB = (stats: string): { readonly read: number; readonly write: number } => {
  let [read, write] = [0, 0];
  for (const line of stats.split('\n')) {
    const cols = line.trim().split(/\s+/).map(Number);
    if (cols.length === 6 && cols.every(Number.isFinite)) [read, write] = [read + (cols[4] ?? 0), write + (cols[5] ?? 0)];
  }
  return { read, write };
};

/** `leveldb.stats`: `level`'s types omit classic-level's `getProperty`, which Node's `Level` has. */
const levelStats = (db: Level<string, string>): string => {
  const withProperties = db as unknown as { readonly getProperty?: (name: string) => string };
  return withProperties.getProperty?.call(db, 'leveldb.stats') ?? '';
};

/** Waits until LevelDB's compactions stop changing its stats for two polls in a row. */
const settled = async (db: Level<string, string>): Promise<void> => {
  let [last, quiet] = ['', 0];
  while (quiet < 2) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = levelStats(db);
    quiet = now === last ? quiet + 1 : 0;
    last = now;
  }
};

/** A second store and the puts a record makes there (`TWO_STORES`). */
interface Second {
  readonly puts: (r: Sealed) => Put[];
  readonly options: StoreOptions;
}

const costToWrite = async (dir: string, records: readonly Sealed[], puts: (r: Sealed) => Put[], options: StoreOptions, sortedPods: readonly Put[], settle: boolean, second?: Second): Promise<Cost> => {
  const secondDir = `${dir}-second`;
  for (const d of [dir, secondDir]) rmSync(d, { recursive: true, force: true });
  const db = new Level<string, string>(dir, { keyEncoding: 'utf8', valueEncoding: 'utf8', ...options });
  await db.open();
  const other = second === undefined ? undefined : new Level<string, string>(secondDir, { keyEncoding: 'utf8', valueEncoding: 'utf8', ...second.options });
  await other?.open();
  const stores = other === undefined ? [db] : [db, other];
  const before = process.cpuUsage();
  const started = performance.now();
  for (let from = 0; from < records.length; from += 8192) {
    const batch = db.batch();
    const otherBatch = other?.batch();
    for (const r of records.slice(from, from + 8192)) {
      for (const [key, value] of puts(r)) batch.put(key, value);
      if (otherBatch !== undefined && second !== undefined) for (const [key, value] of second.puts(r)) otherBatch.put(key, value);
    }
    await Promise.all([batch.write(), otherBatch?.write()]);
  }
  for (let from = 0; from < sortedPods.length; from += 8192) {
    const batch = db.batch();
    for (const [key, value] of sortedPods.slice(from, from + 8192)) batch.put(key, value);
    await batch.write();
  }
  if (settle) await Promise.all(stores.map(settled));
  const mb = stores.map((s) => compactionMB(levelStats(s)));
  await Promise.all(stores.map((s) => s.close()));
  const wallSeconds = (performance.now() - started) / 1e3;
  const used = process.cpuUsage(before);
  for (const d of [dir, secondDir]) rmSync(d, { recursive: true, force: true });
  return { cpuSeconds: (used.user + used.system) / 1e6, wallSeconds, compactionReadMB: mb.reduce((n, x) => n + x.read, 0), compactionWriteMB: mb.reduce((n, x) => n + x.write, 0) };
};

const secondStoreOf = (name: string, options: StoreOptions): Second | undefined =>
  name === TWO_STORES ? { puts: secondStorePuts, options } : name === TWO_STORES_BIG_BUFFER ? { puts: secondStorePuts, options: { ...options, writeBufferSize: 64 * 2 ** 20 } } : undefined;

const { values } = parseArgs({
  options: { tier: { type: 'string', default: 'S' }, rounds: { type: 'string', default: '3' }, 'write-buffer-mib': { type: 'string' }, 'max-file-mib': { type: 'string' }, 'block-kib': { type: 'string' }, compression: { type: 'string' }, only: { type: 'string' }, limit: { type: 'string' }, settle: { type: 'boolean', default: false } },
});
const mib = values['write-buffer-mib'];
const fileMib = values['max-file-mib'];
const options: StoreOptions = {
  ...(mib === undefined ? {} : { writeBufferSize: Number(mib) * 2 ** 20 }),
  ...(fileMib === undefined ? {} : { maxFileSize: Number(fileMib) * 2 ** 20 }),
  ...(values['block-kib'] === undefined ? {} : { blockSize: Number(values['block-kib']) * 2 ** 10 }),
  ...(values.compression === undefined ? {} : { compression: values.compression !== 'off' }),
};
const only = values.only?.split(',').map(Number);
const chosen = Object.entries(layouts).filter((_, i) => i === 0 || only === undefined || only.includes(i));
const tier = values.tier as TierName;
const records = sealAll(tier, values.limit === undefined ? Number.POSITIVE_INFINITY : Number(values.limit));
const dir = join(tmpdir(), `podj-index-cost-${process.pid}`);
const sortedPods = records.flatMap((r): Put[] => (r.pod === undefined ? [] : [[r.pod, r.compact]])).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
const costs = new Map<string, Cost[]>(chosen.map(([name]) => [name, []]));
for (let round = 0; round < Number(values.rounds); round++) {
  for (const [name, puts] of chosen) costs.get(name)?.push(await costToWrite(dir, records, puts, options, name === POD_INDEX_IN_KEY_ORDER || name === POD_INDEX_IN_KEY_ORDER_DIGEST_BY_INSTANT ? sortedPods : [], values.settle, secondStoreOf(name, options)));
}
const base = Math.min(...(costs.get('records only (the raw baseline)') ?? []).map((c) => c.cpuSeconds));
const bytes = (f: (r: Sealed) => string): string => (records.reduce((n, r) => n + f(r).length, 0) / records.length).toFixed(0);
console.log(`bytes per record: record ${bytes((r) => r.value)}, compact copy ${bytes((r) => r.compact)}, stripped copy ${bytes((r) => r.stripped)}`);
console.log(`tier ${tier}: ${records.length} records, write buffer ${mib ?? 4} MiB, table files ${fileMib ?? 2} MiB, blocks ${values['block-kib'] ?? 4} KiB, compression ${values.compression ?? 'on'}, ${values.settle ? 'compactions settled before close, ' : ''}CPU seconds per layout (min and max of ${values.rounds} rounds), min against the raw baseline's min, compactions' MB read and written (min)`);
for (const [name, c] of costs) {
  const s = c.map((x) => x.cpuSeconds);
  const mb = (f: (x: Cost) => number): string => Math.min(...c.map(f)).toFixed(0);
  const wall = c.map((x) => x.wallSeconds);
  console.log(`${name.padEnd(52)} ${Math.min(...s).toFixed(2)}–${Math.max(...s).toFixed(2)} s  ${(Math.min(...s) / base).toFixed(1)} ×  wall ${Math.min(...wall).toFixed(2)}–${Math.max(...wall).toFixed(2)} s  compactions read ${mb((x) => x.compactionReadMB)} MB, wrote ${mb((x) => x.compactionWriteMB)} MB`);
}
