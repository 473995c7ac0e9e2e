import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import type { Event, EventOf } from '../../src/events/index.js';
import { V1Pod } from '../../src/k8s/pod.js';
import { foldCluster, emptyCluster, type ClusterState } from '../../src/reducers/index.js';
import { kubectlRow } from '../../src/printers/index.js';
import { imported, real } from './fixtures.js';

const NOW = new Date('2026-07-22T21:20:30Z');
type Row = string; // `STATUS READY`, or `removed`

/** What kubectl showed for each pod, update after update, from the recorded watch stream itself. */
const recordedRows = async (): Promise<Map<string, Row[]>> => {
  const rows = new Map<string, Row[]>();
  const lines = createInterface({ input: createReadStream(real('rolling-update-pods.watch.jsonl')), crlfDelay: Infinity });
  for await (const line of lines) {
    const w = JSON.parse(line) as { type: string; object: unknown };
    const pod = V1Pod.decode(w.object);
    if (pod._tag === 'Left') throw new Error('a recorded pod does not decode');
    const r = kubectlRow(pod.right, NOW);
    push(rows, pod.right.metadata.name ?? '', w.type === 'DELETED' ? 'removed' : `${r.status} ${r.ready}`);
  }
  return rows;
};

/** `part` appears in `whole` in order (the fold sees every step; a watch stream may miss some). */
const isSubsequence = (part: readonly Row[], whole: readonly Row[]): boolean => {
  let i = 0;
  for (const row of whole) if (row === part[i]) i++;
  return i === part.length;
};

/** Created and started in the same second: the fold passes through `created` (waiting, no reason: Pending). */
const START = ['Pending 0/1', 'ContainerCreating 0/1', 'Pending 0/1', 'Running 1/1'];

const push = (rows: Map<string, Row[]>, name: string, row: Row): void => {
  const seen = rows.get(name) ?? [];
  if (seen[seen.length - 1] !== row) seen.push(row);
  rows.set(name, seen);
};

/** The same, from folding the imported events one by one. */
const foldedRows = (events: readonly Event[]): Map<string, Row[]> => {
  const rows = new Map<string, Row[]>();
  let state: ClusterState = emptyCluster;
  for (const e of events) {
    state = foldCluster([e], state);
    if (!('pod' in e)) continue;
    const p = state.pods.get(e.pod.uid)?.pod;
    const r = p === undefined ? undefined : kubectlRow(p, NOW);
    push(rows, e.pod.name, r === undefined ? 'removed' : `${r.status} ${r.ready}`);
  }
  return rows;
};

