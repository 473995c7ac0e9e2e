/**
 * The pod-level `status.allocatedResources` and `status.resources` of v1.36's kubelet (`kubelet_pods.go ::
 * convertStatusToAPIStatus`, `convertToAPIPodLevelResourcesStatus`), as the kind v1.36.1 recordings show them: the
 * requests and limits aggregated from the containers while the API shows the pod otherwise than Running, the pod
 * cgroup's reading in the first status after it shows Running (a 10m cpu request reads back at MinShares and is left
 * out), the last one kept once the pod is over; a capture's are what the cluster showed.
 */
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import type { V1Pod } from '../../src/k8s/pod.js';
import { reducePod, type PodState } from '../../src/reducers/index.js';
import { at, bound, created, exited, podRef, started } from '../support/event-builders.js';
import type { PodRef } from '../../src/events/index.js';

const pod = podRef('web');
const fold = (events: readonly Event[]): PodState | undefined => events.reduce<PodState | undefined>((s, e) => ('pod' in e ? reducePod(s, e) : s), undefined);
const fields = (s: PodState | undefined): Pick<NonNullable<V1Pod['status']>, 'allocatedResources' | 'resources' | 'phase'> => {
  const { allocatedResources, resources, phase } = s?.pod.status ?? {};
  return { phase, allocatedResources, resources };
};

/** The pod of the k8shark recordings: one container requesting 10m and 16Mi, limited to 64Mi, never restarted. */
const withResources = (resources: object, restartPolicy: 'Always' | 'Never' = 'Always', of: PodRef = pod): Event => {
  const e = created(of, 0);
  if (e.type !== 'PodCreated') throw new Error('created() builds a PodCreated');
  const [app] = e.manifest.spec.containers;
  return { ...e, manifest: { ...e.manifest, spec: { ...e.manifest.spec, restartPolicy, containers: [{ ...app, name: 'app', image: 'nginx', resources }] } } };
};
const k8shark = { requests: { cpu: '10m', memory: '16Mi' }, limits: { memory: '64Mi' } };
const admitted: Event = { v: 1, type: 'PodAdmitted', at: at(1), source: 'kubelet', pod, node: 'node-1', hostIP: '10.0.0.1' };
const synced = (s: number, sync: number): Event => ({ v: 1, type: 'PodSynced', at: at(s), source: 'kubelet', pod, sync });

describe('pod-level status resources (v1.36)', () => {
  it('none before the kubelet writes a status; the aggregate of the containers while the API shows the pod Pending, and in the status that makes it Running', () => {
    expect(fields(fold([withResources(k8shark), bound(pod, 1)]))).toEqual({ phase: 'Pending' });
    const head = [withResources(k8shark), bound(pod, 1), admitted, synced(1, 1)];
    expect(fields(fold(head))).toEqual({ phase: 'Pending', allocatedResources: { cpu: '10m', memory: '16Mi' }, resources: k8shark });
    expect(fields(fold([...head, ...started(pod, 2), synced(2, 2)]))).toEqual({ phase: 'Running', allocatedResources: { cpu: '10m', memory: '16Mi' }, resources: k8shark });
  });

  it('the next status, the API showing it Running, reads the pod cgroup: the 10m cpu request reads back at MinShares and is left out', () => {
    const running = [withResources(k8shark), bound(pod, 1), admitted, synced(1, 1), ...started(pod, 2), synced(2, 2)];
    const cgroup = { requests: { memory: '16Mi' }, limits: { memory: '64Mi' } };
    // a resync that learnt nothing new still writes the status (the recording's rv 1168889 → 1169032)
    expect(fields(fold([...running, synced(80, 3)]))).toEqual({ phase: 'Running', allocatedResources: { cpu: '10m', memory: '16Mi' }, resources: cgroup });
    // a larger request reads back rounded through cpu.weight
    const large = [withResources({ requests: { cpu: '1', memory: '16Mi' } }), bound(pod, 1), admitted, synced(1, 1), ...started(pod, 2), synced(2, 2), synced(80, 3)];
    expect(fields(fold(large)).resources).toEqual({ requests: { cpu: '975m', memory: '16Mi' } });
  });

  it('a pod that is over keeps the resources of its last running status', () => {
    const running = [withResources(k8shark, 'Never'), bound(pod, 1), admitted, synced(1, 1), ...started(pod, 2), synced(2, 2), synced(80, 3)];
    const done = fold([...running, exited(pod, 90, 0, 'app', 'web-app-2'), synced(90, 4), synced(91, 5)]);
    expect(fields(done)).toEqual({ phase: 'Succeeded', allocatedResources: { cpu: '10m', memory: '16Mi' }, resources: { requests: { memory: '16Mi' }, limits: { memory: '64Mi' } } });
  });

  it('a pod that requests nothing shows `resources: {}` and no allocatedResources', () => {
    const s = fold([withResources({}), bound(pod, 1), admitted, synced(1, 1), ...started(pod, 2), synced(2, 2), synced(80, 3)]);
    expect(fields(s)).toEqual({ phase: 'Running', resources: {} });
  });

  it("a capture's resources are what the cluster showed (which sync wrote them only the capture tells), until the kubelet's next status", () => {
    const imported = [withResources(k8shark), bound(pod, 1), admitted, ...started(pod, 2)];
    const observed = (s: number, resources: object): Event => ({ v: 1, type: 'PodObserved', at: at(s), source: 'api', pod, resources });
    expect(fields(fold([...imported, observed(80, k8shark)])).resources).toEqual(k8shark);
    const cgroup = { requests: { memory: '16Mi' }, limits: { memory: '64Mi' } };
    expect(fields(fold([...imported, observed(80, k8shark), observed(95, cgroup)])).resources).toEqual(cgroup);
  });

  it('an older kubelet that wrote neither (a capture naming them unwritten) shows neither', () => {
    const old: Event = { v: 1, type: 'PodObserved', at: at(5), source: 'api', pod, unwrittenFields: ['resources', 'allocatedResources'] };
    const s = fold([withResources(k8shark), bound(pod, 1), admitted, ...started(pod, 2), old, exited(pod, 8, 1, 'app', 'web-app-2')]);
    expect(Object.keys(s?.pod.status ?? {})).not.toContain('resources');
    expect(Object.keys(s?.pod.status ?? {})).not.toContain('allocatedResources');
  });

  it("pods of one workload on different nodes show the same objects, the running ones too (the fold holds one copy, not one per pod)", () => {
    // each pod's spec is its own object once bound (one per node), its containers the workload's
    const on = (name: string, node: string): Event[] => {
      const p = podRef(name);
      const admittedOn: Event = { v: 1, type: 'PodAdmitted', at: at(1), source: 'kubelet', pod: p, node, hostIP: '10.0.0.1' };
      const syncedAt = (s: number, sync: number): Event => ({ v: 1, type: 'PodSynced', at: at(s), source: 'kubelet', pod: p, sync });
      return [withResources(k8shark, 'Always', p), bound(p, 1, node), admittedOn, syncedAt(1, 1), ...started(p, 2), syncedAt(2, 2), syncedAt(80, 3)];
    };
    const a = fold(on('web-a', 'node-1'))?.pod;
    const b = fold(on('web-b', 'node-2'))?.pod;
    expect(a?.spec).not.toBe(b?.spec);
    expect(a?.status?.resources).toEqual({ requests: { memory: '16Mi' }, limits: { memory: '64Mi' } });
    expect(b?.status?.allocatedResources).toBe(a?.status?.allocatedResources);
    expect(b?.status?.resources).toBe(a?.status?.resources);
  });
});
