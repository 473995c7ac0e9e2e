/**
 * Kubernetes' getPhase cases with the gates on: `pkg/kubelet/kubelet_pods_test.go ::
 * TestPodPhaseWithContainerRestartPolicy`, `TestPodPhaseWithContainerRestartPolicyInitContainers` and
 * `TestPodPhaseWithRestartAllContainers` (commit 001a80e975bb880d0fe60b304d30950fe661f278), through `phaseOf`.
 * Upstream passes one status list to getPhase (looked up by name, the first of a name wins) and
 * `podHasInitialized` true; each case keeps its name, spec and statuses.
 *
 * The `RestartAllContainers` cases read only the termination reason `RestartingAllContainers`, which an
 * imported object can show: they run, although the engine does not simulate that action.
 */
import { describe, expect, test } from 'vitest';
import type { Container, ContainerStatus, PodPhase, PodSpec } from '../../src/k8s/pod.js';
import { phaseOf } from '../../src/k8s/phase.js';
import { failedState, runningState, succeededState, waitingState } from './phase-cases.js';

const failedStateWithExitCode = (name: string, exitCode: number): ContainerStatus => ({ name, state: { terminated: { exitCode } } });
const RESTARTING = { reason: 'RestartingAllContainers', message: 'The container is removed because RestartAllContainers in place' };
const waitingStateWithRestartingAllContainers = (name: string): ContainerStatus => ({
  name,
  state: { waiting: RESTARTING },
  lastState: { terminated: { ...RESTARTING, exitCode: 137 } },
});

interface Case {
  readonly name: string;
  readonly spec: PodSpec;
  readonly statuses: readonly ContainerStatus[];
  readonly want: PodPhase;
}

const c = (name: string, restartPolicy?: Container['restartPolicy']): Container => ({ name, ...(restartPolicy !== undefined && { restartPolicy }) });

// kubelet_pods_test.go :: TestPodPhaseWithContainerRestartPolicy
const containerPolicy: Case[] = [
  { name: 'container with restart policy Never failed', spec: { containers: [c('failed-container', 'Never')], restartPolicy: 'Always' }, statuses: [failedState('failed-container')], want: 'Failed' },
  { name: 'container with restart policy OnFailure failed', spec: { containers: [c('failed-container', 'OnFailure')], restartPolicy: 'Always' }, statuses: [failedState('failed-container')], want: 'Running' },
  { name: 'container with restart policy Always failed', spec: { containers: [c('failed-container', 'Always')], restartPolicy: 'Always' }, statuses: [failedState('failed-container')], want: 'Running' },
  {
    name: 'At least one container with restartable container-level restart policy failed',
    spec: { containers: [c('containerA', 'Always'), c('containerB')], restartPolicy: 'Never' },
    statuses: [succeededState('containerA'), failedState('containerB')],
    want: 'Running',
  },
  {
    name: 'All containers without restartable container-level restart policy failed',
    spec: { containers: [c('containerA', 'Never'), c('containerB', 'OnFailure')], restartPolicy: 'Always' },
    statuses: [failedState('containerA'), succeededState('containerB')],
    want: 'Failed',
  },
  {
    name: 'All containers succeeded',
    spec: { containers: [c('containerA', 'Never'), c('containerB', 'OnFailure')], restartPolicy: 'Always' },
    statuses: [succeededState('containerA'), succeededState('containerB')],
    want: 'Succeeded',
  },
];

// kubelet_pods_test.go :: TestPodPhaseWithContainerRestartPolicyInitContainers
const initPolicy: Case[] = [
  {
    name: 'init container with restart policy Never failed',
    spec: { initContainers: [c('failed-container', 'Never')], containers: [c('container')], restartPolicy: 'Always' },
    statuses: [failedState('failed-container')],
    want: 'Failed',
  },
  {
    name: 'init container with restart policy OnFailure failed',
    spec: { initContainers: [c('failed-container', 'OnFailure')], containers: [c('container')], restartPolicy: 'Never' },
    statuses: [failedState('failed-container')],
    want: 'Pending',
  },
  {
    name: 'container with restart policy Always failed',
    spec: { initContainers: [c('failed-container', 'Always')], containers: [c('container')], restartPolicy: 'Never' },
    statuses: [failedState('failed-container')],
    want: 'Pending',
  },
];

const allRule = { action: 'RestartAllContainers', exitCodes: { operator: 'In', values: [42] } };
const containerWithRule: Container = { name: 'container', restartPolicy: 'Never', restartPolicyRules: [allRule] };
const sidecarContainerWithRule: Container = { name: 'container', restartPolicy: 'Always', restartPolicyRules: [allRule] };
const restarting = waitingStateWithRestartingAllContainers;

