/**
 * Questions at a past instant on the generated journal: the whole cluster's `get pods --at` at the middle
 * of the incident, and one pod's `describe --at` over random (pod, instant) pairs.
 */
import type { PodRef } from '../../src/events/index.js';
import { clusterOf, podPlanOf, tiers } from '../../src/generator/cluster.js';
import { Rng } from '../../src/generator/prng.js';
import { openJournal, type Journal, type PodRecord } from '../../src/journal/index.js';
import { instantOf, msOf, type Instant } from '../../src/k8s/codecs.js';
import { describePod, eventsOfPod, kubeEventsFor } from '../../src/printers/index.js';
import { podAt } from '../../src/timetravel/pod-at.js';
import { podRecordsNamed } from '../../src/cli/pod-records.js';
import { timeTravel } from '../../src/timetravel/time-travel.js';
import { rowsAt } from '../../src/timetravel/rows-at.js';
import { printRows, sortRows } from '../../src/printers/pod-table.js';
import { packageVersion } from '../../src/cli/version.js';
import type { MeasureArgs, Measured } from '../lib/protocol.js';
import { median, peakRssMiB, quantile, seconds } from '../lib/stats.js';
import { journalDir } from './journal.js';

const span = (journal: Journal): { first: number; last: number } => {
  const first = journal.firstAt();
  const last = journal.lastAt();
  if (first === undefined || last === undefined) throw new Error('the benchmark journal is empty');
  return { first: msOf(first), last: msOf(last) };
};

/**
 * What `podj get pods -A --at` does: the nearest snapshot's rows and the pods changed since. The first run is
 * what a one-shot command pays in-process; later runs (4, 1 at L) show the warm cost.
 */
export const clusterAtMiddle = async (a: MeasureArgs): Promise<Measured> => {
  const journal = await openJournal(journalDir(a));
  const tt = timeTravel(journal, packageVersion());
  const { first, last } = span(journal);
  const mid = instantOf(Math.floor((first + last) / 2));
  const runs: number[] = [];
  let pods = 0;
  let bytes = 0;
  for (let i = 0; i < (a.tier === 'L' ? 2 : 5); i++) {
    const t0 = performance.now();
    const rows = await rowsAt(tt, mid);
    const printed = printRows(sortRows(rows), { output: 'table', allNamespaces: true }, new Date(mid));
    runs.push(seconds(t0) * 1000);
    pods = rows.length;
    bytes = printed.stdout.length;
  }
  await journal.close();
  const [cold = Number.NaN, ...warm] = runs;
  return { value: cold, unit: 'ms', details: { at: mid, pods, tableBytes: bytes, warmMedianMs: median(warm) }, rssMiB: peakRssMiB() };
};

/** What `podj describe pod --at T` prints from a pod's records: the pod alive then, with its Events table. */
const describeFrom = (records: readonly PodRecord[], at: Instant): string | undefined => {
  const upTo = records.filter((r) => r.event.at <= at);
  const state = podAt(upTo, at);
  return state === undefined ? undefined : describePod(state.pod, eventsOfPod(kubeEventsFor(upTo.map((r) => r.event)), state.pod), new Date(at));
};

interface Pair {
  readonly ref: PodRef;
  readonly at: Instant;
}

/** 100 (pod, instant) pairs drawn from the generator's own plans: any pod, any instant of its life. */
const pairsOf = (a: MeasureArgs, journal: Journal, n: number): Pair[] => {
  const c = clusterOf(tiers[a.tier], a.seed);
  const { last } = span(journal);
  const rng = new Rng(a.seed ^ 0x5eed);
  return Array.from({ length: n }, () => {
    const p = podPlanOf(c, rng.int(c.params.pods));
    return { ref: p.ref, at: instantOf(p.createdMs + rng.int(Math.max(1, last - p.createdMs))) };
  });
};

/** Slow lookups are cut off after this long, and the figure is taken over the pairs done by then. */
const BUDGET_MS = 90_000;

/** Times `describe` over the pairs, each reading its records with `read`; slow lookups stop at the budget. */
const timeDescribes = async (a: MeasureArgs, read: (journal: Journal, p: Pair) => Promise<readonly PodRecord[]>, via: string): Promise<Measured> => {
  const journal = await openJournal(journalDir(a));
  const pairs = pairsOf(a, journal, 100);
  const times: number[] = [];
  let found = 0;
  const t0 = performance.now();
  for (const p of pairs) {
    if (seconds(t0) * 1000 > BUDGET_MS) break;
    const t1 = performance.now();
    if (describeFrom(await read(journal, p), p.at) !== undefined) found++;
    times.push(seconds(t1) * 1000);
  }
  await journal.close();
  return {
    value: median(times),
    unit: 'ms',
    details: { pairs: times.length, found, p95Ms: quantile(times, 0.95), maxMs: Math.max(...times), via },
    rssMiB: peakRssMiB(),
  };
};

/** `podj describe pod NAME -n NS --at T` in-process: the name's records as the CLI reads them (the pod index). */
export const describeAt = (a: MeasureArgs): Promise<Measured> =>
  timeDescribes(a, (journal, { ref }) => podRecordsNamed(journal, { namespace: ref.namespace, name: ref.name }), 'podRecordsNamed + podAt + describePod');
