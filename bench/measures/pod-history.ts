/**
 * One pod's whole history, read and folded, cold in the process: the journal freshly opened, each pod read
 * once (its records come from the OS page cache, never from this process's caches). The pods with the
 * longest histories of the tier's journal are taken; the very first read of the process is reported apart.
 * Timing starts once the store has settled: the compactions the bulk append left due, which LevelDB resumes
 * on open, are the append's cost, not a pod read's. The figure leaves the observations unread, as the
 * replay does (the fold skips them: `observationTypes`); `podHistoryEveryRecord` parses and checks every
 * entry, as `describe` and `diff` read a pod (they list its events); `podHistoryRead` reads and decodes as
 * the figure does without folding, so that the table shows what of the figure the read is and what the fold.
 */
import { Level } from 'level';
import { openJournal } from '../../src/journal/index.js';
import { OBSERVATIONS, PODS, upper } from '../../src/journal/keys.js';
import { foldPages } from '../../src/reducers/index.js';
import { observationTypes } from '../../src/events/index.js';
import type { MeasureArgs, Measured } from '../lib/protocol.js';
import { settle } from '../lib/settle.js';
import { mainThreadCpuNs, median, peakRssMiB, quantile } from '../lib/stats.js';
import { journalDir } from './journal.js';

const PODS_READ = 21;
// A pod key is `p!<namespace/name>!<at:24>!<seq:16>` (`o!…` for an observation, format 9), the name %-escaped.
const podOfKey = (key: string): string => key.slice(PODS.length, key.length - 16 - 1 - 24 - 1).replace(/%21/g, '!').replace(/%25/g, '%');
const atOfKey = (key: string): string => key.slice(key.length - 16 - 1 - 24, key.length - 16 - 1);

/** A pod's history as the pod index holds it: its record count and its last record's instant. */
export interface History {
  readonly pod: string;
  readonly records: number;
  readonly lastAt: string;
}

/** The pods with the most records, observations included, found from the pod index's two ranges (untimed). */
export const longestHistories = async (dir: string): Promise<History[]> => {
  const histories = new Map<string, History>();
  const db = new Level<string, string>(dir, { keyEncoding: 'utf8', valueEncoding: 'utf8' });
  await db.open();
  for (const prefix of [PODS, OBSERVATIONS]) {
    for await (const key of db.keys({ gte: prefix, lt: upper(prefix) })) {
      const pod = podOfKey(key);
      const known = histories.get(pod);
      const at = atOfKey(key);
      histories.set(pod, { pod, records: (known?.records ?? 0) + 1, lastAt: known === undefined || at > known.lastAt ? at : known.lastAt });
    }
  }
  await db.close();
  return [...histories.values()].sort((x, y) => y.records - x.records).slice(0, PODS_READ);
};

/** Drains the pages without folding them: the read alone. */
const drain = async (pages: AsyncIterable<readonly unknown[]>): Promise<void> => {
  for await (const page of pages) void page;
};

const measurePodHistory = async (a: MeasureArgs, skipTypes: ReadonlySet<string> | undefined, fold: boolean): Promise<Measured> => {
  const pods = await longestHistories(journalDir(a));
  const journal = await openJournal(journalDir(a), { create: false });
  const settling = await settle();
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const mainCpuTimes: number[] = [];
  let events = 0;
  for (const { pod } of pods) {
    const [namespace = '', name = ''] = pod.split('/');
    const before = events;
    const [cpu0, main0] = [process.cpuUsage(), mainThreadCpuNs()];
    const t0 = performance.now();
    const pages = (async function* () {
      for await (const page of journal.podRecords(namespace, name, { skipTypes }).batches()) {
        events += page.length;
        yield page.map((r) => r.event);
      }
    })();
    await (fold ? foldPages(pages) : drain(pages));
    times.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    mainCpuTimes.push((mainThreadCpuNs() - main0) / 1e6);
    // a pod removed by the end folds to no live pod: what is checked is that its records were read
    if (events === before) throw new Error(`pod ${pod} has no records`);
  }
  await journal.close();
  const [first = Number.NaN, ...rest] = times;
  // CPU time (this thread and LevelDB's, user + system): what a shared machine's waiting leaves out
  const [, ...restCpu] = cpuTimes;
  const [, ...restMainCpu] = mainCpuTimes;
  return {
    value: median(rest),
    unit: 'ms',
    details: {
      pods: pods.length,
      eventsPerPod: events / pods.length,
      firstReadMs: first,
      cpuMedianMs: median(restCpu),
      mainThreadCpuMedianMs: median(restMainCpu),
      p95Ms: quantile(rest, 0.95),
      maxMs: Math.max(...rest),
      settleSeconds: settling.seconds,
      settled: settling.settled ? 1 : 0,
    },
    rssMiB: peakRssMiB(),
  };
};

export const podHistory = (a: MeasureArgs): Promise<Measured> => measurePodHistory(a, observationTypes, true);
export const podHistoryEveryRecord = (a: MeasureArgs): Promise<Measured> => measurePodHistory(a, undefined, true);
export const podHistoryRead = (a: MeasureArgs): Promise<Measured> => measurePodHistory(a, observationTypes, false);
