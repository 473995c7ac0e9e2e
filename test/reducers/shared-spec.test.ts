import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import { foldCluster, podsOf } from '../../src/reducers/index.js';
import { bound, created, podRef } from '../support/event-builders.js';

/** The same creation with `image` for every container: another workload's spec. */
const withImage = (e: Event, image: string): Event =>
  e.type === 'PodCreated' ? { ...e, manifest: { ...e.manifest, spec: { ...e.manifest.spec, containers: e.manifest.spec.containers.map((c) => ({ ...c, image })) } } } : e;

describe('equal specs are one object in the fold', () => {
  it('pods created from equal manifests share their spec (each decoded its own copy), and the spec is the manifest\'s', () => {
    const a = podRef('web-a');
    const b = podRef('web-b');
    const c = podRef('other');
    const events = [created(a, 0), created(b, 1), withImage(created(c, 2), 'other:1')];
    const pods = podsOf(foldCluster(JSON.parse(JSON.stringify(events)) as Event[]));
    const [pa, pb, pc] = ['web-a', 'web-b', 'other'].map((n) => pods.find((p) => p.metadata.name === n));
    expect(pa?.spec).toBe(pb?.spec);
    expect(pc?.spec).not.toBe(pa?.spec);
    expect(pc?.spec.containers[0]?.image).toBe('other:1');
    expect(pa?.spec).toEqual(events[0]?.type === 'PodCreated' ? events[0].manifest.spec : undefined);
  });

  it('binding gives a pod its own spec with its node; the other keeps the shared one', () => {
    const a = podRef('web-a');
    const b = podRef('web-b');
    const state = foldCluster(JSON.parse(JSON.stringify([created(a, 0), created(b, 1), bound(a, 2, 'node-7')])) as Event[]);
    const [pa, pb] = ['web-a', 'web-b'].map((n) => podsOf(state).find((p) => p.metadata.name === n));
    expect(pa?.spec.nodeName).toBe('node-7');
    expect(pb?.spec.nodeName).toBeUndefined();
    expect(pa?.spec.containers).toBe(pb?.spec.containers);
  });
});
