/**
 * Kubernetes' OS admission cases as data: `pkg/kubelet/lifecycle/predicate_test.go ::
 * TestRejectPodAdmissionBasedOnOSSelector` and `TestRejectPodAdmissionBasedOnOSField`, each pod bound by
 * `spec.nodeName` to a node with the case's labels, on podj's Linux kubelet (`goruntime.GOOS` is `linux`). A
 * rejection is the kubelet's `PodRejected` with `predicate.go :: Admit`'s reason and message; no rejection, the
 * pod is admitted. The OS checks come before the resources (preemption cannot help them).
 */
import { describe, expect, it } from 'vitest';
import type { PodSpec } from '../../src/k8s/pod.js';
import { created, node, ofType, run, world } from './harness.js';

const GOOS = 'linux';
const OS_LABEL = 'kubernetes.io/os';

interface Case {
  readonly name: string;
  readonly podLabels?: Record<string, string>;
  readonly os?: string;
  readonly nodeLabels?: Record<string, string>;
  readonly expectRejection: boolean;
}

// predicate_test.go :: TestRejectPodAdmissionBasedOnOSSelector (its fourth and fifth cases repeat the third's input)
const TestRejectPodAdmissionBasedOnOSSelector: Case[] = [
  { name: 'OS label match', podLabels: { [OS_LABEL]: GOOS }, nodeLabels: { [OS_LABEL]: GOOS }, expectRejection: false },
  { name: 'dummyOS label, but the underlying OS matches', podLabels: { [OS_LABEL]: GOOS }, nodeLabels: { [OS_LABEL]: 'dummyOS' }, expectRejection: false },
  { name: "dummyOS label, but the underlying OS doesn't match", podLabels: { [OS_LABEL]: 'dummyOS' }, nodeLabels: { [OS_LABEL]: 'dummyOS' }, expectRejection: true },
  {
    name: 'OS field mismatch, OS label on node object would be reset to correct value',
    podLabels: { [OS_LABEL]: 'dummyOS' },
    nodeLabels: { [OS_LABEL]: 'dummyOS' },
    expectRejection: true,
  },
  { name: 'No label selector on the pod, should be admitted', nodeLabels: { [OS_LABEL]: 'dummyOS' }, expectRejection: false },
];

// predicate_test.go :: TestRejectPodAdmissionBasedOnOSField
const TestRejectPodAdmissionBasedOnOSField: Case[] = [
  { name: 'OS field match', os: GOOS, expectRejection: false },
  { name: 'OS field mismatch', os: 'dummyOS', expectRejection: true },
  { name: 'no OS field', expectRejection: false },
];

const admission = (c: Case) => {
  const spec: PodSpec = { nodeName: 'n1', containers: [{ name: 'app', image: 'app:1' }], ...(c.os === undefined ? {} : { os: { name: c.os } }) };
  const events = run([node('n1', undefined, 0, { labels: c.nodeLabels ?? {} }), created({ metadata: { name: 'p', labels: c.podLabels ?? {} }, spec })], world(), 1);
  return [...ofType(events, 'PodRejected').map((e) => [e.reason, e.message]), ...ofType(events, 'PodAdmitted').map(() => ['admitted'])];
};

describe.each([
  ['predicate_test.go :: TestRejectPodAdmissionBasedOnOSSelector', TestRejectPodAdmissionBasedOnOSSelector, 'PodOSSelectorNodeLabelDoesNotMatch', "Failed to admit pod as the `kubernetes.io/os` label doesn't match node label"],
  ['predicate_test.go :: TestRejectPodAdmissionBasedOnOSField', TestRejectPodAdmissionBasedOnOSField, 'PodOSNotSupported', "Failed to admit pod as the OS field doesn't match node OS"],
] as const)('%s', (_suite, cases, reason, message) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(admission(c)).toEqual(c.expectRejection ? [[reason, message]] : [['admitted']]);
  });
});

describe('predicate.go :: Admit: the OS checks come first', () => {
  it('a pod for another OS that also does not fit is rejected for its OS', () => {
    const spec: PodSpec = { nodeName: 'n1', os: { name: 'windows' }, containers: [{ name: 'app', image: 'app:1', resources: { requests: { memory: '64Gi' } } }] };
    const events = run([node('n1'), created({ metadata: { name: 'p' }, spec })], world(), 1);
    expect(ofType(events, 'PodRejected').map((e) => e.reason)).toEqual(['PodOSNotSupported']);
  });
});