describe('rolling-update fixtures (watch stream + EventList)', async () => {
  const result = await imported([real('rolling-update-pods.watch.jsonl'), real('rolling-update-events.json')]);
  const folded = foldedRows(result.events);
  const recorded = await recordedRows();
  const oldPods = ['api-58dd68c5db-r5smx', 'api-58dd68c5db-slwpm', 'api-58dd68c5db-rhrsb'];
  const newPods = ['api-5c59c454f5-g5b8z', 'api-5c59c454f5-bkzc4', 'api-5c59c454f5-2wffn'];

  it('reads 33 watch updates and 47 Events, skipping the ReplicaSet and Deployment ones but the deletions a ReplicaSet names', () => {
    expect(result.files.map((f) => [f.format, f.documents])).toEqual([
      ['watch', 33],
      ['core-events', 1],
    ]);
    expect(result.files[1]?.ignored).toEqual({ 'Events about ReplicaSet': 6, 'Events about Deployment': 7 });
  });

  it.each(oldPods)('old pod %s: Running, Terminating, Completed (Succeeded), removed', (name) => {
    expect(folded.get(name)).toEqual([...START, 'Terminating 1/1', 'Completed 0/1', 'removed']);
    // The stream first shows these pods already running (rhrsb already terminating): every row it shows is in the fold.
    expect(recorded.get(name)?.slice(-3)).toEqual(['Terminating 1/1', 'Completed 0/1', 'removed']);
    expect(isSubsequence(recorded.get(name) ?? [], folded.get(name) ?? [])).toBe(true);
  });

  it.each(newPods)('new pod %s: Pending, ContainerCreating, Running and Ready, as the stream showed', (name) => {
    expect(folded.get(name)).toEqual(START);
    expect(recorded.get(name)).toEqual(['Pending 0/1', 'ContainerCreating 0/1', 'Running 1/1']);
    expect(isSubsequence(recorded.get(name) ?? [], folded.get(name) ?? [])).toBe(true);
  });

  it('ends with the three new pods only, Running with Ready=True', () => {
    const final = foldCluster(result.events);
    const pods = [...final.pods.values()].map((p) => p.pod);
    expect(pods.map((p) => p.metadata.name).sort()).toEqual([...newPods].sort());
    for (const p of pods) {
      expect(p.status?.phase).toBe('Running');
      expect(p.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    }
  });

  it('old pods pass through Succeeded before they are removed', () => {
    for (const name of oldPods) {
      const created = result.events.find((e): e is EventOf<'PodCreated'> => e.type === 'PodCreated' && e.pod.name === name);
      const uid = created?.pod.uid ?? '';
      const removal = result.events.findIndex((e) => e.type === 'PodRemoved' && e.pod.uid === uid);
      expect(removal).toBeGreaterThan(0);
      const before = foldCluster(result.events.slice(0, removal)).pods.get(uid)?.pod;
      expect(before?.status?.phase).toBe('Succeeded');
      expect(before?.metadata.deletionTimestamp).toBeDefined();
    }
  });

  it('reproduces each pod last recorded status: phase, conditions, container states', async () => {
    const lastSeen = new Map<string, V1Pod>();
    const lines = createInterface({ input: createReadStream(real('rolling-update-pods.watch.jsonl')), crlfDelay: Infinity });
    for await (const line of lines) {
      const w = JSON.parse(line) as { type: string; object: unknown };
      const decoded = V1Pod.decode(w.object);
      if (decoded._tag === 'Right' && w.type !== 'DELETED') lastSeen.set(decoded.right.metadata.uid ?? '', decoded.right);
    }
    // Not compared: PodReadyToStartContainers of a finished pod. The kubelet stops the sandbox of a terminal pod
    // (the condition turns False); the vocabulary has no event for a sandbox stopping, nor do the reducers derive it.
    const sandboxGone = (p: V1Pod | undefined, type: string) => type === 'PodReadyToStartContainers' && p?.status?.phase === 'Succeeded';
    const essentials = (p: V1Pod | undefined) => ({
      phase: p?.status?.phase,
      conditions: Object.fromEntries((p?.status?.conditions ?? []).filter((c) => !sandboxGone(p, c.type)).map((c) => [c.type, c.status])),
      podIP: p?.status?.podIP,
      hostIP: p?.status?.hostIP,
      nodeName: p?.spec.nodeName,
      deleting: p?.metadata.deletionTimestamp !== undefined,
      containers: (p?.status?.containerStatuses ?? []).map((c) => ({
        name: c.name,
        ready: c.ready,
        started: c.started,
        restartCount: c.restartCount,
        containerID: c.containerID,
        state: c.state,
      })),
    });
    expect(lastSeen.size).toBe(6);
    for (const [uid, recordedPod] of lastSeen) {
      const removal = result.events.findIndex((e) => e.type === 'PodRemoved' && e.pod.uid === uid);
      const upTo = removal === -1 ? result.events : result.events.slice(0, removal);
      const rebuilt = foldCluster(upTo).pods.get(uid)?.pod;
      expect(essentials(rebuilt), recordedPod.metadata.name).toEqual(essentials(recordedPod));
    }
  });

  it('counts each fact once: Events and watch updates of the same start are one event', () => {
    const starts = result.events.filter((e) => e.type === 'ContainerStarted');
    expect(starts).toHaveLength(6);
    expect(starts.every((e) => e.containerID.startsWith('containerd://'))).toBe(true);
    expect(result.events.filter((e) => e.type === 'PodBound')).toHaveLength(6);
    expect(result.events.filter((e) => e.type === 'ContainerKilling')).toHaveLength(3);
  });
});
