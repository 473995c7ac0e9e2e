/** Issue 11 class 6: a pod known only from its Events is created from what they say, marked as inferred. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import { INFERRED_ANNOTATION } from '../../src/importers/index.js';
import { podDeletedBy } from '../../src/importers/event-reasons.js';
import { imported, real } from './fixtures.js';
import { podj } from './podj-in-process.js';

describe('a pod known only from its Events', () => {
  it('gets one inferred PodCreated at its first Event, with the containers and images its Events name', async () => {
    const { events } = await imported([real('crash-loop-events.json')]);
    const created = events.filter((e) => e.type === 'PodCreated');
    expect(created).toHaveLength(1);
    const first = created[0];
    if (first?.type !== 'PodCreated') throw new Error('no PodCreated');
    expect(first.at).toBe(events[0]?.at);
    expect(first.pod).toEqual({ namespace: 'crash-demo', name: 'flaky-worker-897c5486c-lfk2f', uid: 'c6c68a3b-54e2-4ec0-8083-7c17c204cee1' });
    expect(first.manifest.metadata.annotations?.[INFERRED_ANNOTATION]).toMatch(/never captured/);
    expect(first.manifest.spec.containers).toEqual([{ name: 'worker', image: 'busybox:1.36' }]);
  });

  it('is not invented when the pod object is imported with its Events: the object is the one recorded', async () => {
    const { events } = await imported([real('crash-loop-pods.json'), real('crash-loop-events.json')]);
    const created = events.filter((e) => e.type === 'PodCreated');
    expect(created).toHaveLength(1);
    expect(created[0]?.type === 'PodCreated' && created[0].manifest.metadata.annotations?.[INFERRED_ANNOTATION]).toBeUndefined();
  });

  it('is not invented when the journal already holds the pod', async () => {
    const first = await imported([real('crash-loop-pods.json')]);
    const { events } = await imported([real('crash-loop-events.json')], { known: first.events });
    expect(events.filter((e) => e.type === 'PodCreated')).toEqual([]);
  });

  it('Events about other kinds create nothing', async () => {
    const { events } = await imported([real('openshift-events-machine-api.json')]);
    expect(events).toEqual([]);
  });

  it("is deleted where its Events say so: its owner's SuccessfulDelete naming it, else a Killing 'Stopping container' (inferred, with the pod's grace)", async () => {
    const { events } = await imported([real('rolling-update-events.json')]);
    const deletions = events.filter((e) => e.type === 'PodDeletionRequested');
    // The three old pods, each deleted when its ReplicaSet says so (controller_utils.go :: RealPodControl.DeletePod).
    expect(deletions.map((e) => [e.pod.name, e.at, e.type === 'PodDeletionRequested' && e.gracePeriodSeconds, e.from?.inferred]).sort()).toEqual([
      ['api-58dd68c5db-r5smx', '2026-07-22T21:19:18.000Z', 30, true],
      ['api-58dd68c5db-rhrsb', '2026-07-22T21:19:19.000Z', 30, true],
      ['api-58dd68c5db-slwpm', '2026-07-22T21:19:19.000Z', 30, true],
    ]);
    expect(deletions.every((e) => e.pod.uid !== '')).toBe(true);
  });

  it('a deletion a controller names by pod name goes nowhere when the pod object is imported: the object records its own', async () => {
    const withObjects = await imported([real('rolling-update-pods.watch.jsonl'), real('rolling-update-events.json')]);
    const watchOnly = await imported([real('rolling-update-pods.watch.jsonl')]);
    const count = (es: readonly { type: string }[]) => es.filter((e) => e.type === 'PodDeletionRequested').length;
    expect(count(withObjects.events)).toBe(count(watchOnly.events));
  });

  it('names the pod of SuccessfulDelete in the wording of each controller', () => {
    expect(podDeletedBy('SuccessfulDelete', 'Deleted pod: api-58dd68c5db-r5smx')).toBe('api-58dd68c5db-r5smx');
    expect(podDeletedBy('SuccessfulDelete', 'delete Pod web-0 in StatefulSet web successful')).toBe('web-0');
    expect(podDeletedBy('SuccessfulCreate', 'Created pod: x')).toBeUndefined();
  });
});

/**
 * The k3s v1.33 support bundle's kube-system: the ReplicaSets deleted coredns-5688667fd4-v5z66 and
 * metrics-server-6f4c6675d5-98986 at 20:40:04 (`SuccessfulDelete`, then `Killing`), and the bundle's PodList of the
 * namespace (taken after: its latest time is 20:40:38) lacks them. A list is the whole set of its namespace's pods.
 */
