import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import { foldCluster, podsOf } from '../../src/reducers/index.js';
import { at, bound, created, podRef, started } from '../support/event-builders.js';

/** The same creation with `image` for every container: another workload's spec. */
const withImage = (e: Event, image: string): Event =>
  e.type === 'PodCreated' ? { ...e, manifest: { ...e.manifest, spec: { ...e.manifest.spec, containers: e.manifest.spec.containers.map((c) => ({ ...c, image })) } } } : e;

/** The same creation with labels, an owner and an annotation, as a ReplicaSet's pods carry them. */
const owned = (e: Event, hash: string): Event =>
  e.type === 'PodCreated'
    ? {
        ...e,
        manifest: {
          ...e.manifest,
          metadata: {
            ...e.manifest.metadata,
            labels: { app: 'web', 'pod-template-hash': hash },
            annotations: { team: 'a' },
            ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `web-${hash}`, uid: `rs-${hash}`, controller: true }],
          },
        },
      }
    : e;

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

  it('pods of one spec bound to one node share that bound spec; another node gets its own', () => {
    const names = ['web-a', 'web-b', 'web-c'];
    const refs = names.map((n) => podRef(n));
    const events = [...refs.map((r, i) => created(r, i)), bound(refs[0]!, 3, 'node-7'), bound(refs[1]!, 4, 'node-7'), bound(refs[2]!, 5, 'node-8')];
    const state = foldCluster(JSON.parse(JSON.stringify(events)) as Event[]);
    const [pa, pb, pc] = names.map((n) => podsOf(state).find((p) => p.metadata.name === n));
    expect(pa?.spec).toBe(pb?.spec);
    expect(pc?.spec).not.toBe(pa?.spec);
    expect(pc?.spec.nodeName).toBe('node-8');
    expect(Object.keys(pa?.spec ?? {}).at(-1)).toBe('nodeName');
  });

  it('specs are shared only when their JSON is the same: the same fields in another key order stay apart', () => {
    const a = podRef('web-a');
    const b = podRef('web-b');
    const reordered = (e: Event): Event =>
      e.type === 'PodCreated' ? { ...e, manifest: { ...e.manifest, spec: Object.fromEntries(Object.entries(e.manifest.spec).reverse()) as typeof e.manifest.spec } } : e;
    const events = [created(a, 0), reordered(created(b, 1))];
    const pods = podsOf(foldCluster(JSON.parse(JSON.stringify(events)) as Event[]));
    const [pa, pb] = ['web-a', 'web-b'].map((n) => pods.find((p) => p.metadata.name === n));
    expect(pa?.spec).toEqual(pb?.spec);
    expect(pa?.spec).not.toBe(pb?.spec);
    expect(JSON.stringify(pb?.spec)).toBe(JSON.stringify(events[1]?.type === 'PodCreated' ? events[1].manifest.spec : undefined));
  });

  it('pods of one owner share their labels, annotations and owner references; the metadata reads as created', () => {
    const events = [owned(created(podRef('web-a'), 0), 'x1'), owned(created(podRef('web-b'), 1), 'x1'), owned(created(podRef('web-c'), 2), 'x2')];
    const pods = podsOf(foldCluster(JSON.parse(JSON.stringify(events)) as Event[]));
    const [pa, pb, pc] = ['web-a', 'web-b', 'web-c'].map((n) => pods.find((p) => p.metadata.name === n));
    expect(pa?.metadata.labels).toBe(pb?.metadata.labels);
    expect(pa?.metadata.ownerReferences).toBe(pb?.metadata.ownerReferences);
    expect(pa?.metadata.annotations).toBe(pc?.metadata.annotations);
    expect(pc?.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': 'x2' });
    expect(Object.keys(pa?.metadata ?? {})).toEqual(['name', 'namespace', 'labels', 'annotations', 'ownerReferences', 'uid', 'generation', 'creationTimestamp']);
  });

  it('a workload\'s pods share their labels and owner references though thousands of workloads created pods in between', () => {
    // Tier L runs 6,000 workloads of ~25 pods, created over the hour: between two pods of one workload come
    // pods of most of the others (two values each: labels, owner references).
    // Hashes of ten characters, as a ReplicaSet's: each value is then found by a key of its own.
    const others = Array.from({ length: 3000 }, (_, i) => owned(created(podRef(`other-${i}`), 1), String(i).padStart(10, 'h')));
    const events = [owned(created(podRef('web-a'), 0), 'x1x1x1x1x1'), ...others, owned(created(podRef('web-b'), 2), 'x1x1x1x1x1')];
    const state = foldCluster(JSON.parse(JSON.stringify(events)) as Event[]);
    const [pa, pb] = ['web-a', 'web-b'].map((n) => podsOf(state).find((p) => p.metadata.name === n));
    expect(pa?.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': 'x1x1x1x1x1' });
    expect(pb?.metadata.labels).toBe(pa?.metadata.labels);
    expect(pb?.metadata.ownerReferences).toBe(pa?.metadata.ownerReferences);
  });

  it('labels that differ in a shorter value, or only in key order, stay apart: equal JSON is what is shared', () => {
    const labelled = (e: Event, labels: Record<string, string>): Event =>
      e.type === 'PodCreated' ? { ...e, manifest: { ...e.manifest, metadata: { ...e.manifest.metadata, labels } } } : e;
    const names = ['web-a', 'web-b', 'web-c', 'web-d'];
    const labels = [
      { app: 'frontend', tier: 'a' },
      { app: 'frontend', tier: 'b' },
      { tier: 'a', app: 'frontend' },
      { app: 'frontend', tier: 'a' },
    ];
    const events = names.map((n, i) => labelled(created(podRef(n), i), labels[i] ?? {}));
    const pods = podsOf(foldCluster(JSON.parse(JSON.stringify(events)) as Event[]));
    const [pa, pb, pc, pd] = names.map((n) => pods.find((p) => p.metadata.name === n));
    expect(pa?.metadata.labels).toBe(pd?.metadata.labels);
    expect(pb?.metadata.labels).toEqual({ app: 'frontend', tier: 'b' });
    expect(JSON.stringify(pc?.metadata.labels)).toBe('{"tier":"a","app":"frontend"}');
    expect(new Set([pa, pb, pc].map((p) => p?.metadata.labels)).size).toBe(3);
  });

  it('pods the scheduler or the kubelet write at the same second share their equal conditions', () => {
    const a = podRef('web-a');
    const b = podRef('web-b');
    const imageID = 'docker.io/library/busybox@sha256:' + 'a'.repeat(64);
    const run = (p: typeof a, s: number): Event[] => [
      created(p, 0),
      bound(p, 1),
      { v: 1, type: 'PodAdmitted', at: at(2), source: 'kubelet', pod: p, node: 'node-1' },
      { v: 1, type: 'ImagePulled', at: at(s), source: 'runtime', pod: p, container: 'app', image: 'busybox:1.36', alreadyPresent: false, imageID },
    ];
    const state = foldCluster(JSON.parse(JSON.stringify([...run(a, 3), ...run(b, 4)])) as Event[]);
    const [pa, pb] = [a, b].map((p) => state.pods.get(p.uid));
    const scheduled = (s: typeof pa) => s?.pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    expect(scheduled(pa)?.lastTransitionTime).toBe('2026-01-01T14:00:01Z');
    expect(scheduled(pa)).toBe(scheduled(pb));
    expect(pa?.kubelet.containers['app']?.imageID).toBe(imageID);
    const initialized = (s: typeof pa) => s?.pod.status?.conditions?.find((c) => c.type === 'Initialized');
    expect(initialized(pa)).toEqual(initialized(pb));
  });

  it('containers started in the same second share their running state, and equal probe results are one object', () => {
    const a = podRef('web-a');
    const b = podRef('web-b');
    const run = (p: typeof a): Event[] => [
      created(p, 0),
      bound(p, 1),
      { v: 1, type: 'PodAdmitted', at: at(2), source: 'kubelet', pod: p, node: 'node-1' },
      ...started(p, 3),
      { v: 1, type: 'ProbeResultChanged', at: at(4), source: 'kubelet', pod: p, container: 'app', probe: 'readiness', outcome: 'success' },
    ];
    const state = foldCluster(JSON.parse(JSON.stringify([...run(a), ...run(b)])) as Event[]);
    const [ca, cb] = [a, b].map((p) => state.pods.get(p.uid)?.kubelet.containers['app']);
    expect(ca?.current).toEqual({ kind: 'running', running: { startedAt: '2026-01-01T14:00:03Z' } });
    expect(ca?.current).toBe(cb?.current);
    expect(ca?.probes).toEqual({ readiness: 'success' });
    expect(ca?.probes).toBe(cb?.probes);
    expect(ca?.containerID).not.toBe(cb?.containerID);
  });
});
