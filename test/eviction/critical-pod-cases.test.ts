/**
 * Kubernetes' critical pod cases as data: `pkg/kubelet/types/pod_update_test.go` (the newest stored copy, with
 * `TestIsNodeCriticalPod`), put to `isStaticPod`, `isMirrorPod` and `isCriticalPod`, the test the eviction
 * manager uses to leave a pod alone. `TestIsCriticalPodBasedOnPriority` is put to `isCriticalPod` of a pod with
 * that priority. Not carried, with the reason beside each: what the project has no counterpart for.
 */
import { describe, expect, test } from 'vitest';
import { isCriticalPod, SYSTEM_CRITICAL_PRIORITY } from '../../src/eviction/critical.js';
import { isMirrorPod, isStaticPod } from '../../src/k8s/static-pods.js';
import type { V1Pod } from '../../src/k8s/pod.js';

/** `getTestPod(annotations, podPriority, priorityClassName)`. */
const getTestPod = (annotations?: Record<string, string>, priority?: number): V1Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'foo', namespace: 'default', ...(annotations !== undefined && { annotations }) },
  spec: { containers: [], ...(priority !== undefined && { priority }) },
});
const configSource = (source: string) => ({ 'kubernetes.io/config.source': source });
const configMirror = { 'kubernetes.io/config.mirror': 'true' };
const systemPriority = SYSTEM_CRITICAL_PRIORITY;
const systemPriorityUpper = systemPriority + 1000;
/** `scheduling.HighestUserDefinablePriority`. */
const highestUserDefinablePriority = 1_000_000_000;

type Case = readonly [name: string, pod: V1Pod, expected: boolean];

const suites: ReadonlyArray<readonly [string, (pod: V1Pod) => boolean, readonly Case[]]> = [
  [
    'TestIsMirrorPod',
    isMirrorPod,
    [
      ['mirror pod', getTestPod(configMirror), true],
      ['not a mirror pod', getTestPod(), false],
    ],
  ],
  [
    'TestIsStaticPod',
    isStaticPod,
    [
      ['static pod with file source', getTestPod(configSource('file')), true],
      ['static pod with http source', getTestPod(configSource('http')), true],
      ['static pod with api server source', getTestPod(configSource('api')), false],
    ],
  ],
  [
    'TestIsCriticalPod',
    isCriticalPod,
    [
      ['critical pod with file source', getTestPod(configSource('file')), true],
      ['critical pod with mirror annotation', getTestPod(configMirror), true],
      ['critical pod using system priority', getTestPod(undefined, systemPriority), true],
      ['critical pod using greater than system priority', getTestPod(undefined, systemPriorityUpper), true],
      ['not a critical pod with api server annotation', getTestPod(configSource('api')), false],
      ['not critical if not static, mirror or without a priority', getTestPod(), false],
    ],
  ],
  [
    'TestIsCriticalPodBasedOnPriority',
    isCriticalPod,
    [
      ['a system critical pod', getTestPod(undefined, systemPriority), true],
      ['a non system critical pod', getTestPod(undefined, highestUserDefinablePriority), false],
    ],
  ],
];

for (const [suite, fn, cases] of suites) {
  describe(`pod_update_test.go :: ${suite}`, () => {
    test.each(cases)('%s', (_name, pod, expected) => {
      expect(fn(pod)).toBe(expected);
    });
  });
}

describe('pod_update_test.go: not carried', () => {
  for (const [name, reason] of [
    ['TestGetValidatedSources', "the kubelet's --config sources: a journal has no kubelet configuration"],
    ['TestGetPodSource', 'the error of a pod without a source annotation: isStaticPod answers false for it, as IsStaticPod does'],
    ['TestString', "SyncPodType's names: the engine has no sync type"],
    ['TestPreemptable', "the kubelet's critical-pod admission preemption is not simulated"],
    ['TestIsNodeCriticalPod', 'system-node-critical matters to node shutdown and admission preemption, neither simulated'],
  ] as const) {
    test.skip(`${name} (not applicable: ${reason})`, () => {});
  }
});
