/**
 * DiskPressure and PIDPressure stated by a node condition: the node lifecycle controller's NoSchedule taints
 * (`node_lifecycle_controller.go :: doNoScheduleTaintingPass`, `nodeConditionToTaintKeyStatusMap`) keep pods that
 * do not tolerate them off the node (`tainttoleration.go :: Filter`), and the kubelet refuses every pod bound to it
 * but critical ones (`eviction_manager.go :: Admit`, covered in eviction-manager-cases.test.ts). When the
 * condition clears, the pending pod is scheduled.
 */
import { describe, expect, it } from 'vitest';
import { created, node, nodeCondition, ofType, offset, run, world } from './harness.js';

const pending = (tolerations: { key: string; operator: 'Exists'; effect: 'NoSchedule' }[] = []) =>
  created({ metadata: { name: 'web' }, spec: { tolerations, containers: [{ name: 'app', image: 'app:1', resources: { requests: { cpu: '100m', memory: '64Mi' } } }] } }, 20);

describe.each([
  ['DiskPressure', 'node.kubernetes.io/disk-pressure'],
  ['PIDPressure', 'node.kubernetes.io/pid-pressure'],
])('%s on the only node', (condition, taint) => {
  it('keeps a pod off it (untolerated taint) until the condition clears', () => {
    const events = run([node('n1'), nodeCondition('n1', 10, condition, 'True'), pending(), nodeCondition('n1', 60, condition, 'False')], world(), 70);
    expect(ofType(events, 'PodUnschedulable').map((e) => e.message)).toEqual([
      `0/1 nodes are available: 1 node(s) had untolerated taint {${taint}: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.`,
    ]);
    expect(ofType(events, 'PodBound').map(offset)).toEqual([60]);
  });

  it('schedules a pod that tolerates the taint, and the kubelet still refuses it (Admit reads no toleration but memory-pressure’s)', () => {
    const events = run([node('n1'), nodeCondition('n1', 10, condition, 'True'), pending([{ key: taint, operator: 'Exists', effect: 'NoSchedule' }])], world(), 30);
    expect(ofType(events, 'PodBound').map(offset)).toEqual([20]);
    expect(ofType(events, 'PodRejected').map((e) => [e.reason, e.message])).toEqual([['Evicted', `The node had condition: [${condition}]. `]]);
  });
});
