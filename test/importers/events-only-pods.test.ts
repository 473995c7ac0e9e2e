/** Issue 11 class 6: a pod known only from its Events is created from what they say, marked as inferred. */
import { describe, expect, it } from 'vitest';
import { INFERRED_ANNOTATION } from '../../src/importers/index.js';
import { podDeletedBy } from '../../src/importers/event-reasons.js';
import { imported, real } from './fixtures.js';

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
