import { describe, expect, it } from 'vitest';
import { created, node, nodeCondition, ofType, offset, run, world } from './harness.js';

const pod = (name: string, tolerationSeconds?: number, at = 0) =>
  created(
    {
    metadata: { name },
    spec: {
      containers: [{ name: 'app', image: 'app:1' }],
      ...(tolerationSeconds === undefined
        ? {}
        : { tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds }] }),
    },
    },
    at,
  );

describe('node lost (node lifecycle controller, taint eviction)', () => {
  const events = run([node('n1'), pod('web'), nodeCondition('n1', 100, 'Ready', 'Unknown')], world({ containerRun: () => ({ exit: { afterMs: 200_000, code: 1 } }) }), 1000);

  it('marks the pods lost at once, and after 300 s of toleration the taint manager deletes them', () => {
    expect(ofType(events, 'PodNodeLost').map((e) => [offset(e), e.pod.name, e.source])).toEqual([[100, 'web', 'controller']]);
    expect(ofType(events, 'PodConditionSet').map((e) => [offset(e), e.conditionType, e.reason, e.message])).toEqual([
      [400, 'DisruptionTarget', 'DeletionByTaintManager', 'Taint manager: deleting due to NoExecute taint'],
    ]);
    expect(ofType(events, 'PodDeletionRequested').map((e) => [offset(e), e.gracePeriodSeconds])).toEqual([[400, 30]]);
  });

  it('keeps the pod: no kubelet is there to stop containers or confirm', () => {
    expect(ofType(events, 'PodRemoved')).toEqual([]);
    expect(events.filter((e) => offset(e) > 100 && (e.source === 'kubelet' || e.source === 'runtime'))).toEqual([]);
  });

  it("uses the pod's own toleration when it has one", () => {
    const own = run([node('n1'), pod('patient', 30), nodeCondition('n1', 100, 'Ready', 'Unknown')], world(), 1000);
    expect(ofType(own, 'PodDeletionRequested').map(offset)).toEqual([130]);
  });

  it('schedules nothing onto the lost node', () => {
    const later = run([node('n1'), nodeCondition('n1', 10, 'Ready', 'Unknown'), pod('late', undefined, 20)], world(), 30);
    expect(ofType(later, 'PodUnschedulable').map((e) => e.message)).toEqual([
      '0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    ]);
  });
});
