/**
 * Each capture of a watch stream is ordered right after its own facts, before the next object's: folded up to a
 * capture's `PodObserved`, the pod is the object that line held. Several objects of one pod share a second in the
 * v1.36.1 rolling update (bkzc4 at 21:19:19: `ContainerCreating` with its sandbox ready, then `Running`; 2wffn's four
 * objects at 21:19:19); the tie rank alone put every capture after every fact of its second, so the fold never
 * showed the earlier ones. With the Events imported too, the kubelet's `Created` Event of that second goes after the
 * capture that still shows the container `ContainerCreating`, and before the start.
 * Each capture's generation and `observedGeneration`s too: at 21:19:15 g5b8z's bound object has `PodScheduled` without
 * one (the binding writes none), the kubelet's first status 1 on every condition (folded before the bound object's
 * capture, they read 1, none, 1); an old pod's deletion bumps the generation to 2 (`BeforeDelete`): the deletion's
 * own object (lines 8, 16, 24, the API server's write) still shows 1 observed on the status and every condition, the
 * kubelet's status of the same second (lines 10, 19, 25) 2.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import { V1Pod } from '../../src/k8s/pod.js';
import { emptyCluster, foldCluster, type ClusterState } from '../../src/reducers/index.js';
import { imported, real } from './fixtures.js';

const STREAM = real('rolling-update-pods.watch.jsonl');

/** The stream's objects by line (1-based). */
const objects = (): Map<number, V1Pod> =>
  new Map(
    readFileSync(STREAM, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l, i) => {
        const decoded = V1Pod.decode((JSON.parse(l) as { object: unknown }).object);
        if (decoded._tag === 'Left') throw new Error(`line ${i + 1} does not decode`);
        return [i + 1, decoded.right] as const;
      }),
  );

/**
 * What a capture shows of its pod: phase, deletion, node, IP, each condition's status and time, each container's
 * state. The sandbox of a finished pod is left out: the kubelet stops it (PodReadyToStartContainers False), which the
 * vocabulary has no event for.
 */
const shown = (p: V1Pod | undefined) => ({
  resourceVersion: p?.metadata.resourceVersion,
  phase: p?.status?.phase,
  generation: p?.metadata.generation,
  observedGeneration: p?.status?.observedGeneration,
  deleting: p?.metadata.deletionTimestamp != null,
  node: p?.spec.nodeName,
  ip: p?.status?.podIP,
  conditions: (p?.status?.conditions ?? [])
    .filter((c) => !(c.type === 'PodReadyToStartContainers' && p?.status?.phase === 'Succeeded'))
    .map((c) => `${c.type}=${c.status}@${c.lastTransitionTime ?? ''}/${c.observedGeneration ?? '-'}`)
    .sort(),
  containers: (p?.status?.containerStatuses ?? []).map((c) => c.state),
});

type Shown = ReturnType<typeof shown>;

/** Per pod uid, the instant of its DELETED object (the final grace's `deletionTimestamp`, as the removal takes it). */
const deletedAt = (): Map<string, string> =>
  new Map(
    readFileSync(STREAM, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as { type: string; object: { metadata: { uid: string; deletionTimestamp?: string } } })
      .filter((w) => w.type === 'DELETED')
      .map((w) => [w.object.metadata.uid, `${(w.object.metadata.deletionTimestamp ?? '').slice(0, 19)}.000Z`] as const),
  );

/** For each capture of the stream (its line), the pod folded up to that capture, and the object of that line. */
const atEachCapture = (events: readonly Event[]): Array<{ line: number; folded: Shown; captured: Shown }> => {
  const lines = objects();
  const out: Array<{ line: number; folded: Shown; captured: Shown }> = [];
  let state: ClusterState = emptyCluster;
  for (const e of events) {
    state = foldCluster([e], state);
    const line = e.from?.line;
    if (e.type !== 'PodObserved' || e.from?.file !== STREAM || line === undefined) continue;
    out.push({ line, folded: shown(state.pods.get(e.pod.uid)?.pod), captured: shown(lines.get(line)) });
  }
  return out;
};

describe('a watch stream: each capture right after its own facts', () => {
  it.each([
    ['the stream alone', [STREAM]],
    ['the stream with its Events', [STREAM, real('rolling-update-events.json')]],
  ])('%s: folded to each capture, the pod is the object of its line', async (_, files) => {
    const { events } = await imported(files);
    const captures = atEachCapture(events);
    // Every object, each its own capture: each has its own resourceVersion, which the fold shows from its capture
    // until the pod next changes (lines 10, 19, 25, the kubelet's status observing the deletion's generation, differ
    // from the deletion's object before each by their observedGeneration too).
    expect(captures.map((c) => c.line).sort((a, b) => a - b)).toEqual(Array.from({ length: 33 }, (_, i) => i + 1));
    for (const c of captures) expect({ line: c.line, pod: c.folded }).toEqual({ line: c.line, pod: c.captured });
  });

  /**
   * `--at T` answers the cluster at the end of T: a pod the stream captured several times in T's second is its last
   * object of T (bkzc4 `Running` at 21:19:19, not its `ContainerCreating` of the same second; the earlier objects of
   * that second are no instant's answer: the stream's times are whole seconds, and the cluster showed the last one
   * from then on). A pod whose DELETED object is of T is gone at T. r5smx at 21:19:18 is Running (Terminating), its
   * objects of 21:19:18 (lines 8, 10): its container's exit (`finishedAt` 21:19:18) shows from its 21:19:19 object
   * on, the first that states it (`importers/shown-later.ts`), with that `finishedAt` (the test above, line 13).
   */
  it.each([
    ['the stream alone', [STREAM]],
    ['the stream with its Events', [STREAM, real('rolling-update-events.json')]],
  ])('%s: at each instant of its captures, a pod is its last object of that instant', async (_, files) => {
    const { events } = await imported(files);
    const lines = objects();
    const last = new Map<string, { uid: string; at: string; line: number }>();
    for (const e of events) {
      const line = e.from?.line;
      if (e.type !== 'PodObserved' || e.from?.file !== STREAM || line === undefined) continue;
      const key = `${e.pod.uid}@${e.at}`;
      if ((last.get(key)?.line ?? 0) < line) last.set(key, { uid: e.pod.uid, at: e.at, line });
    }
    const answered = [...last.values()].map(({ uid, at, line }) => {
      const folded = foldCluster(events.filter((e) => e.at <= at), emptyCluster).pods.get(uid)?.pod;
      return { uid, at, line, folded: folded === undefined ? 'gone' : shown(folded), captured: shown(lines.get(line)) };
    });
    // A DELETED object of the same second: the pod is gone at T (slwpm and r5smx at 21:19:19, rhrsb at 21:19:20).
    const goneAt = deletedAt();
    const expected = (a: (typeof answered)[number]): unknown => {
      const gone = goneAt.get(a.uid);
      return gone !== undefined && gone <= a.at ? 'gone' : a.captured;
    };
    const differs = answered.filter((a) => !isDeepStrictEqual(a.folded, expected(a))).map((a) => `${a.at} line ${a.line}: ${typeof a.folded === 'string' ? a.folded : String(a.folded.phase)}`);
    expect(differs).toEqual([]);
  });
});

