/**
 * Kubernetes' `GenerateAllContainersRestartingCondition` cases as data: `pkg/kubelet/status/generate_test.go ::
 * TestGenerateAllContainersRestartingCondition` (gates ContainerRestartRules, NodeDeclaredFeatures and
 * RestartAllContainersOnContainerExits on), through events. Upstream's pod: `container1`, and `trigger` with
 * its own restartPolicy Never and a `RestartAllContainers` rule on exit 42; each case's runtime statuses, old
 * status and phase are what the events below lead to. The condition is appended after PodScheduled, and only
 * for a pod with such a rule (`kubelet_pods.go :: generateAPIPodStatus`, `AllContainersCouldRestart`).
 */
import { describe, expect, test } from 'vitest';
import type { PodSpec } from '../../src/k8s/pod.js';
import { PodScript } from './script.js';

const rule42 = { action: 'RestartAllContainers', exitCodes: { operator: 'In', values: [42] } };
const spec = (restartPolicy: PodSpec['restartPolicy'] = 'Always'): PodSpec => ({
  restartPolicy,
  containers: [{ name: 'container1' }, { name: 'trigger', restartPolicy: 'Never', restartPolicyRules: [rule42] }],
});

const condition = (p: PodScript) => {
  const status = p.must().status;
  const c = status?.conditions?.find((x) => x.type === 'AllContainersRestarting');
  return c === undefined ? undefined : { status: c.status, ...(c.reason !== undefined && { reason: c.reason }), ...(c.message !== undefined && { message: c.message }) };
};

const started = { status: 'True', reason: 'RestartAllContainersStarted', message: 'container exited with restart policy rule' };
const running = () => new PodScript(spec()).scheduled().run('container1').run('trigger');

describe('generate_test.go :: TestGenerateAllContainersRestartingCondition', () => {
  const cases: ReadonlyArray<readonly [string, () => PodScript, object]> = [
    ['pod pending', () => new PodScript(spec()).scheduled(), { status: 'False' }],
    ['pod failed', () => new PodScript(spec('Never')).scheduled().run('container1').run('trigger').exited('trigger', 1).exited('container1', 1), { status: 'False', reason: 'PodFailed' }],
    ['pod succeeded', () => new PodScript(spec('Never')).scheduled().run('container1').run('trigger').exited('trigger', 0).exited('container1', 0), { status: 'False', reason: 'PodCompleted' }],
    ['container triggers RestartAllContainers rule', () => running().exited('trigger', 42), started],
    ['container triggres RestartAllContainers rule, cleaning up', () => running().exited('trigger', 42).exited('container1', 137), started],
    ['container triggres RestartAllContainers rule, cleaned up', () => running().exited('trigger', 42).exited('container1', 137).containerRemoved('container1').containerRemoved('trigger'), { status: 'False' }],
  ];
  test.each(cases)('%s', (_name, script, expected) => {
    expect(condition(script())).toEqual(expected);
  });

  test('is last, after PodScheduled, without observedGeneration, and absent for a pod without such a rule', () => {
    const conditions = running().must().status?.conditions ?? [];
    expect(conditions.map((c) => c.type).slice(-2)).toEqual(['PodScheduled', 'AllContainersRestarting']);
    // the generator sets none, where the others carry the pod's generation (PodObservedGenerationTracking)
    expect(conditions.map((c) => c.observedGeneration).slice(-2)).toEqual([1, undefined]);
    const plain = new PodScript({ containers: [{ name: 'container1' }] }).scheduled().run('container1');
    expect(plain.must().status?.conditions?.map((c) => c.type)).not.toContain('AllContainersRestarting');
  });
});
