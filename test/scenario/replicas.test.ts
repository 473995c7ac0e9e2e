/**
 * Issue 12, "Done when": simulated replicas of the recorded crash-loop pod and rolling update
 * (test/fixtures/replicas/, from test/fixtures/real/) show the same STATUS / READY / RESTARTS sequence as
 * the real watch stream and PodList, and the same Event reasons and counts up to the recorded instant.
 * Both sides are printed by the same `kubectlRow`, so the comparison is of the pods, not of the printer.
 * Sources: kubelet.go :: SyncPod (status published at sync start), pod_workers.go :: completeWork (requeue),
 * kuberuntime_manager.go :: doBackOff (BackOff at each sync inside the back-off).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import type { Event } from '../../src/events/index.js';
import type { V1Pod } from '../../src/k8s/pod.js';
import { kubeEventsFor } from '../../src/printers/kube-events.js';
import { kubectlRow } from '../../src/printers/pod-row.js';
import { Folding, emptyCluster } from '../../src/reducers/cluster.js';
import { type LoadedScenario, loadScenario, renderScenarioError } from '../../src/scenario/index.js';
import { readFrom, repoRoot } from './support.js';

const real = (name: string) => join(repoRoot, 'test/fixtures/real', name);

const loaded = (name: string): LoadedScenario => {
  const file = `test/fixtures/replicas/${name}.yaml`;
  const result = loadScenario(readFileSync(join(repoRoot, file), 'utf8'), file, readFrom('test/fixtures/replicas'));
  if (E.isLeft(result)) throw new Error(renderScenarioError(result.left));
  return result.right;
};

const replica = (name: string): readonly Event[] => simulate(loaded(name).simulation);

/** READY, STATUS and RESTARTS without the "(… ago)" part, which depends on the instant asked. */
const cells = (pod: V1Pod, at: Date): string => {
  const row = kubectlRow(pod, at);
  return `${row.ready} ${row.status} ${row.restarts.replace(/ \(.*\)$/, '')}`;
};

/** Each pod's rows as `get pods -w` prints them: one per visible change. */
const watchOf = (items: Iterable<{ readonly name: string; readonly row: string }>): Map<string, string[]> => {
  const rows = new Map<string, string[]>();
  for (const { name, row } of items) {
    const seen = rows.get(name) ?? [];
    if (seen.at(-1) !== row) seen.push(row);
    rows.set(name, seen);
  }
  return rows;
};

/** The simulated watch: after each event (each write the API server would stream), every pod's row. */
const simulatedWatch = (events: readonly Event[], until = Infinity): Map<string, string[]> => {
  const folding = new Folding(emptyCluster);
  const items: { name: string; row: string }[] = [];
  for (const e of events) {
    if (Date.parse(e.at) > until) break;
    folding.apply(e);
    for (const { pod } of folding.pods.values()) items.push({ name: pod.metadata.name ?? '', row: cells(pod, new Date(e.at)) });
  }
  return watchOf(items);
};

/** Event reasons and counts per pod, as `kubectl get events` lists them (counts aggregated). */
const reasonCounts = (rows: readonly { involvedObject: { name?: string }; reason?: string; count?: number }[]) => {
  const counts: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    const pod = r.involvedObject.name ?? '';
    const reason = r.reason ?? '';
    counts[pod] = { ...counts[pod], [reason]: (counts[pod]?.[reason] ?? 0) + (r.count ?? 1) };
  }
  return counts;
};

