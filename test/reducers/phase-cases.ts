/**
 * Kubernetes' getPhase cases as data: every `TestPodPhaseWith*` of `pkg/kubelet/kubelet_pods_test.go`
 * (commit 001a80e975bb880d0fe60b304d30950fe661f278) that runs with the feature gates off. Each case keeps
 * the upstream test name and the arguments upstream passes (`podIsTerminal`, `podHasInitialized`).
 *
 * The suites that enable the gates `ContainerRestartRules` / `RestartAllContainersOnContainerExits`
 * (`TestPodPhaseWithContainerRestartPolicy`, `...ContainerRestartPolicyInitContainers`,
 * `...RestartAllContainers`) are in `phase-restart-rules-cases.test.ts`.
 */
import type { Container, ContainerStatus, PodPhase, PodSpec, RestartPolicy } from '../../src/k8s/pod.js';

// The status builders of kubelet_pods_test.go.
export const waitingState = (name: string): ContainerStatus => ({ name, state: { waiting: {} } });
export const waitingStateWithLastTermination = (name: string): ContainerStatus => ({
  name,
  state: { waiting: {} },
  lastState: { terminated: { exitCode: 0 } },
});
export const waitingStateWithNonZeroTermination = (name: string): ContainerStatus => ({
  name,
  state: { waiting: {} },
  lastState: { terminated: { exitCode: -1 } },
});
export const runningState = (name: string): ContainerStatus => ({ name, state: { running: {} } });
export const startedState = (name: string): ContainerStatus => ({ name, state: { running: {} }, started: true });
export const stoppedState = (name: string): ContainerStatus => ({ name, state: { terminated: { exitCode: 0 } } });
export const succeededState = (name: string): ContainerStatus => ({ name, state: { terminated: { exitCode: 0 } } });
export const failedState = (name: string): ContainerStatus => ({ name, state: { terminated: { exitCode: -1 } } });

export interface PhaseCase {
  readonly suite: string;
  readonly name: string;
  readonly spec: PodSpec;
  readonly init: readonly ContainerStatus[];
  readonly regular: readonly ContainerStatus[];
  readonly podIsTerminal: boolean;
  readonly podHasInitialized: boolean;
  readonly want: PodPhase;
}

const AB: Container[] = [{ name: 'containerA' }, { name: 'containerB' }];
const specOf = (restartPolicy: RestartPolicy, initContainers?: Container[], containers: Container[] = AB): PodSpec => ({
  nodeName: 'machine',
  containers,
  restartPolicy,
  ...(initContainers !== undefined ? { initContainers } : {}),
});
const X: Container[] = [{ name: 'containerX' }];
const sidecarX: Container[] = [{ name: 'containerX', restartPolicy: 'Always' }];

type Row = readonly [name: string, init: ContainerStatus[], regular: ContainerStatus[], terminal: boolean, initialized: boolean, want: PodPhase];

const suite = (name: string, spec: PodSpec, rows: readonly Row[]): PhaseCase[] =>
  rows.map(([caseName, init, regular, podIsTerminal, podHasInitialized, want]) => ({
    suite: name,
    name: caseName,
    spec,
    init,
    regular,
    podIsTerminal,
    podHasInitialized,
    want,
  }));

const F = false;
const T = true;

