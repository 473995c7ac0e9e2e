/**
 * Kubernetes' cases as data: `pkg/kubelet/types/pod_status_test.go :: TestPodConditionByKubelet` (gates
 * PodReadyToStartContainersCondition and PodDisruptionConditions on, as in v1.36), put to `isKubeletOwned`, which
 * decides the conditions the status manager's mergePodStatus keeps from the kubelet's status and the ones a
 * scenario's `podCondition` step may not set. Beside upstream's cases, the rest of v1.36's
 * `PodConditionsByKubelet` list (`PodResizeInProgress`, `PodResizePending`), and `DisruptionTarget`, which is only
 * shared by the kubelet (`PodConditionSharedByKubelet`): another writer's stays.
 */
import { describe, expect, test } from 'vitest';
import { isKubeletOwned } from '../../src/k8s/pod-conditions.js';

const TestPodConditionByKubelet = {
  trueCases: ['PodScheduled', 'Ready', 'Initialized', 'ContainersReady', 'PodReadyToStartContainers'],
  // v1.PodConditionType("abcd"), v1.PodConditionType(v1.PodReasonUnschedulable)
  falseCases: ['abcd', 'Unschedulable'],
};

describe('pod_status_test.go :: TestPodConditionByKubelet', () => {
  test.each(TestPodConditionByKubelet.trueCases)('%s is owned by the kubelet', (type) => {
    expect(isKubeletOwned(type)).toBe(true);
  });
  test.each(TestPodConditionByKubelet.falseCases)('%s is not owned by the kubelet', (type) => {
    expect(isKubeletOwned(type)).toBe(false);
  });
});

describe('pod_status.go :: PodConditionsByKubelet, PodConditionSharedByKubelet (v1.36)', () => {
  test.each(['PodResizeInProgress', 'PodResizePending'])('%s is owned by the kubelet', (type) => {
    expect(isKubeletOwned(type)).toBe(true);
  });
  test('DisruptionTarget is only shared: not owned', () => {
    expect(isKubeletOwned('DisruptionTarget')).toBe(false);
  });
});
