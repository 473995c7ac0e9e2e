/**
 * Durable appends, one writer awaiting each call, against raw classic-level writing the same record values
 * with `sync: true` per batch (the disk's limit at equal durability). The two alternate in rounds of a
 * hundred calls, so both see the same disk and the same load; the ratio is taken over the whole run after
 * one round of warm-up. Beside the wall times, each side's main-thread CPU per call: what a shared machine
 * disturbs least, and all the work the one awaiting writer adds to the fsync.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Level } from 'level';
import type { Event } from '../../src/events/index.js';
import { generateChunks } from '../../src/generator/index.js';
import { canonical, GENESIS_HASH, openJournal } from '../../src/journal/index.js';
import { recordKey } from '../../src/journal/keys.js';
import { seal } from '../../src/journal/record.js';
import type { MeasureArgs, Measured } from '../lib/protocol.js';
import { mainThreadCpuNs, peakRssMiB } from '../lib/stats.js';
import { RECORDED_AT } from './baselines.js';

const ROUND = 100;

const firstEvents = (a: MeasureArgs, n: number): Event[] => {
  const out: Event[] = [];
  for (const chunk of generateChunks({ tier: a.tier, seed: a.seed }, a.chunk)) {
    out.push(...chunk.slice(0, n - out.length));
    if (out.length >= n) break;
  }
  return out;
};

/** The record values the journal would store for these events, sealed ahead (untimed) for the raw store. */
const sealedValues = (events: readonly Event[]): string[] => {
  let prevHash = GENESIS_HASH;
  return events.map((e, i) => {
    const sealed = seal(prevHash, i + 1, RECORDED_AT, canonical(e));
    prevHash = sealed.hash;
    return sealed.stored;
  });
};

const durable = async (a: MeasureArgs, perCall: number, calls: number): Promise<Measured> => {
  const events = firstEvents(a, perCall * (calls + ROUND));
  const values = sealedValues(events);
  const rawDir = join(a.dataDir, `durable-raw-${perCall}`);
  const journalDir = join(a.dataDir, `durable-journal-${perCall}`);
  for (const dir of [rawDir, journalDir]) rmSync(dir, { recursive: true, force: true });
  const raw = new Level<string, string>(rawDir, { keyEncoding: 'utf8', valueEncoding: 'utf8' });
  await raw.open();
  const journal = await openJournal(journalDir, { clock: () => RECORDED_AT, sync: true });
  const totals = { rawMs: 0, journalMs: 0, rawCpuNs: 0, journalCpuNs: 0 };
  // The first round of each is a warm-up (compiling both sides' code), not counted.
  for (let call = 0; call < calls + ROUND; call += ROUND) {
    const end = Math.min(calls + ROUND, call + ROUND);
    const counted = call >= ROUND;
    let [t0, c0] = [performance.now(), mainThreadCpuNs()];
    for (let c = call; c < end; c++) {
      const batch = raw.batch();
      for (let i = c * perCall; i < (c + 1) * perCall; i++) batch.put(recordKey(i + 1), values[i] ?? '');
      await batch.write({ sync: true });
    }
    if (counted) [totals.rawMs, totals.rawCpuNs] = [totals.rawMs + performance.now() - t0, totals.rawCpuNs + mainThreadCpuNs() - c0];
    [t0, c0] = [performance.now(), mainThreadCpuNs()];
    for (let c = call; c < end; c++) await journal.append(events.slice(c * perCall, (c + 1) * perCall), { expectedSeq: c * perCall });
    if (counted) [totals.journalMs, totals.journalCpuNs] = [totals.journalMs + performance.now() - t0, totals.journalCpuNs + mainThreadCpuNs() - c0];
  }
  await journal.close();
  await raw.close();
  const n = perCall * calls;
  return {
    value: (n / totals.journalMs) * 1000,
    unit: 'events/s',
    details: {
      events: n,
      perCall,
      warmUpCalls: ROUND,
      rawEventsPerSecond: (n / totals.rawMs) * 1000,
      rawMsPerCall: totals.rawMs / calls,
      journalMsPerCall: totals.journalMs / calls,
      rawMainThreadCpuUsPerCall: totals.rawCpuNs / 1e3 / calls,
      journalMainThreadCpuUsPerCall: totals.journalCpuNs / 1e3 / calls,
    },
    rssMiB: peakRssMiB(),
  };
};

export const durableAppend1 = (a: MeasureArgs): Promise<Measured> => durable(a, 1, 1000);
export const durableAppend10 = (a: MeasureArgs): Promise<Measured> => durable(a, 10, 500);
