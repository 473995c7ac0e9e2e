/**
 * Kubernetes' `computePodActions` cases as data: `pkg/kubelet/kuberuntime/kuberuntime_manager_test.go ::
 * TestComputePodActions`, `TestComputePodActionsWithInitContainers`,
 * `TestComputePodActionsWithRestartableInitContainers`, `TestComputePodActionsWithInitAndEphemeralContainers` and
 * `TestComputePodActionsWithContainerRestartRules` (regular containers with their own `restartPolicy`; upstream
 * also reruns the first two suites with the gate on, as these always run), put to `containersToStart`
 * (upstream's `InitContainersToStart` then `ContainersToStart`, by name).
 *
 * Upstream's base pods (`makeBasePodAndStatus`: regular containers `foo1..3` running, no init containers;
 * `makeBasePodAndStatusWithInitContainers`, `...WithRestartableInitContainers`): init
 * containers `init1..3` all exited (code 0), or sidecars `restartable-init-1..3` all running (2 and 3 with
 * liveness and startup probes, both Success); regular containers `foo1..3` without any instance; the sandbox
 * ready. Each case mutates a copy, as upstream's `mutatePodFn` / `mutateStatusFn` do.
 *
 * Not carried, with the reason beside each: what `containersToStart` does not decide (KillPod and
 * CreateSandbox for a dead sandbox, which a journal has no event for; the kills for a failed probe, which are
 * `unhealthyKills`'; a changed container definition, as a pod's spec never changes in a journal), and runtime
 * states the engine never holds (created but not started: the engine creates and starts in one step;
 * unknown).
 */
import { describe, expect, test } from 'vitest';
import type { Container, Probe, RestartPolicy } from '../../src/k8s/pod.js';
import { containersToStart } from '../../src/engine/kubelet/plan.js';
import type { ContainerBook, Instance, PodBook } from '../../src/engine/state.js';
import { syncedPodBook } from './pod-book.js';

type Runtime = 'running' | { readonly exited: number };

interface Case {
  readonly name: string;
  readonly policy?: RestartPolicy;
  /** Regular containers' own `restartPolicy` (gate `ContainerRestartRules`), by name. */
  readonly own?: Readonly<Record<string, RestartPolicy>>;
  /** The runtime state of each container that has one (others have no instance). */
  readonly runtime: Readonly<Record<string, Runtime>>;
  /** Startup results that are not Success (upstream's startupManager), by container. */
  readonly startup?: Readonly<Record<string, 'none' | 'unknown'>>;
  readonly initToStart: readonly string[];
  readonly toStart: readonly string[];
  readonly notApplicable?: string;
}

const probe: Probe = { exec: { command: ['true'] } };

const instance = (r: Runtime): Instance => ({
  run: 0,
  containerID: 'containerd://x',
  sync: 0,
  startedAt: 0,
  postStartDone: true,
  ...(r === 'running' ? {} : { exit: { at: 1, code: r.exited } }),
  kills: [],
});

const podOf = (initContainers: Container[], c: Case): PodBook => {
  const containers: Container[] = ['foo1', 'foo2', 'foo3'].map((name) => {
    const own = c.own?.[name];
    return own === undefined ? { name } : { name, restartPolicy: own };
  });
  const spec = { initContainers, containers, ...(c.policy !== undefined && { restartPolicy: c.policy }) };
  const book = (x: Container, role: ContainerBook['role']): ContainerBook => {
    const r = c.runtime[x.name];
    const startup = c.startup?.[x.name];
    return {
      name: x.name,
      role,
      instances: r === undefined ? 0 : 1,
      ...(r !== undefined && { current: instance(r) }),
      pulls: 0,
      probes: x.startupProbe === undefined ? {} : { startup: { run: 0, ...(startup === undefined && { result: 'success' as const }) } },
    };
  };
  return syncedPodBook('12345678', spec, [
    ...initContainers.map((x) => book(x, x.restartPolicy === 'Always' ? 'sidecar' : 'init')),
    ...containers.map((x) => book(x, 'regular')),
  ]);
};

