/** The page's derivations that follow Kubernetes: node taints from conditions, bands from kubectl's cells. */
import { describe, expect, it } from 'vitest';
import { Interned, podBands, taintsAt } from '../../page/report/lanes.js';
import { podCategory } from '../../page/report/states.js';
import type { NodeLane, PodLane } from '../../src/report/model.js';

const node = (conditions: Record<string, [number, string][]>): NodeLane => ({
  name: 'n1',
  conditions: Object.entries(conditions).map(([type, steps]) => ({ type, steps: steps.map(([at, status]) => ({ at, status })) })),
});

describe('taintsAt', () => {
  // pkg/controller/nodelifecycle/node_lifecycle_controller.go :: nodeConditionToTaintKeyStatusMap, doNoExecuteTaintingPass
  it('follows the node lifecycle controller: Ready False → not-ready, Unknown → unreachable, pressure True → its taint', () => {
    const n = node({ Ready: [[0, 'True'], [10, 'False'], [20, 'Unknown']], MemoryPressure: [[0, 'False'], [15, 'True']] });
    expect(taintsAt(n, 5)).toEqual([]);
    expect(taintsAt(n, 10)).toEqual(['node.kubernetes.io/not-ready']);
    expect(taintsAt(n, 15)).toEqual(['node.kubernetes.io/not-ready', 'node.kubernetes.io/memory-pressure']);
    expect(taintsAt(n, 25)).toEqual(['node.kubernetes.io/unreachable', 'node.kubernetes.io/memory-pressure']);
  });
});

describe('pod bands', () => {
  it('colour Running by READY, Init:N/M as initializing, Init:Error as an error', () => {
    expect(podCategory('Running', '1/1')).toBe('ready');
    expect(podCategory('Running', '0/1')).toBe('notReady');
    expect(podCategory('Init:1/2', '0/1')).toBe('creating');
    expect(podCategory('Init:CrashLoopBackOff', '0/1')).toBe('crashLoop');
    expect(podCategory('Init:ExitCode:3', '0/1')).toBe('error');
    expect(podCategory('OOMKilled', '0/1')).toBe('oom');
  });

  it('end where the pod is removed, and draw no band for a state replaced at the instant it began', () => {
    const cause = { seq: 1, type: 0, source: 0, summary: 0 };
    const statuses = ['Pending', 'ContainerCreating', 'Terminating'];
    const interned = new Interned([''], statuses.map((status) => ({ ready: '0/1', status, restarts: 0 })));
    const row = (status: string) => statuses.indexOf(status);
    const pod: PodLane = {
      namespace: 'default', name: 'p', uid: 'u', containers: [], labels: [], markers: [], memory: [], backoffs: [],
      steps: [
        { at: 0, changes: [], cause, row: row('Pending') },
        { at: 0, changes: [], cause, row: row('ContainerCreating') },
        { at: 5, changes: [], cause, row: row('Terminating') },
        { at: 9, changes: [], cause },
      ],
    };
    expect(podBands(pod, 100, interned).map((b) => [b.from, b.to, b.label])).toEqual([
      [0, 5, 'ContainerCreating 0/1'],
      [5, 9, 'Terminating 0/1'],
    ]);
  });
});
