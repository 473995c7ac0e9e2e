/**
 * A pod with a `RestartAllContainers` rule (gate `RestartAllContainersOnContainerExits`, on in v1.36), as a
 * cluster shows it before any reset: both containers run, and its kubelet publishes `AllContainersRestarting`
 * False (last of its conditions, without observedGeneration: `status/generate.go ::
 * GenerateAllContainersRestartingCondition` sets none). The import takes the condition as the kubelet's own
 * (`pkg/kubelet/types/pod_status.go :: PodConditionByKubelet`), not another writer's, and the fold shows the
 * captured conditions. The fixture is crafted (test/fixtures/import/README.md).
 */
import { describe, expect, it } from 'vitest';
import type { V1Pod } from '../../src/k8s/pod.js';
import { findPod, foldCluster } from '../../src/reducers/index.js';
import { firstListedPod, imported, ours } from './fixtures.js';

const PODS = ours('restart-all-pods.json');

const conditionsOf = (pod: V1Pod | undefined) =>
  (pod?.status?.conditions ?? []).map((c) => ({ type: c.type, status: c.status, lastTransitionTime: c.lastTransitionTime, observedGeneration: c.observedGeneration }));

describe('an imported pod with a RestartAllContainers rule', () => {
  it('takes AllContainersRestarting as the kubelet’s and folds to the captured conditions', async () => {
    const { events } = await imported([PODS]);
    expect(events.filter((e) => e.type === 'PodConditionSet')).toEqual([]);
    const pod = findPod(foldCluster(events), 'rules-demo', 'gang')?.pod;
    expect(pod?.status?.phase).toBe('Running');
    expect(conditionsOf(pod)).toEqual(conditionsOf(firstListedPod(PODS)));
  });
});