const exited = (code: number): Runtime => ({ exited: code });
const allExited = { init1: exited(0), init2: exited(0), init3: exited(0) };
const DEAD_SANDBOX = 'a dead sandbox (KillPod, CreateSandbox): a journal has no event for a sandbox dying, and syncPod, not containersToStart, creates one';
const CREATED = 'a container created but not started: the engine creates and starts in one step';
const UNKNOWN = 'a runtime state "unknown": the engine holds created, running and exited instances only';
const PROBE_KILL = 'a probe failure: unhealthyKills kills the container, and it restarts once it has exited';

// kuberuntime_manager_test.go :: TestComputePodActionsWithInitContainers
const TestComputePodActionsWithInitContainers: Case[] = [
  { name: 'initialization completed; start all containers', runtime: allExited, initToStart: [], toStart: ['foo1', 'foo2', 'foo3'] },
  { name: 'no init containers have been started; start the first one', runtime: {}, initToStart: ['init1'], toStart: [] },
  { name: 'initialization in progress; do nothing', policy: 'Always', runtime: { ...allExited, init3: 'running' }, initToStart: [], toStart: [] },
  { name: 'Kill pod and restart the first init container if the pod sandbox is dead', policy: 'Always', runtime: allExited, initToStart: ['init1'], toStart: [], notApplicable: DEAD_SANDBOX },
  {
    name: 'initialization failed; restart the last init container if RestartPolicy == Always',
    policy: 'Always',
    runtime: { ...allExited, init3: exited(137) },
    initToStart: ['init3'],
    toStart: [],
  },
  {
    name: 'initialization failed; restart the last init container if RestartPolicy == OnFailure',
    policy: 'OnFailure',
    runtime: { ...allExited, init3: exited(137) },
    initToStart: ['init3'],
    toStart: [],
  },
  { name: 'initialization failed; kill pod if RestartPolicy == Never', policy: 'Never', runtime: { ...allExited, init3: exited(137) }, initToStart: [], toStart: [] },
  { name: 'init container state unknown; kill and recreate the last init container if RestartPolicy == Always', runtime: allExited, initToStart: ['init3'], toStart: [], notApplicable: UNKNOWN },
  { name: 'init container state unknown; kill and recreate the last init container if RestartPolicy == OnFailure', runtime: allExited, initToStart: ['init3'], toStart: [], notApplicable: UNKNOWN },
  { name: 'init container state unknown; kill pod if RestartPolicy == Never', runtime: allExited, initToStart: [], toStart: [], notApplicable: UNKNOWN },
  { name: 'Pod sandbox not ready, init container failed, but RestartPolicy == Never; kill pod only', runtime: allExited, initToStart: [], toStart: [], notApplicable: DEAD_SANDBOX },
  {
    name: 'Pod sandbox not ready, and RestartPolicy == Never, but no visible init containers;  create a new pod sandbox',
    runtime: {},
    initToStart: ['init1'],
    toStart: [],
    notApplicable: DEAD_SANDBOX,
  },
  {
    name: 'Pod sandbox not ready, init container failed, and RestartPolicy == OnFailure; create a new pod sandbox',
    runtime: allExited,
    initToStart: ['init1'],
    toStart: [],
    notApplicable: DEAD_SANDBOX,
  },
  {
    name: "some of the init container statuses are missing but the last init container is running, don't restart preceding ones",
    policy: 'Always',
    runtime: { init3: 'running' },
    initToStart: [],
    toStart: [],
  },
  {
    name: 'an init container is in the created state due to an unknown error when starting container; restart it',
    runtime: allExited,
    initToStart: ['init3'],
    toStart: [],
    notApplicable: CREATED,
  },
];

const running = { 'restartable-init-1': 'running', 'restartable-init-2': 'running', 'restartable-init-3': 'running' } as const;
const only = (...names: (keyof typeof running)[]): Record<string, Runtime> => Object.fromEntries(names.map((n) => [n, 'running' as const]));
const allMain = (r: Runtime): Record<string, Runtime> => ({ foo1: r, foo2: r, foo3: r });

