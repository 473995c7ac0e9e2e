/**
 * A capture's unwritten status fields (`PodObserved.unwrittenFields`): an older kubelet writes no `observedGeneration`
 * (v1.34+), `hostIPs` (v1.28+), container statuses' `user` (v1.31+) or `volumeMounts` (v1.30+). The fold leaves them
 * out from the capture on, through later statuses, until a capture says the kubelet writes them again (`[]`);
 * a capture that does not say keeps the word before it.
 */
import { describe, expect, it } from 'vitest';
import type { Event, StatusField } from '../../src/events/index.js';
import { reducePod, type PodState } from '../../src/reducers/index.js';
import { at, bound, created, exited, podRef, started } from '../support/event-builders.js';

const pod = podRef('web');
const observed = (s: number, unwrittenFields?: StatusField[]): Event => ({ v: 1, type: 'PodObserved', at: at(s), source: 'api', pod, ...(unwrittenFields !== undefined && { unwrittenFields }) });

const fold = (events: readonly Event[]): PodState | undefined => events.reduce<PodState | undefined>((s, e) => ('pod' in e ? reducePod(s, e) : s), undefined);

/** The keys the status, its conditions and its container statuses show. */
const shown = (s: PodState | undefined): { status: string[]; conditions: string[]; containers: string[] } => {
  const status = s?.pod.status ?? {};
  return {
    status: Object.keys(status).sort(),
    conditions: [...new Set((status.conditions ?? []).flatMap((c) => Object.keys(c)))].sort(),
    containers: [...new Set((status.containerStatuses ?? []).flatMap((c) => Object.keys(c)))].sort(),
  };
};

const old: StatusField[] = ['observedGeneration', 'conditions[].observedGeneration', 'hostIPs', 'containerStatuses[].started', 'containerStatuses[].resources', 'containerStatuses[].user'];

describe('status fields an older kubelet did not write', () => {
  const base = created(pod, 0);
  // a pod the API server gave a generation, on a node with an IP (`hostIP`, `hostIPs`)
  const withGeneration: Event = base.type === 'PodCreated' ? { ...base, manifest: { ...base.manifest, metadata: { ...base.manifest.metadata, generation: 1 } } } : base;
  const admitted: Event = { v: 1, type: 'PodAdmitted', at: at(1), source: 'kubelet', pod, node: 'node-1', hostIP: '10.0.0.1' };
  const head = [withGeneration, bound(pod, 1), admitted, ...started(pod, 2)];

  it("v1.36's kubelet writes them all: a fold without a word of them shows them", () => {
    const s = shown(fold(head));
    expect(s.status).toEqual(expect.arrayContaining(['observedGeneration', 'hostIPs']));
    expect(s.conditions).toContain('observedGeneration');
    expect(s.containers).toEqual(expect.arrayContaining(['started', 'resources', 'user']));
  });

  it('a capture naming them leaves them out, and later statuses too, until a capture says they are written again', () => {
    const captured = shown(fold([...head, observed(5, old)]));
    expect(captured.status).not.toContain('observedGeneration');
    expect(captured.status).not.toContain('hostIPs');
    expect(captured.status).toContain('hostIP');
    expect(captured.conditions).not.toContain('observedGeneration');
    for (const key of ['started', 'resources', 'user']) expect(captured.containers).not.toContain(key);
    expect(captured.containers).toContain('ready');

    // a later exit regenerates the status; a capture that says nothing keeps the word before it
    const later = shown(fold([...head, observed(5, old), exited(pod, 8, 1), observed(9)]));
    expect(later.status).not.toContain('observedGeneration');
    expect(later.containers).not.toContain('user');

    const upgraded = shown(fold([...head, observed(5, old), exited(pod, 8, 1), observed(9, [])]));
    expect(upgraded.status).toEqual(expect.arrayContaining(['observedGeneration', 'hostIPs']));
    expect(upgraded.conditions).toContain('observedGeneration');
    expect(upgraded.containers).toEqual(expect.arrayContaining(['started', 'resources', 'user']));
  });
});