describe('a pod known only from its Events that a later list of its namespace lacks', () => {
  const PODS = real('troubleshoot/pods-kube-system.json');
  const EVENTS = real('troubleshoot/events-kube-system.json');
  const GONE = ['coredns-5688667fd4-v5z66', 'metrics-server-6f4c6675d5-98986'];
  const removals = (events: readonly Event[]) =>
    events.filter((e) => e.type === 'PodRemoved').map((e) => [e.pod.name, e.at, e.from?.inferred, e.from?.file === PODS]);

  it('was removed by the list\'s instant: one PodRemoved each, inferred, from the list', async () => {
    const { events } = await imported([PODS, EVENTS]);
    expect(removals(events).sort()).toEqual(GONE.map((name) => [name, '2025-09-11T20:40:38.000Z', true, true]));
    // deleted first, as the Events say (at the ReplicaSet's SuccessfulDelete)
    expect(events.filter((e) => e.type === 'PodDeletionRequested').map((e) => [e.pod.name, e.at]).sort()).toEqual(GONE.map((name) => [name, '2025-09-11T20:40:04.000Z']));
  });

  it('nothing is removed without a list, nor by a kubelet\'s own /pods (its node\'s pods only)', async () => {
    expect(removals((await imported([EVENTS])).events)).toEqual([]);
    const list = JSON.parse(readFileSync(PODS, 'utf8')) as { items: Array<{ metadata: { annotations?: Record<string, string> } }> };
    // Derived: the same list as a kubelet serves it, each pod marked with the source the kubelet got it from.
    const kubelets = { ...list, items: list.items.map((p) => ({ ...p, metadata: { ...p.metadata, annotations: { ...p.metadata.annotations, 'kubernetes.io/config.source': 'api' } } })) };
    const dir = mkdtempSync(join(tmpdir(), 'podj-kubelet-list-'));
    try {
      const file = join(dir, 'kubelet-pods.json');
      writeFileSync(file, JSON.stringify(kubelets));
      expect(removals((await imported([file, EVENTS])).events)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['together', [[PODS, EVENTS]]],
    ['Events, then the list', [[EVENTS], [PODS]]],
    ['the list, then Events', [[PODS], [EVENTS]]],
  ])('get pods lists them Terminating before the list, noted as known only from Events, and not after it (%s)', async (_, imports) => {
    const dir = mkdtempSync(join(tmpdir(), 'podj-listed-gone-'));
    try {
      const journal = join(dir, 'journal');
      for (const files of imports) expect((await podj('import', '--journal', journal, ...files)).code).toBe(0);
      const before = await podj('get', 'pods', '-n', 'kube-system', '--journal', journal, '--at', '2025-09-11T20:40:30Z');
      const rowsBefore = before.stdout.split('\n').filter((l) => GONE.some((name) => l.startsWith(`${name} `)));
      expect(rowsBefore.map((l) => l.split(/\s+/)[2])).toEqual(['Terminating', 'Terminating']);
      expect(before.stderr).toContain('known only from their Events');
      const after = await podj('get', 'pods', '-n', 'kube-system', '--journal', journal);
      expect(after.stdout.split('\n').filter((l) => GONE.some((name) => l.startsWith(`${name} `)))).toEqual([]);
      expect(after.stdout).toContain('coredns-64fd4b4794-p72lf');
      const history = await podj('events', '-o', 'journal', '--for', 'pod/coredns-5688667fd4-v5z66', '-n', 'kube-system', '--journal', journal);
      expect(history.stdout.trim().split('\n').at(-1)).toMatch(/2025-09-11T20:40:38\.000Z .*PodRemoved +removed from the API \(inferred\)$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