// kuberuntime_manager_test.go :: TestComputePodActionsWithRestartableInitContainers (upstream's liveness
// results play no part in what starts, only in kills; the cases that differ only by them are kept)
const TestComputePodActionsWithRestartableInitContainers: Case[] = [
  { name: 'initialization completed; start all containers', runtime: running, initToStart: [], toStart: ['foo1', 'foo2', 'foo3'] },
  { name: 'no init containers have been started; start the first one', runtime: {}, initToStart: ['restartable-init-1'], toStart: [] },
  { name: 'an init container is stuck in the created state; restart it', policy: 'Always', runtime: running, initToStart: ['restartable-init-3'], toStart: [], notApplicable: CREATED },
  {
    name: 'restartable init container has started; start the next',
    policy: 'Always',
    runtime: only('restartable-init-1'),
    initToStart: ['restartable-init-2'],
    toStart: [],
  },
  {
    name: 'livenessProbe has not been run; start the nothing',
    policy: 'Always',
    runtime: only('restartable-init-1', 'restartable-init-2'),
    initToStart: ['restartable-init-3'],
    toStart: [],
  },
  {
    name: 'livenessProbe in progress; start the next',
    policy: 'Always',
    runtime: only('restartable-init-1', 'restartable-init-2'),
    initToStart: ['restartable-init-3'],
    toStart: [],
  },
  {
    name: 'livenessProbe has completed; start the next',
    policy: 'Always',
    runtime: only('restartable-init-1', 'restartable-init-2'),
    initToStart: ['restartable-init-3'],
    toStart: [],
  },
  {
    name: 'kill and recreate the restartable init container if the liveness check has failed',
    policy: 'Always',
    runtime: running,
    initToStart: ['restartable-init-3'],
    toStart: ['foo1', 'foo2', 'foo3'],
    notApplicable: PROBE_KILL,
  },
  {
    name: 'startupProbe has not been run; do nothing',
    policy: 'Always',
    runtime: only('restartable-init-1', 'restartable-init-2'),
    startup: { 'restartable-init-2': 'none' },
    initToStart: [],
    toStart: [],
  },
  {
    name: 'startupProbe in progress; do nothing',
    policy: 'Always',
    runtime: only('restartable-init-1', 'restartable-init-2'),
    startup: { 'restartable-init-2': 'unknown' },
    initToStart: [],
    toStart: [],
  },
  {
    name: 'startupProbe has completed; start the next',
    policy: 'Always',
    runtime: only('restartable-init-1', 'restartable-init-2'),
    initToStart: ['restartable-init-3'],
    toStart: [],
  },
  {
    name: 'kill and recreate the restartable init container if the startup check has failed',
    policy: 'Always',
    runtime: running,
    initToStart: ['restartable-init-3'],
    toStart: [],
    notApplicable: PROBE_KILL,
  },
  {
    name: 'kill and recreate the restartable init container if the container definition changes',
    policy: 'Always',
    runtime: running,
    initToStart: ['restartable-init-3'],
    toStart: ['foo1', 'foo2', 'foo3'],
    notApplicable: 'a changed container definition: a pod\'s spec never changes in a journal',
  },
  {
    name: 'restart terminated restartable init container and next init container',
    policy: 'Always',
    runtime: { 'restartable-init-1': exited(0), 'restartable-init-2': 'running', 'restartable-init-3': exited(0) },
    initToStart: ['restartable-init-1', 'restartable-init-3'],
    toStart: [],
  },
  {
    name: 'restart terminated restartable init container and regular containers',
    policy: 'Always',
    runtime: { ...running, 'restartable-init-1': exited(0) },
    initToStart: ['restartable-init-1'],
    toStart: ['foo1', 'foo2', 'foo3'],
  },
  { name: 'Pod sandbox not ready, restartable init container failed, but RestartPolicy == Never; kill pod only', policy: 'Never', runtime: running, initToStart: [], toStart: [], notApplicable: DEAD_SANDBOX },
  {
    name: 'Pod sandbox not ready, and RestartPolicy == Never, but no visible restartable init containers;  create a new pod sandbox',
    policy: 'Never',
    runtime: {},
    initToStart: ['restartable-init-1'],
    toStart: [],
    notApplicable: DEAD_SANDBOX,
  },
  {
    name: 'Pod sandbox not ready, restartable init container failed, and RestartPolicy == OnFailure; create a new pod sandbox',
    policy: 'OnFailure',
    runtime: running,
    initToStart: ['restartable-init-1'],
    toStart: [],
    notApplicable: DEAD_SANDBOX,
  },
  {
    name: 'Pod sandbox not ready, restartable init container failed, and RestartPolicy == Always; create a new pod sandbox',
    policy: 'Always',
    runtime: running,
    initToStart: ['restartable-init-1'],
    toStart: [],
    notApplicable: DEAD_SANDBOX,
  },
  {
    name: "initialization failed; restart the last restartable init container even if pod's RestartPolicy == Never",
    policy: 'Never',
    runtime: { ...running, 'restartable-init-3': exited(137) },
    initToStart: ['restartable-init-3'],
    toStart: [],
  },
  {
    name: "restartable init container state unknown; kill and recreate the last restartable init container even if pod's RestartPolicy == Never",
    policy: 'Never',
    runtime: running,
    initToStart: ['restartable-init-3'],
    toStart: [],
    notApplicable: UNKNOWN,
  },
  {
    name: "restart restartable init container if regular containers are running even if pod's RestartPolicy == Never",
    policy: 'Never',
    runtime: { ...running, 'restartable-init-3': exited(137), ...allMain('running') },
    initToStart: ['restartable-init-3'],
    toStart: [],
  },
  {
    name: "kill the pod if all main containers succeeded if pod's RestartPolicy == Never",
    policy: 'Never',
    runtime: { ...running, ...allMain(exited(0)) },
    initToStart: [],
    toStart: [],
    notApplicable: 'KillPod for a pod whose regular containers all succeeded: podTerminal, not containersToStart, stops its sidecars (PodFinished)',
  },
];

