/**
 * Kubernetes' cases as data on how a condition is updated:
 * - `pkg/kubelet/status/status_manager_test.go :: TestUpdateLastTransitionTime` (`updateLastTransitionTime`), put to
 *   `settle`, which settles each condition the kubelet regenerates against the previous one;
 * - `pkg/api/v1/pod/util_test.go :: TestUpdatePodCondition` (`UpdatePodCondition`, which the API-side writers use),
 *   put to `upsertCondition`: upstream's `true` (changed) is a new status object, `false` the same one.
 * podj's conditions carry no `lastProbeTime` (null, as the kubelet writes them); upstream's cases give the same
 * probe time on both sides, so it decides nothing here.
 */
import { describe, expect, test } from 'vitest';
import { instantOf } from '../../src/k8s/codecs.js';
import type { PodCondition, PodStatus } from '../../src/k8s/pod.js';
import { upsertCondition } from '../../src/reducers/api.js';
import { settle, type ConditionDraft } from '../../src/reducers/conditions.js';

const OLD = '2026-01-01T00:00:00Z';
const NOW = '2026-01-01T00:00:01Z';

interface TransitionCase {
  readonly desc: string;
  readonly condition: ConditionDraft;
  readonly oldCondition?: PodCondition;
  readonly expectUpdate: boolean;
}

// status_manager_test.go :: TestUpdateLastTransitionTime ("should do nothing if no corresponding condition" is
// not stated: every condition the kubelet regenerates is settled, none is missing)
const TestUpdateLastTransitionTime: TransitionCase[] = [
  { desc: 'should update last transition time if no old condition', condition: { type: 'test-type', status: 'True' }, expectUpdate: true },
  {
    desc: 'should update last transition time if condition is changed',
    condition: { type: 'test-type', status: 'True' },
    oldCondition: { type: 'test-type', status: 'False', lastProbeTime: null, lastTransitionTime: OLD },
    expectUpdate: true,
  },
  {
    desc: 'should keep last transition time if condition is not changed',
    condition: { type: 'test-type', status: 'False' },
    oldCondition: { type: 'test-type', status: 'False', lastProbeTime: null, lastTransitionTime: OLD },
    expectUpdate: false,
  },
];

describe('status_manager_test.go :: TestUpdateLastTransitionTime', () => {
  test.each(TestUpdateLastTransitionTime.map((c) => [c.desc, c] as const))('%s', (_, c) => {
    expect(settle(c.condition, c.oldCondition, NOW).lastTransitionTime).toBe(c.expectUpdate ? NOW : OLD);
  });
});

const ready: PodCondition = { type: 'Ready', status: 'True', reason: 'successfully', message: 'sync pod successfully', lastProbeTime: null, lastTransitionTime: OLD };

interface UpdateCase {
  readonly desc: string;
  readonly condition: ConditionDraft;
  readonly expected: boolean;
}

// util_test.go :: TestUpdatePodCondition
const TestUpdatePodCondition: UpdateCase[] = [
  { desc: 'all equal, no update', condition: { type: 'Ready', status: 'True', reason: 'successfully', message: 'sync pod successfully' }, expected: false },
  { desc: 'not equal Type, should get updated', condition: { type: 'PodScheduled', status: 'True', reason: 'successfully', message: 'sync pod successfully' }, expected: true },
  { desc: 'not equal Status, should get updated', condition: { type: 'Ready', status: 'False', reason: 'successfully', message: 'sync pod successfully' }, expected: true },
];

describe('util_test.go (pkg/api/v1/pod) :: TestUpdatePodCondition', () => {
  test.each(TestUpdatePodCondition.map((c) => [c.desc, c] as const))('%s', (_, c) => {
    const status: PodStatus = { conditions: [ready] };
    const updated = upsertCondition(status, c.condition, instantOf(Date.parse(NOW)));
    expect(updated !== status).toBe(c.expected);
    const got = updated.conditions?.find((x) => x.type === c.condition.type);
    expect(got).toMatchObject({ type: c.condition.type, status: c.condition.status, reason: c.condition.reason, message: c.condition.message });
    // UpdatePodCondition keeps the transition time unless the status flips
    expect(got?.lastTransitionTime).toBe(c.condition.type === 'Ready' && c.condition.status === 'True' ? OLD : NOW);
  });
});
