/**
 * This machine's raw rates for the same records the journal stores: a chained-batch write into a fresh
 * LevelDB, a `nextv` utf8 scan, `JSON.parse` of every value; and the generator's own rate.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Level } from 'level';
import { generateChunks } from '../../src/generator/index.js';
import { canonical, GENESIS_HASH, STORE_OPTIONS } from '../../src/journal/index.js';
import { recordKey } from '../../src/journal/keys.js';
import { recordText, seal } from '../../src/journal/record.js';
import { instantOf } from '../../src/k8s/codecs.js';
import type { MeasureArgs, Measured } from '../lib/protocol.js';
import { peakRssMiB, Stopwatch } from '../lib/stats.js';

/** The record time the benchmark's appends carry, raw and journal alike. */
export const RECORDED_AT = instantOf(Date.UTC(2026, 2, 14, 12, 0, 0));

/** Pages as large as the journal reads (1,000 entries, up to 1 MiB). */
const PAGE = 1000;
const PAGE_BYTES = PAGE * 1024;

const rawDir = (a: MeasureArgs): string => join(a.dataDir, 'raw');

const openRaw = async (a: MeasureArgs): Promise<Level<string, string>> => {
  const db = new Level<string, string>(rawDir(a), { keyEncoding: 'utf8', valueEncoding: 'utf8' });
  await db.open();
  return db;
};

export const generate = async (a: MeasureArgs): Promise<Measured> => {
  const sw = new Stopwatch();
  sw.start();
  let events = 0;
  for (const chunk of generateChunks({ tier: a.tier, seed: a.seed }, a.chunk)) events += chunk.length;
  sw.stop();
  const { value, details } = sw.rate(events);
  return { value, unit: 'events/s', details: { events, ...details }, rssMiB: peakRssMiB() };
};

/** Seals the generated events into the journal's record values (untimed), then times only the batch writes. */
export const rawWrite = (a: MeasureArgs): Promise<Measured> => writeRaw(a, rawDir(a), {});

/**
 * The same raw write with the LevelDB options the journal opens its store with (table file size, write
 * buffer), into a store of its own that is removed afterwards: the journal's ratio against a raw write that
 * gains as much from those options.
 */
export const rawWriteSameOptions = async (a: MeasureArgs): Promise<Measured> => {
  const dir = join(a.dataDir, 'raw-journal-options');
  rmSync(dir, { recursive: true, force: true });
  const measured = await writeRaw(a, dir, STORE_OPTIONS);
  rmSync(dir, { recursive: true, force: true });
  return { ...measured, details: { ...measured.details, maxFileSizeMiB: STORE_OPTIONS.maxFileSize / 2 ** 20 } };
};

const writeRaw = async (a: MeasureArgs, dir: string, options: { readonly maxFileSize?: number; readonly writeBufferSize?: number }): Promise<Measured> => {
  const db = new Level<string, string>(dir, { keyEncoding: 'utf8', valueEncoding: 'utf8', ...options });
  await db.open();
  let prevHash = GENESIS_HASH;
  let seq = 0;
  let bytes = 0;
  const sw = new Stopwatch();
  for (const chunk of generateChunks({ tier: a.tier, seed: a.seed }, a.chunk)) {
    const values = chunk.map((e) => {
      const sealed = seal(prevHash, ++seq, RECORDED_AT, canonical(e));
      prevHash = sealed.hash;
      return sealed.stored;
    });
    sw.start();
    const batch = db.batch();
    let s = seq - values.length;
    for (const v of values) {
      batch.put(recordKey(++s), v);
      bytes += v.length;
    }
    await batch.write();
    sw.stop();
  }
  sw.start();
  await db.close();
  sw.stop();
  const { value, details } = sw.rate(seq);
  return { value, unit: 'records/s', details: { records: seq, payloadMB: bytes / 1e6, ...details }, rssMiB: peakRssMiB() };
};

export const rawScan = async (a: MeasureArgs): Promise<Measured> => {
  const db = await openRaw(a);
  const sw = new Stopwatch();
  sw.start();
  const it = db.iterator({ highWaterMarkBytes: PAGE_BYTES });
  let records = 0;
  for (let page = await it.nextv(PAGE); page.length > 0; page = await it.nextv(PAGE)) records += page.length;
  await it.close();
  sw.stop();
  await db.close();
  const { value, details } = sw.rate(records);
  return { value, unit: 'records/s', details: { records, ...details }, rssMiB: peakRssMiB() };
};

/** Reads the raw store page by page (untimed) and times `JSON.parse` of every record's text (its stored check left unread). */
export const jsonParse = async (a: MeasureArgs): Promise<Measured> => {
  const db = await openRaw(a);
  const it = db.iterator({ highWaterMarkBytes: PAGE_BYTES });
  let records = 0;
  const sw = new Stopwatch();
  let sink = 0;
  for (let page = await it.nextv(PAGE); page.length > 0; page = await it.nextv(PAGE)) {
    sw.start();
    for (const [, value] of page) sink += (JSON.parse(recordText(value)) as { seq: number }).seq;
    sw.stop();
    records += page.length;
  }
  await it.close();
  await db.close();
  const { value, details } = sw.rate(records);
  return { value, unit: 'records/s', details: { records, checksum: sink, ...details }, rssMiB: peakRssMiB() };
};