// kubelet_pods_test.go :: TestPodPhaseWithRestartAllContainers (every spec's pod policy is Never)
const never = (spec: Omit<PodSpec, 'restartPolicy' | 'containers'> & { containers?: Container[] }): PodSpec => ({ containers: [], ...spec, restartPolicy: 'Never' });
const restartAll: Case[] = [
  { name: 'regular container triggers RestartAllContainers', spec: never({ containers: [containerWithRule] }), statuses: [failedStateWithExitCode('container', 42)], want: 'Running' },
  { name: 'init container triggers RestartAllContainers', spec: never({ initContainers: [containerWithRule] }), statuses: [failedStateWithExitCode('container', 42), waitingState('regular')], want: 'Pending' },
  {
    name: 'sidecar container triggers RestartAllContainers',
    spec: never({ initContainers: [sidecarContainerWithRule], containers: [c('regular')] }),
    statuses: [failedStateWithExitCode('container', 42), waitingState('regular')],
    want: 'Pending',
  },
  {
    name: 'sidecar container triggers RestartAllContainers, kills another init container',
    spec: never({ initContainers: [sidecarContainerWithRule, c('init')], containers: [c('regular')] }),
    statuses: [failedStateWithExitCode('container', 42), waitingState('init'), waitingState('regular')],
    want: 'Pending',
  },
  { name: 'regular container triggers RestartAllContainers, cleaned up', spec: never({ containers: [containerWithRule] }), statuses: [restarting('container')], want: 'Running' },
  { name: 'init container triggers RestartAllContainers, cleaned up', spec: never({ initContainers: [containerWithRule] }), statuses: [restarting('container'), waitingState('regular')], want: 'Pending' },
  {
    name: 'sidecar container triggers RestartAllContainers, cleaned up',
    spec: never({ initContainers: [sidecarContainerWithRule], containers: [c('regular')] }),
    statuses: [restarting('container'), waitingState('regular')],
    want: 'Pending',
  },
  {
    name: 'sidecar container triggers RestartAllContainers, kills another init container, cleaned up',
    spec: never({ initContainers: [sidecarContainerWithRule, c('init')], containers: [c('regular')] }),
    statuses: [restarting('container'), restarting('container'), waitingState('regular')],
    want: 'Pending',
  },
  {
    name: 'regular container triggered RestartAllContainers; init container succeeded',
    spec: never({ initContainers: [c('init')], containers: [containerWithRule] }),
    statuses: [succeededState('init'), restarting('container')],
    want: 'Running',
  },
  {
    name: 'regular container triggered RestartAllContainers; init container failed',
    spec: never({ initContainers: [c('init')], containers: [containerWithRule] }),
    statuses: [failedState('init'), restarting('container')],
    want: 'Failed',
  },
  {
    name: 'init container triggered RestartAllContainers',
    spec: never({ initContainers: [containerWithRule], containers: [c('regular')] }),
    statuses: [failedStateWithExitCode('container', 42), waitingState('regular')],
    want: 'Pending',
  },
  {
    name: 'init container triggered RestartAllContainers; init container succeeds',
    spec: never({ initContainers: [containerWithRule], containers: [c('regular')] }),
    statuses: [succeededState('container'), waitingState('regular')],
    want: 'Pending',
  },
  {
    name: 'sidecar container triggered RestartAllContainers kills regular container',
    spec: never({ initContainers: [sidecarContainerWithRule], containers: [c('regular')] }),
    statuses: [restarting('container'), restarting('regular')],
    want: 'Running',
  },
  {
    name: 'sidecar container triggered RestartAllContainers kills regular container; sidecar running',
    spec: never({ initContainers: [sidecarContainerWithRule], containers: [c('regular')] }),
    statuses: [runningState('container'), restarting('regular')],
    want: 'Running',
  },
  {
    name: 'sidecar container triggered RestartAllContainers; kills init container; sidecar running',
    spec: never({ initContainers: [sidecarContainerWithRule, c('init')], containers: [c('regular')] }),
    statuses: [runningState('container'), restarting('container'), waitingState('regular')],
    want: 'Pending',
  },
];

const suites: ReadonlyArray<readonly [string, Case[]]> = [
  ['TestPodPhaseWithContainerRestartPolicy', containerPolicy],
  ['TestPodPhaseWithContainerRestartPolicyInitContainers', initPolicy],
  ['TestPodPhaseWithRestartAllContainers', restartAll],
];

for (const [suite, cases] of suites) {
  describe(`kubelet_pods_test.go :: ${suite}`, () => {
    test.each(cases.map((x) => [x.name, x] as const))('%s', (_name, x) => {
      const pod = { metadata: { name: 'pod' }, spec: x.spec, status: { containerStatuses: [...x.statuses] } };
      expect(phaseOf(pod, { podIsTerminal: false, podHasInitialized: true })).toBe(x.want);
    });
  });
}
