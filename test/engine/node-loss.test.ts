/**
 * Node loss as the v1.36 control plane handles it: node_lifecycle_controller.go :: monitorNodeHealth,
 * tryUpdateNodeHealth (grace 50 s, passes every 5 s), processTaintBaseEviction (taint at the next pass),
 * handleDisruption (no taints while every node is not Ready), controller_utils.go :: MarkPodsNotReady,
 * taint_eviction.go :: addConditionAndDeletePod (DisruptionTarget, then a delete with the pod's grace).
 */
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import { instantOf } from '../../src/k8s/codecs.js';
import { created, node, nodeCondition, ofType, offset, run, s, world } from './harness.js';

const pod = (name: string, nodeName: string, tolerationSeconds?: number, at = 0) =>
  created(
    {
      metadata: { name },
      spec: {
        nodeSelector: { 'kubernetes.io/hostname': nodeName },
        containers: [{ name: 'app', image: 'app:1' }],
        ...(tolerationSeconds === undefined
          ? {}
          : { tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds }] }),
      },
    },
    at,
  );

const hostNode = (name: string, at = 0) => node(name, undefined, at, { labels: { 'kubernetes.io/hostname': name } });
const kubeletStopped = (name: string, at: number): Event => ({ type: 'KubeletStopped', v: 1, at: instantOf(s(at)), source: 'node', node: name });

describe('a kubelet stops posting (node lifecycle and taint-eviction controllers)', () => {
  const forever = world({ containerRun: () => ({ exit: { afterMs: 2_000_000, code: 1 } }) });
  const events = run([hostNode('n1'), hostNode('n2'), pod('web', 'n1'), pod('spare', 'n2'), kubeletStopped('n1', 60)], forever, 1000);

  it('marks the node Unknown at the first 5 s pass more than 50 s after its last lease renewal (tryUpdateNodeHealth)', () => {
    // renewals every 10 s from registration: the last before +60s is +50s; 50 + 50 = 100, strictly after: 105
    expect(ofType(events, 'NodeConditionChanged').filter((e) => e.status !== 'True').map((e) => [offset(e), e.node, e.conditionType, e.status, e.reason, e.message, e.source])).toEqual([
      [105, 'n1', 'Ready', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.', 'controller'],
    ]);
  });

  it("marks the node's pods not ready in the same pass (MarkPodsNotReady), and only them", () => {
    expect(ofType(events, 'PodNodeLost').map((e) => [offset(e), e.pod.name, e.source])).toEqual([[105, 'web', 'controller']]);
  });

  it('observes nothing of the silent kubelet from the moment it stopped', () => {
    const fromWeb = events.filter((e) => offset(e) >= 60 && (e.source === 'kubelet' || e.source === 'runtime') && 'pod' in e && e.pod?.name === 'web');
    expect(fromWeb).toEqual([]);
  });

  it('taints at the next pass and deletes after the 300 s default toleration, with DisruptionTarget first (addConditionAndDeletePod)', () => {
    expect(ofType(events, 'PodConditionSet').map((e) => [offset(e), e.pod.name, e.conditionType, e.reason, e.message])).toEqual([
      [410, 'web', 'DisruptionTarget', 'DeletionByTaintManager', 'Taint manager: deleting due to NoExecute taint'],
    ]);
    expect(ofType(events, 'PodDeletionRequested').map((e) => [offset(e), e.pod.name, e.gracePeriodSeconds])).toEqual([[410, 'web', 30]]);
  });

  it('keeps the object: no kubelet stops the containers or confirms the deletion', () => {
    expect(ofType(events, 'PodRemoved')).toEqual([]);
    expect(ofType(events, 'ContainerKilling')).toEqual([]);
  });

  it("uses the pod's own toleration when it has one", () => {
    const own = run([hostNode('n1'), hostNode('n2'), pod('patient', 'n1', 30), kubeletStopped('n1', 60)], world(), 1000);
    expect(ofType(own, 'PodDeletionRequested').map(offset)).toEqual([140]);
  });

  it("deletes at once a pod whose own toleration of the key does not match the value-less taint: admission added no default (processPodOnNode: not all tolerated)", () => {
    const valued = created(
      {
        metadata: { name: 'picky' },
        spec: {
          nodeSelector: { 'kubernetes.io/hostname': 'n1' },
          containers: [{ name: 'app', image: 'app:1' }],
          tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Equal', value: 'zone-a', effect: 'NoExecute', tolerationSeconds: 600 }],
        },
      },
      0,
    );
    const events = run([hostNode('n1'), hostNode('n2'), valued, kubeletStopped('n1', 60)], world(), 1000);
    // marked Unknown at +105s, tainted at the next pass, +110s: deleted at that pass, not 300 s or 600 s later
    expect(ofType(events, 'PodDeletionRequested').map(offset)).toEqual([110]);
  });

  it('evicts nothing while every node is not Ready (handleDisruption: master disruption mode), and starts the clock when one is Ready again', () => {
    const alone = run([hostNode('n1'), pod('web', 'n1'), kubeletStopped('n1', 60)], world(), 1000);
    expect(ofType(alone, 'PodNodeLost').map(offset)).toEqual([105]);
    expect(ofType(alone, 'PodDeletionRequested')).toEqual([]);
    const joined = run([hostNode('n1'), pod('web', 'n1'), kubeletStopped('n1', 60), hostNode('n2', 200)], world(), 1000);
    // n2 registers at +200s: the next pass after it (on n1's grid) taints, +205s; 300 s later the pod goes
    expect(ofType(joined, 'PodDeletionRequested').map(offset)).toEqual([505]);
  });

  it('marks a node at once when the scenario gives the marking itself (a Ready=Unknown condition)', () => {
    const marked = run([hostNode('n1'), hostNode('n2'), pod('web', 'n1'), nodeCondition('n1', 100, 'Ready', 'Unknown')], world(), 1000);
    expect(ofType(marked, 'PodNodeLost').map(offset)).toEqual([100]);
    expect(ofType(marked, 'PodDeletionRequested').map(offset)).toEqual([405]);
  });

  // kubelet.go :: SyncPod after the node reports Ready again: the deletion the controller made is carried out
  it('when the kubelet comes back, its first sync stops the deleted pod, publishes the final status, and the object goes', () => {
    const back: Event = { ...nodeCondition('n1', 540, 'Ready', 'True'), source: 'node' };
    const returned = run([hostNode('n1'), hostNode('n2'), pod('web', 'n1'), kubeletStopped('n1', 60), back], world(), 600);
    const after = returned.filter((e) => offset(e) >= 540 && 'pod' in e && e.pod?.name === 'web').map((e) => e.type);
    expect(after).toEqual(['PodSynced', 'ContainerKilling', 'ContainerExited', 'PodSynced', 'PodRemoved']);
  });

  it('schedules nothing onto a node once it is marked unreachable', () => {
    const later = run([hostNode('n1'), nodeCondition('n1', 10, 'Ready', 'Unknown'), created({ metadata: { name: 'late' }, spec: { containers: [{ name: 'app', image: 'app:1' }] } }, 20)], world(), 30);
    expect(ofType(later, 'PodUnschedulable').map((e) => e.message)).toEqual([
      '0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    ]);
  });
});