const SPEC_CHANGED = "a changed container definition (hash): a journal's pod spec never changes once created";
const NO_SANDBOX_IP = 'a sandbox without an IP (KillPod, CreateSandbox): syncPod makes a new sandbox, not containersToStart';
const allRunning = { foo1: 'running', foo2: 'running', foo3: 'running' } as const;

// kuberuntime_manager_test.go :: TestComputePodActions (makeBasePodAndStatus: foo1..3 running, no restart
// policy, which restarts like Always)
const TestComputePodActions: Case[] = [
  { name: 'everything is good; do nothing', runtime: allRunning, initToStart: [], toStart: [] },
  // Upstream also creates the sandbox (CreateSandbox, KillPod); here the sandbox is already made, as a
  // journal's SandboxCreated comes first: what is left is starting every container.
  { name: 'start pod sandbox and all containers for a new pod', runtime: {}, initToStart: [], toStart: ['foo1', 'foo2', 'foo3'] },
  {
    name: 'restart exited containers if RestartPolicy == Always',
    policy: 'Always',
    runtime: { ...allRunning, foo1: exited(0), foo2: exited(111) },
    initToStart: [],
    toStart: ['foo1', 'foo2'],
  },
  {
    name: 'restart failed containers if RestartPolicy == OnFailure',
    policy: 'OnFailure',
    runtime: { ...allRunning, foo1: exited(0), foo2: exited(111) },
    initToStart: [],
    toStart: ['foo2'],
  },
  { name: 'restart created but not started containers if RestartPolicy == OnFailure', policy: 'OnFailure', runtime: allRunning, initToStart: [], toStart: ['foo2'], notApplicable: CREATED },
  { name: "don't restart containers if RestartPolicy == Never", policy: 'Never', runtime: { ...allRunning, foo1: exited(0), foo2: exited(111) }, initToStart: [], toStart: [] },
  { name: 'Kill pod and recreate everything if the pod sandbox is dead, and RestartPolicy == Always', policy: 'Always', runtime: allRunning, initToStart: [], toStart: ['foo1', 'foo2', 'foo3'], notApplicable: DEAD_SANDBOX },
  {
    name: 'Kill pod and recreate all containers (except for the succeeded one) if the pod sandbox is dead, and RestartPolicy == OnFailure',
    policy: 'OnFailure',
    runtime: allRunning,
    initToStart: [],
    toStart: ['foo1', 'foo3'],
    notApplicable: DEAD_SANDBOX,
  },
  { name: 'Kill pod and recreate all containers if the PodSandbox does not have an IP', runtime: allRunning, initToStart: [], toStart: ['foo1', 'foo2', 'foo3'], notApplicable: NO_SANDBOX_IP },
  { name: "Kill and recreate the container if the container's spec changed", policy: 'Always', runtime: allRunning, initToStart: [], toStart: ['foo2'], notApplicable: SPEC_CHANGED },
  { name: 'Kill and recreate the container if the liveness check has failed', policy: 'Always', runtime: allRunning, initToStart: [], toStart: ['foo2'], notApplicable: PROBE_KILL },
  { name: 'Kill and recreate the container if the startup check has failed', policy: 'Always', runtime: allRunning, initToStart: [], toStart: ['foo2'], notApplicable: PROBE_KILL },
  {
    name: 'Verify we do not create a pod sandbox if no ready sandbox for pod with RestartPolicy=Never and all containers exited',
    policy: 'Never',
    runtime: { foo1: exited(0), foo2: exited(0), foo3: exited(0) },
    initToStart: [],
    toStart: [],
    notApplicable: DEAD_SANDBOX,
  },
  {
    name: 'Verify we do not create a pod sandbox if no ready sandbox for pod with RestartPolicy=OnFailure and all containers succeeded',
    policy: 'OnFailure',
    runtime: { foo1: exited(0), foo2: exited(0), foo3: exited(0) },
    initToStart: [],
    toStart: [],
    notApplicable: DEAD_SANDBOX,
  },
  {
    name: 'Verify we create a pod sandbox if no ready sandbox for pod with RestartPolicy=Never and no containers have ever been created',
    policy: 'Never',
    runtime: {},
    initToStart: [],
    toStart: ['foo1', 'foo2', 'foo3'],
    notApplicable: DEAD_SANDBOX,
  },
  { name: 'Kill and recreate the container if the container is in unknown state', policy: 'Never', runtime: allRunning, initToStart: [], toStart: ['foo2'], notApplicable: UNKNOWN },
  { name: 'Restart the container if the container is in created state', policy: 'Never', runtime: allRunning, initToStart: [], toStart: ['foo2'], notApplicable: CREATED },
];