export const phaseCases: readonly PhaseCase[] = [
  ...suite('TestPodPhaseWithRestartAlways', specOf('Always'), [
    ['waiting', [], [], F, F, 'Pending'],
    ['all running', [], [runningState('containerA'), runningState('containerB')], F, F, 'Running'],
    ['all stopped with restart always', [], [stoppedState('containerA'), stoppedState('containerB')], F, F, 'Running'],
    ['all succeeded with restart always, but the pod is terminal', [], [succeededState('containerA'), succeededState('containerB')], T, F, 'Succeeded'],
    ['all stopped with restart always, but the pod is terminal', [], [succeededState('containerA'), failedState('containerB')], T, F, 'Failed'],
    ['mixed state #1 with restart always', [], [runningState('containerA'), stoppedState('containerB')], F, F, 'Running'],
    ['mixed state #2 with restart always', [], [runningState('containerA')], F, F, 'Pending'],
    ['mixed state #3 with restart always', [], [runningState('containerA'), waitingState('containerB')], F, F, 'Pending'],
    ['backoff crashloop container with restart always', [], [runningState('containerA'), waitingStateWithLastTermination('containerB')], F, F, 'Running'],
  ]),
  ...suite('TestPodPhaseWithRestartAlwaysInitContainers', specOf('Always', X), [
    ['empty, waiting', [], [], F, F, 'Pending'],
    ['init container running', [runningState('containerX')], [], F, F, 'Pending'],
    ['init container terminated non-zero', [failedState('containerX')], [], F, F, 'Pending'],
    ['init container waiting, terminated zero', [waitingStateWithLastTermination('containerX')], [], F, F, 'Pending'],
    ['init container waiting, terminated non-zero', [waitingStateWithNonZeroTermination('containerX')], [], F, F, 'Pending'],
    ['init container waiting, not terminated', [waitingState('containerX')], [], F, F, 'Pending'],
    ['init container succeeded', [succeededState('containerX')], [runningState('containerA'), runningState('containerB')], F, F, 'Running'],
  ]),
  ...suite('TestPodPhaseWithRestartAlwaysRestartableInitContainers', specOf('Always', sidecarX), [
    ['empty, waiting', [], [], F, F, 'Pending'],
    ['restartable init container running', [runningState('containerX')], [], F, F, 'Pending'],
    ['restartable init container stopped', [stoppedState('containerX')], [], F, F, 'Pending'],
    ['restartable init container waiting, terminated zero', [waitingStateWithLastTermination('containerX')], [], F, F, 'Pending'],
    ['restartable init container waiting, terminated non-zero', [waitingStateWithNonZeroTermination('containerX')], [], F, F, 'Pending'],
    ['restartable init container waiting, not terminated', [waitingState('containerX')], [], F, F, 'Pending'],
    ['restartable init container started, 1/2 regular container running', [startedState('containerX')], [runningState('containerA')], F, T, 'Pending'],
    [
      'restartable init container started, all regular containers running',
      [startedState('containerX')],
      [runningState('containerA'), runningState('containerB')],
      F,
      T,
      'Running',
    ],
    [
      'restartable init container running, all regular containers running',
      [runningState('containerX')],
      [runningState('containerA'), runningState('containerB')],
      F,
      T,
      'Running',
    ],
    [
      'restartable init container stopped, all regular containers running',
      [stoppedState('containerX')],
      [runningState('containerA'), runningState('containerB')],
      F,
      T,
      'Running',
    ],
    [
      'backoff crashloop restartable init container, all regular containers running',
      [waitingStateWithLastTermination('containerX')],
      [runningState('containerA'), runningState('containerB')],
      F,
      T,
      'Running',
    ],
    [
      'all regular containers succeeded and restartable init container failed with restart always, but the pod is terminal',
      [failedState('containerX')],
      [succeededState('containerA'), succeededState('containerB')],
      T,
      T,
      'Succeeded',
    ],
    [
      'all regular containers succeeded and restartable init container succeeded with restart always, but the pod is terminal',
      [succeededState('containerX')],
      [succeededState('containerA'), succeededState('containerB')],
      T,
      T,
      'Succeeded',
    ],
    [
      're-initializing the pod after the sandbox is recreated',
      [runningState('containerX')],
      [runningState('containerA'), runningState('containerB')],
      F,
      F,
      'Pending',
    ],
  ]),
  ...suite(
    'TestPodPhaseWithRestartAlwaysAndPodHasRun',
    specOf('Always', [{ name: 'containerX' }, { name: 'containerY', restartPolicy: 'Always' }], [{ name: 'containerA' }]),
    [
      [
        'regular init containers, restartable init container and regular container are all running',
        [runningState('containerX'), runningState('containerY')],
        [runningState('containerA')],
        F,
        F,
        'Pending',
      ],
      [
        'regular containers is stopped, restartable init container and regular int container are both running',
        [runningState('containerX'), runningState('containerY')],
        [stoppedState('containerA')],
        F,
        F,
        'Pending',
      ],
      [
        're-created sandbox: regular init container is succeeded, restartable init container is running, old regular containers is stopped',
        [succeededState('containerX'), runningState('containerY')],
        [stoppedState('containerA')],
        F,
        F,
        'Pending',
      ],
      [
        'regular init container is succeeded, restartable init container is running, regular containers is stopped',
        [succeededState('containerX'), runningState('containerY')],
        [stoppedState('containerA')],
        F,
        T,
        'Running',
      ],
      [
        'regular init container is succeeded, restartable init container and regular containers are both running',
        [succeededState('containerX'), runningState('containerY')],
        [runningState('containerA')],
        F,
        T,
        'Running',
      ],
    ],
  ),
  ...suite('TestPodPhaseWithRestartNever', specOf('Never'), [
    ['waiting', [], [], F, F, 'Pending'],
    ['all running with restart never', [], [runningState('containerA'), runningState('containerB')], F, F, 'Running'],
    ['all succeeded with restart never', [], [succeededState('containerA'), succeededState('containerB')], F, F, 'Succeeded'],
    ['all failed with restart never', [], [failedState('containerA'), failedState('containerB')], F, F, 'Failed'],
    ['mixed state #1 with restart never', [], [runningState('containerA'), succeededState('containerB')], F, F, 'Running'],
    ['mixed state #2 with restart never', [], [runningState('containerA')], F, F, 'Pending'],
    ['mixed state #3 with restart never', [], [runningState('containerA'), waitingState('containerB')], F, F, 'Pending'],
  ]),
  ...suite('TestPodPhaseWithRestartNeverInitContainers', specOf('Never', X), [
    ['empty, waiting', [], [], F, F, 'Pending'],
    ['init container running', [runningState('containerX')], [], F, F, 'Pending'],
    ['init container terminated non-zero', [failedState('containerX')], [], F, F, 'Failed'],
    ['init container waiting, terminated zero', [waitingStateWithLastTermination('containerX')], [], F, F, 'Pending'],
    ['init container waiting, terminated non-zero', [waitingStateWithNonZeroTermination('containerX')], [], F, F, 'Failed'],
    ['init container waiting, not terminated', [waitingState('containerX')], [], F, F, 'Pending'],
    ['init container succeeded', [succeededState('containerX')], [runningState('containerA'), runningState('containerB')], F, F, 'Running'],
  ]),
  ...suite('TestPodPhaseWithRestartNeverRestartableInitContainers', specOf('Never', sidecarX), [
    ['empty, waiting', [], [], F, F, 'Pending'],
    ['restartable init container running', [runningState('containerX')], [], F, F, 'Pending'],
    ['restartable init container stopped', [stoppedState('containerX')], [], F, F, 'Pending'],
    ['restartable init container waiting, terminated zero', [waitingStateWithLastTermination('containerX')], [], F, F, 'Pending'],
    ['restartable init container waiting, terminated non-zero', [waitingStateWithNonZeroTermination('containerX')], [], F, F, 'Pending'],
    ['restartable init container waiting, not terminated', [waitingState('containerX')], [], F, F, 'Pending'],
    ['restartable init container started, one main container running', [startedState('containerX')], [runningState('containerA')], F, T, 'Pending'],
    [
      'restartable init container started, main containers succeeded',
      [startedState('containerX')],
      [succeededState('containerA'), succeededState('containerB')],
      F,
      T,
      'Running',
    ],
    [
      'restartable init container re-running, main containers succeeded',
      [runningState('containerX')],
      [succeededState('containerA'), succeededState('containerB')],
      F,
      T,
      'Running',
    ],
    ['all containers succeeded', [succeededState('containerX')], [succeededState('containerA'), succeededState('containerB')], F, T, 'Succeeded'],
    [
      'restartable init container terminated non-zero, main containers succeeded',
      [failedState('containerX')],
      [succeededState('containerA'), succeededState('containerB')],
      F,
      T,
      'Succeeded',
    ],
    [
      'backoff crashloop restartable init container, main containers succeeded',
      [waitingStateWithLastTermination('containerX')],
      [succeededState('containerA'), succeededState('containerB')],
      F,
      T,
      'Succeeded',
    ],
    [
      'backoff crashloop with non-zero restartable init container, main containers succeeded',
      [waitingStateWithNonZeroTermination('containerX')],
      [succeededState('containerA'), succeededState('containerB')],
      F,
      T,
      'Succeeded',
    ],
  ]),
  ...suite('TestPodPhaseWithRestartOnFailure', specOf('OnFailure'), [
    ['waiting', [], [], F, F, 'Pending'],
    ['all running with restart onfailure', [], [runningState('containerA'), runningState('containerB')], F, F, 'Running'],
    ['all succeeded with restart onfailure', [], [succeededState('containerA'), succeededState('containerB')], F, F, 'Succeeded'],
    ['all failed with restart never', [], [failedState('containerA'), failedState('containerB')], F, F, 'Running'],
    ['mixed state #1 with restart onfailure', [], [runningState('containerA'), succeededState('containerB')], F, F, 'Running'],
    ['mixed state #2 with restart onfailure', [], [runningState('containerA')], F, F, 'Pending'],
    ['mixed state #3 with restart onfailure', [], [runningState('containerA'), waitingState('containerB')], F, F, 'Pending'],
    ['backoff crashloop container with restart onfailure', [], [runningState('containerA'), waitingStateWithLastTermination('containerB')], F, F, 'Running'],
  ]),
];
