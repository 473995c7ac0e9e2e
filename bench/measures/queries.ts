/**
 * Questions at a past instant on the generated journal: the whole cluster's `get pods --at` at the middle
 * of the incident, and one pod's `describe --at` over random (pod, instant) pairs.
 */
import type { PodEvent } from '../../src/events/index.js';
import { clusterOf, podPlanOf, tiers } from '../../src/generator/cluster.js';
import { Rng } from '../../src/generator/prng.js';
import { openJournal, type Journal } from '../../src/journal/index.js';
import { instantOf, msOf, type Instant } from '../../src/k8s/codecs.js';
import { describePod, getPods, kubeEventsFor } from '../../src/printers/index.js';
import { podsOf, reducePod, type PodState } from '../../src/reducers/index.js';
import { clusterAt, timeTravel } from '../../src/timetravel/time-travel.js';
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

/** The first run is what a one-shot `podj get pods --at` pays in-process; later runs show the warm cost. */
export const clusterAtMiddle = async (a: MeasureArgs): Promise<Measured> => {
  const journal = await openJournal(journalDir(a));
  const tt = timeTravel(journal, packageVersion());
  const { first, last } = span(journal);
  const mid = instantOf(Math.floor((first + last) / 2));
  const runs: number[] = [];
  let pods = 0;
  let bytes = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const state = await clusterAt(tt, mid);
    const printed = getPods(podsOf(state), { output: 'table', allNamespaces: true }, new Date(mid));
    runs.push(seconds(t0) * 1000);
    pods = state.pods.size;
    bytes = printed.stdout.length;
  }
  await journal.close();
  const [cold = Number.NaN, ...warm] = runs;
  return { value: cold, unit: 'ms', details: { at: mid, pods, tableBytes: bytes, warmMedianMs: median(warm) }, rssMiB: peakRssMiB() };
};

/** `describe pod --at T` as the pod index allows: the pod's events up to T, folded, with its Events table. */
const describeAt = async (journal: Journal, uid: string, at: Instant): Promise<string | undefined> => {
  const events: PodEvent[] = [];
  for await (const page of journal.podRecords(uid, { untilAt: at }).batches()) {
    for (const r of page) if ('pod' in r.event) events.push(r.event);
  }
  let state: PodState | undefined;
  for (const e of events) state = reducePod(state, e);
  return state === undefined ? undefined : describePod(state.pod, kubeEventsFor(events), new Date(at));
};

/** 100 (pod, instant) pairs drawn from the generator's own plans: any pod, any instant of its life. */
const pairsOf = (a: MeasureArgs, journal: Journal, n: number): Array<{ uid: string; at: Instant }> => {
  const c = clusterOf(tiers[a.tier], a.seed);
  const { last } = span(journal);
  const rng = new Rng(a.seed ^ 0x5eed);
  return Array.from({ length: n }, () => {
    const p = podPlanOf(c, rng.int(c.params.pods));
    return { uid: p.ref.uid, at: instantOf(p.createdMs + rng.int(Math.max(1, last - p.createdMs))) };
  });
};

export const podAt = async (a: MeasureArgs): Promise<Measured> => {
  const journal = await openJournal(journalDir(a));
  const pairs = pairsOf(a, journal, 100);
  const times: number[] = [];
  let found = 0;
  for (const { uid, at } of pairs) {
    const t0 = performance.now();
    const text = await describeAt(journal, uid, at);
    times.push(seconds(t0) * 1000);
    if (text !== undefined) found++;
  }
  await journal.close();
  return {
    value: median(times),
    unit: 'ms',
    details: { pairs: pairs.length, found, p95Ms: quantile(times, 0.95), maxMs: Math.max(...times), via: 'pod index + reducePod + describePod' },
    rssMiB: peakRssMiB(),
  };
};