const EPHEMERAL = 'an ephemeral container (kubectl debug): the engine runs none, so there is no EphemeralContainersToStart to compare';
const initDone = { ...allRunning, init1: exited(0) };

// kuberuntime_manager_test.go :: TestComputePodActionsWithInitAndEphemeralContainers (the newest stored copy, with
// the LegacySidecarContainers gate). Upstream's base pod (makeBasePodAndStatusWithInitAndEphemeralContainers):
// init1 exited, foo1..3 running, and the ephemeral container debug running. The engine holds no ephemeral
// container, so its base pod here is the rest; cases about starting or leaving an ephemeral container are
// skipped, the others compare what upstream expects of the init and regular containers.
const TestComputePodActionsWithInitAndEphemeralContainers: Case[] = [
  { name: 'steady state; do nothing; ignore ephemeral container', runtime: initDone, initToStart: [], toStart: [] },
  { name: 'No ephemeral containers running; start one', runtime: initDone, initToStart: [], toStart: [], notApplicable: EPHEMERAL },
  { name: 'Start second ephemeral container', runtime: initDone, initToStart: [], toStart: [], notApplicable: EPHEMERAL },
  { name: 'Ephemeral container exited; do not restart', policy: 'Always', runtime: initDone, initToStart: [], toStart: [], notApplicable: EPHEMERAL },
  // upstream also starts the ephemeral container (EphemeralContainersToStart [0]); nothing else starts
  { name: 'initialization in progress; start ephemeral container', runtime: { ...allRunning, init1: 'running' }, initToStart: [], toStart: [] },
  {
    name: 'Create a new pod sandbox if the pod sandbox is dead, init container failed and RestartPolicy == OnFailure',
    policy: 'OnFailure',
    runtime: { init1: exited(137) },
    initToStart: ['init1'],
    toStart: [],
    notApplicable: DEAD_SANDBOX,
  },
  { name: 'Kill pod and do not restart ephemeral container if the pod sandbox is dead', policy: 'Always', runtime: initDone, initToStart: ['init1'], toStart: [], notApplicable: DEAD_SANDBOX },
  // upstream: KillPod (podTerminal's PodFinished here); no container starts
  { name: 'Kill pod if all containers exited except ephemeral container', policy: 'Never', runtime: { ...allMain(exited(0)), init1: exited(0) }, initToStart: [], toStart: [] },
  { name: 'Ephemeral container is in unknown state; leave it alone', policy: 'Never', runtime: initDone, initToStart: [], toStart: [], notApplicable: UNKNOWN },
];