describe('rolling-update replica (test/fixtures/real/rolling-update-*)', () => {
  const events = replica('rolling-update');
  const recorded = readFileSync(real('rolling-update-pods.watch.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { type: string; object: V1Pod });

  it('shows each pod the same STATUS / READY / RESTARTS sequence as the real watch stream', () => {
    const realRows = watchOf(
      recorded.filter((w) => w.type !== 'DELETED').map((w) => ({ name: w.object.metadata.name ?? '', row: cells(w.object, new Date(0)) })),
    );
    const simulated = simulatedWatch(events);
    expect([...simulated.keys()].sort()).toEqual([...realRows.keys()].sort());
    for (const [name, rows] of realRows) {
      // the recording starts with the old pods already Running: compare from its first row on
      const ours = simulated.get(name) ?? [];
      expect(ours.slice(ours.indexOf(rows[0] ?? '')), name).toEqual(rows);
    }
    expect(realRows.get('api-5c59c454f5-g5b8z')).toEqual(['0/1 Pending 0', '0/1 ContainerCreating 0', '1/1 Running 0']);
    expect(realRows.get('api-58dd68c5db-r5smx')).toEqual(['1/1 Running 0', '1/1 Terminating 0', '0/1 Completed 0']);
  });

  it('records the same Event reasons and counts for every pod', () => {
    const list = JSON.parse(readFileSync(real('rolling-update-events.json'), 'utf8')) as {
      items: { involvedObject: { kind: string; name?: string }; reason?: string; count?: number }[];
    };
    const realCounts = reasonCounts(list.items.filter((e) => e.involvedObject.kind === 'Pod'));
    expect(reasonCounts(kubeEventsFor(events))).toEqual(realCounts);
  });
});

describe('crash-loop replica (test/fixtures/real/crash-loop-*)', () => {
  const events = replica('crash-loop');
  const pod = (JSON.parse(readFileSync(real('crash-loop-pods.json'), 'utf8')) as { items: V1Pod[] }).items[0] as V1Pod;
  const list = JSON.parse(readFileSync(real('crash-loop-events.json'), 'utf8')) as {
    items: { involvedObject: { kind: string; name?: string }; reason?: string; count?: number; lastTimestamp?: string }[];
  };
  // The recording ends 171 s after the pod's last start (21:11:06 → the last Event, 21:13:57). The runtime's
  // start latencies are not simulated, so the replica's clock runs a little ahead: it is read at the same
  // distance from its own last (seventh) start.
  const lastRecordedStart = Date.parse(pod.status?.containerStatuses?.[0]?.lastState?.terminated?.startedAt ?? '');
  const lastRecordedFact = Math.max(...list.items.map((e) => Date.parse(e.lastTimestamp ?? '')));
  const starts = events.filter((e) => e.type === 'ContainerStarted').map((e) => Date.parse(e.at));
  const instant = (starts[6] ?? Number.NaN) + (lastRecordedFact - lastRecordedStart);

  it('shows the PodList’s row at the recorded instant, after the same restarts', () => {
    expect(lastRecordedFact - lastRecordedStart).toBe(171_000);
    const rows = simulatedWatch(events, instant).get(pod.metadata.name ?? '') ?? [];
    expect(rows.at(-1)).toBe(cells(pod, new Date(instant)));
    expect(rows.at(-1)).toBe('0/1 CrashLoopBackOff 6');
    // on the way: Error at each crash's relist, CrashLoopBackOff at the back-off's end, Running after each start
    expect(rows.slice(0, 6)).toEqual(['0/1 Pending 0', '0/1 ContainerCreating 0', '1/1 Running 0', '0/1 Error 0', '1/1 Running 1', '0/1 Error 1']);
  });

  it('records the same Event reasons and counts up to the recorded instant', () => {
    const name = pod.metadata.name ?? '';
    const realCounts = reasonCounts(list.items.filter((e) => e.involvedObject.kind === 'Pod' && e.involvedObject.name === name));
    const ours = reasonCounts(kubeEventsFor(events.filter((e) => Date.parse(e.at) <= instant)).filter((r) => r.involvedObject.name === name));
    expect(ours).toEqual(realCounts);
    expect(realCounts[name]).toEqual({ Scheduled: 1, Pulled: 7, Created: 7, Started: 7, BackOff: 11 });
  });

  // pod_workers.go :: completeWork: each requeue is wait.Jitter(d, 0.5), so the restarts' instants and the
  // BackOff count over the long back-offs depend on the kubelet's draws; the recorded ones are among theirs
  it('has its recorded seventh start and BackOff count within what the work queue’s jitter allows', () => {
    const drawn = (u: number) => {
      const sim = { ...loaded('crash-loop').simulation, world: { ...loaded('crash-loop').simulation.world, jitter: () => u } };
      const ours = simulate(sim);
      const starts = ours.filter((e) => e.type === 'ContainerStarted').map((e) => Date.parse(e.at));
      const at = (starts[6] ?? Number.NaN) + (lastRecordedFact - lastRecordedStart);
      return { seventh: ((starts[6] ?? Number.NaN) - (starts[0] ?? Number.NaN)) / 1000, backoffs: ours.filter((e) => e.type === 'ContainerBackOff' && Date.parse(e.at) <= at).length };
    };
    const recordedSeventh = (lastRecordedStart - Date.parse(pod.metadata.creationTimestamp ?? '')) / 1000;
    expect(recordedSeventh).toBe(344);
    expect([drawn(0), drawn(0.25), drawn(0.999)]).toEqual([{ seventh: 329, backoffs: 11 }, { seventh: 344, backoffs: 11 }, { seventh: 396, backoffs: 8 }]);
  });
});
