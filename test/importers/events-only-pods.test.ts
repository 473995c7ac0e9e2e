/** Issue 11 class 6: a pod known only from its Events is created from what they say, marked as inferred. */
import { describe, expect, it } from 'vitest';
import { INFERRED_ANNOTATION } from '../../src/importers/index.js';
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
});