// kuberuntime_manager_test.go :: TestComputePodActionsWithContainerRestartRules (read from a port that models
// it case by case: the stored copies of the Go test hold only its patch)
const TestComputePodActionsWithContainerRestartRules: Case[] = [
  {
    name: 'restart exited containers if RestartPolicy == Always',
    policy: 'Never',
    own: { foo1: 'Always', foo2: 'Always' },
    runtime: { ...allRunning, foo1: exited(0), foo2: exited(111) },
    initToStart: [],
    toStart: ['foo1', 'foo2'],
  },
  {
    name: 'restart failed containers if RestartPolicy == OnFailure',
    policy: 'Never',
    own: { foo1: 'OnFailure', foo2: 'OnFailure' },
    runtime: { ...allRunning, foo1: exited(0), foo2: exited(111) },
    initToStart: [],
    toStart: ['foo2'],
  },
  {
    name: 'restart created but not started containers if RestartPolicy == OnFailure',
    policy: 'Never',
    own: { foo1: 'OnFailure', foo2: 'OnFailure' },
    runtime: { ...allRunning, foo1: exited(0) },
    initToStart: [],
    toStart: ['foo2'],
    notApplicable: CREATED,
  },
  {
    name: "don't restart containers if RestartPolicy == Never",
    policy: 'Always',
    own: { foo1: 'Never', foo2: 'Never' },
    runtime: { ...allRunning, foo1: exited(0), foo2: exited(111) },
    initToStart: [],
    toStart: [],
  },
  {
    name: 'Kill pod and recreate all containers (except for the succeeded one) if the pod sandbox is dead',
    policy: 'Always',
    own: { foo2: 'OnFailure' },
    runtime: { ...allRunning, foo2: exited(0) },
    initToStart: [],
    toStart: ['foo1', 'foo3'],
    notApplicable: DEAD_SANDBOX,
  },
];

const initContainers: Container[] = [{ name: 'init1', image: 'bar-image' }, { name: 'init2', image: 'bar-image' }, { name: 'init3', image: 'bar-image' }];
const restartableInitContainers: Container[] = [
  { name: 'restartable-init-1', image: 'bar-image', restartPolicy: 'Always' },
  { name: 'restartable-init-2', image: 'bar-image', restartPolicy: 'Always', livenessProbe: probe, startupProbe: probe },
  { name: 'restartable-init-3', image: 'bar-image', restartPolicy: 'Always', livenessProbe: probe, startupProbe: probe },
];

for (const [suite, inits, cases] of [
  ['TestComputePodActions', [], TestComputePodActions],
  ['TestComputePodActionsWithInitContainers', initContainers, TestComputePodActionsWithInitContainers],
  ['TestComputePodActionsWithRestartableInitContainers', restartableInitContainers, TestComputePodActionsWithRestartableInitContainers],
  ['TestComputePodActionsWithInitAndEphemeralContainers', [{ name: 'init1', image: 'bar-image' }], TestComputePodActionsWithInitAndEphemeralContainers],
  ['TestComputePodActionsWithContainerRestartRules', [], TestComputePodActionsWithContainerRestartRules],
] as const) {
  describe(`kuberuntime_manager_test.go :: ${suite}`, () => {
    for (const c of cases) {
      (c.notApplicable === undefined ? test : test.skip)(`${c.name}${c.notApplicable !== undefined ? ` (not applicable: ${c.notApplicable})` : ''}`, () => {
        const names = containersToStart(podOf([...inits], c)).map((x) => x.name);
        expect(names).toEqual([...c.initToStart, ...c.toStart]);
      });
    }
  });
}
