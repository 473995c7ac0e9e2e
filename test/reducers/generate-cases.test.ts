/**
 * Kubernetes' condition generator cases as data: `pkg/kubelet/status/generate_test.go` as of v1.36 (the
 * version whose `TestGeneratePodReadyToStartContainersCondition` checks the status only: the condition's
 * `PodSandboxNotReady` reason and message came after v1.36, and the v1.36.1 recording in
 * `test/fixtures/real/rolling-update-pods.watch.jsonl` shows a False PodReadyToStartContainers without them).
 * Upstream's tables are unnamed lists (case i); each case here is named by its index and what it holds.
 *
 * Through `kubeletConditions`, which takes one status per spec container, in spec order, as the kubelet's
 * `generateAPIPodStatus` always passes them (`convertToAPIContainerStatuses` gives every spec container a
 * status, a default `waiting` one at least). Upstream cases that leave a spec container without a status
 * ("containers with unknown status"), or that tell a nil status list from an empty one, cannot be put to
 * it: they are listed with `notApplicable` saying why, and skipped.
 */
import { describe, expect, test } from 'vitest';
import type { Container, ContainerStatus, PodCondition, PodPhase, PodSpec } from '../../src/k8s/pod.js';
import { kubeletConditions } from '../../src/reducers/conditions.js';
import { PodScript } from './script.js';

type Status = Pick<ContainerStatus, 'name' | 'state' | 'lastState' | 'ready' | 'started'>;

// The status builders of generate_test.go.
const getReadyStatus = (name: string): Status => ({ name, ready: true });
const getNotReadyStatus = (name: string): Status => ({ name, ready: false });
const getStartedStatus = (name: string): Status => ({ name, ready: false, started: true });
const getNotStartedStatus = (name: string): Status => ({ name, ready: false, started: false });

const sidecar = (name: string): Container => ({ name, restartPolicy: 'Always' });
const named = (...names: string[]): Container[] => names.map((name) => ({ name }));

interface Want {
  readonly status: PodCondition['status'];
  readonly reason?: string;
  readonly message?: string;
}

interface Case {
  readonly name: string;
  readonly spec: PodSpec;
  readonly statuses: readonly Status[];
  readonly phase: PodPhase;
  /** Conditions the kubelet does not own (readiness gates). */
  readonly conditions?: readonly PodCondition[];
  readonly want: Want;
  /** Why the case cannot be put to our generator (it is skipped, not dropped). */
  readonly notApplicable?: string;
}

const MISSING = 'a spec container without a status ("unknown status"): the kubelet never generates one';
const NO_CONTAINERS =
  'a pod without containers (validation requires one); our generator reads no containers as no statuses at all, upstream case 0';

/** The generator's output for one condition type, from statuses given by name as upstream lists them. */
const generate = (c: Case, type: string): Want => {
  const find = (x: Container): Status | undefined => c.statuses.find((s) => s.name === x.name);
  const inits = (c.spec.initContainers ?? []).map(find).filter((s): s is Status => s !== undefined);
  const regular = c.spec.containers.map(find).filter((s): s is Status => s !== undefined);
  const all = kubeletConditions(
    { spec: c.spec, initStatuses: inits, statuses: regular, phase: c.phase, sandboxReady: true, others: c.conditions ?? [] },
    undefined,
    '2026-01-01T00:00:00Z',
  );
  const got = all.find((x) => x.type === type);
  if (got === undefined) throw new Error(`no ${type} condition`);
  return { status: got.status, ...(got.reason !== undefined && { reason: got.reason }), ...(got.message !== undefined && { message: got.message }) };
};

const gate = (conditionType: string, status: PodCondition['status']): PodCondition => ({ type: conditionType, status });
const F = (reason?: string, message?: string): Want => ({ status: 'False', ...(reason !== undefined && { reason }), ...(message !== undefined && { message }) });
const T: Want = { status: 'True' };

/**
 * Cases 0 to 6, which upstream lists alike in TestGenerateContainersReadyCondition and
 * TestGeneratePodReadyCondition (Ready copies ContainersReady's status, reason and message).
 */
const sharedReadyCases: Case[] = [
  { name: 'case 0: no spec, nil statuses', spec: { containers: [] }, statuses: [], phase: 'Running', want: F('UnknownContainerStatuses') },
  { name: 'case 1: no spec, empty statuses', spec: { containers: [] }, statuses: [], phase: 'Running', want: T, notApplicable: NO_CONTAINERS },
  {
    name: 'case 2: one container, no status',
    spec: { containers: named('1234') },
    statuses: [],
    phase: 'Running',
    want: F('ContainersNotReady', 'containers with unknown status: [1234]'),
    notApplicable: MISSING,
  },
  { name: 'case 3: two ready', spec: { containers: named('1234', '5678') }, statuses: [getReadyStatus('1234'), getReadyStatus('5678')], phase: 'Running', want: T },
  {
    name: 'case 4: one ready, one without status',
    spec: { containers: named('1234', '5678') },
    statuses: [getReadyStatus('1234')],
    phase: 'Running',
    want: F('ContainersNotReady', 'containers with unknown status: [5678]'),
    notApplicable: MISSING,
  },
  {
    name: 'case 5: one ready, one not ready',
    spec: { containers: named('1234', '5678') },
    statuses: [getReadyStatus('1234'), getNotReadyStatus('5678')],
    phase: 'Running',
    want: F('ContainersNotReady', 'containers with unready status: [5678]'),
  },
  { name: 'case 6: succeeded pod', spec: { containers: named('1234') }, statuses: [getNotReadyStatus('1234')], phase: 'Succeeded', want: F('PodCompleted') },
];

// generate_test.go :: TestGenerateContainersReadyCondition (compares type, status, reason and message)
const TestGenerateContainersReadyCondition: Case[] = [
  ...sharedReadyCases,
  {
    name: 'case 7: restartable init container without status',
    spec: { initContainers: [sidecar('restartable-init-1')], containers: named('regular-1') },
    statuses: [getReadyStatus('regular-1')],
    phase: 'Running',
    want: F('ContainersNotReady', 'containers with unknown status: [restartable-init-1]'),
    notApplicable: MISSING,
  },
  {
    name: 'case 8: restartable init containers and regular container all ready',
    spec: { initContainers: [sidecar('restartable-init-1'), sidecar('restartable-init-2')], containers: named('regular-1') },
    statuses: [getReadyStatus('restartable-init-1'), getReadyStatus('restartable-init-2'), getReadyStatus('regular-1')],
    phase: 'Running',
    want: T,
  },
  {
    name: 'case 9: second restartable init container without status',
    spec: { initContainers: [sidecar('restartable-init-1'), sidecar('restartable-init-2')], containers: named('regular-1') },
    statuses: [getReadyStatus('restartable-init-1'), getReadyStatus('regular-1')],
    phase: 'Running',
    want: F('ContainersNotReady', 'containers with unknown status: [restartable-init-2]'),
    notApplicable: MISSING,
  },
  {
    name: 'case 10: second restartable init container not ready',
    spec: { initContainers: [sidecar('restartable-init-1'), sidecar('restartable-init-2')], containers: named('regular-1') },
    statuses: [getReadyStatus('restartable-init-1'), getNotReadyStatus('restartable-init-2'), getReadyStatus('regular-1')],
    phase: 'Running',
    want: F('ContainersNotReady', 'containers with unready status: [restartable-init-2]'),
  },
];

/**
 * Upstream's readiness-gate cases (7 to 11) have a spec of gates only, no container, and no statuses. A pod
 * has at least one container, and ours reads none as no statuses (UnknownContainerStatuses, case 0): these
 * cases are put to it with one ready container `1234` added, which leaves ContainersReady True, the only way
 * `GeneratePodReadyCondition` goes on to read the gates. The expected conditions are upstream's.
 */
const gated = (gates: readonly string[]): PodSpec => ({ containers: named('1234'), readinessGates: gates.map((conditionType) => ({ conditionType })) });
const ready1234 = [getReadyStatus('1234')];

// generate_test.go :: TestGeneratePodReadyCondition (compares type, status, reason and message)
const TestGeneratePodReadyCondition: Case[] = [
  ...sharedReadyCases,
  {
    name: 'case 7: readiness gate without its condition',
    spec: gated(['gate1']),
    statuses: ready1234,
    phase: 'Running',
    want: F('ReadinessGatesNotReady', 'corresponding condition of pod readiness gate "gate1" does not exist.'),
  },
  {
    name: 'case 8: readiness gate False',
    spec: gated(['gate1']),
    conditions: [gate('gate1', 'False')],
    statuses: ready1234,
    phase: 'Running',
    want: F('ReadinessGatesNotReady', 'the status of pod readiness gate "gate1" is not "True", but False'),
  },
  { name: 'case 9: readiness gate True', spec: gated(['gate1']), conditions: [gate('gate1', 'True')], statuses: ready1234, phase: 'Running', want: T },
  {
    name: 'case 10: second readiness gate without its condition',
    spec: gated(['gate1', 'gate2']),
    conditions: [gate('gate1', 'True')],
    statuses: ready1234,
    phase: 'Running',
    want: F('ReadinessGatesNotReady', 'corresponding condition of pod readiness gate "gate2" does not exist.'),
  },
  {
    name: 'case 11: second readiness gate False',
    spec: gated(['gate1', 'gate2']),
    conditions: [gate('gate1', 'True'), gate('gate2', 'False')],
    statuses: ready1234,
    phase: 'Running',
    want: F('ReadinessGatesNotReady', 'the status of pod readiness gate "gate2" is not "True", but False'),
  },
  {
    name: 'case 12: both readiness gates True',
    spec: gated(['gate1', 'gate2']),
    conditions: [gate('gate1', 'True'), gate('gate2', 'True')],
    statuses: ready1234,
    phase: 'Running',
    want: T,
  },
  {
    name: 'case 13: readiness gate True but container not ready',
    spec: gated(['gate1']),
    conditions: [gate('gate1', 'True')],
    statuses: [getNotReadyStatus('1234')],
    phase: 'Running',
    want: F('ContainersNotReady', 'containers with unready status: [1234]'),
  },
];

const noInitContainer: PodSpec = { containers: [] };
const oneInitContainer: PodSpec = { initContainers: named('1234'), containers: named('regular') };
const twoInitContainer: PodSpec = { initContainers: named('1234', '5678'), containers: named('regular') };
const oneRestartableInitContainer: PodSpec = { initContainers: [sidecar('1234')], containers: named('regular') };

// generate_test.go :: TestGeneratePodInitializedCondition (compares type, status and reason only; upstream
// runs it with ContainerRestartRules, NodeDeclaredFeatures and RestartAllContainersOnContainerExits on, which
// no case here uses: none has a container-level restart policy other than a sidecar's Always)
const TestGeneratePodInitializedCondition: Case[] = [
  { name: 'case 0: two init containers, nil statuses', spec: twoInitContainer, statuses: [], phase: 'Running', want: F('UnknownContainerStatuses'), notApplicable: MISSING },
  { name: 'case 1: no init container', spec: noInitContainer, statuses: [], phase: 'Running', want: T },
  { name: 'case 2: one init container without status', spec: oneInitContainer, statuses: [], phase: 'Running', want: F('ContainersNotInitialized'), notApplicable: MISSING },
  { name: 'case 3: two init containers ready', spec: twoInitContainer, statuses: [getReadyStatus('1234'), getReadyStatus('5678')], phase: 'Running', want: T },
  {
    name: 'case 4: second init container without status',
    spec: twoInitContainer,
    statuses: [getReadyStatus('1234')],
    phase: 'Running',
    want: F('ContainersNotInitialized'),
    notApplicable: MISSING,
  },
  {
    name: 'case 5: second init container not ready',
    spec: twoInitContainer,
    statuses: [getReadyStatus('1234'), getNotReadyStatus('5678')],
    phase: 'Running',
    want: F('ContainersNotInitialized'),
  },
  { name: 'case 6: succeeded pod', spec: oneInitContainer, statuses: [getReadyStatus('1234')], phase: 'Succeeded', want: { status: 'True', reason: 'PodCompleted' } },
  { name: 'case 7: restartable init container not started', spec: oneRestartableInitContainer, statuses: [getNotStartedStatus('1234')], phase: 'Pending', want: F('ContainersNotInitialized') },
  { name: 'case 8: restartable init container started', spec: oneRestartableInitContainer, statuses: [getStartedStatus('1234')], phase: 'Running', want: T },
  {
    name: 'case 9: restartable init container not started, regular container running',
    spec: oneRestartableInitContainer,
    statuses: [getNotStartedStatus('1234'), { name: 'regular', ready: false, state: { running: {} } }],
    phase: 'Running',
    want: T,
  },
  {
    name: 'case 10: init container waiting, regular container terminated',
    spec: oneInitContainer,
    statuses: [
      { name: '1234', ready: false, state: { waiting: {} } },
      { name: 'regular', ready: false, state: { terminated: { exitCode: 0 } } },
    ],
    phase: 'Running',
    want: T,
  },
];

const suites: readonly (readonly [string, string, readonly Case[], boolean])[] = [
  ['TestGenerateContainersReadyCondition', 'ContainersReady', TestGenerateContainersReadyCondition, true],
  ['TestGeneratePodReadyCondition', 'Ready', TestGeneratePodReadyCondition, true],
  ['TestGeneratePodInitializedCondition', 'Initialized', TestGeneratePodInitializedCondition, false],
];

for (const [suite, type, cases, withMessage] of suites) {
  describe(`generate_test.go :: ${suite}`, () => {
    for (const c of cases) {
      const run = c.notApplicable === undefined ? test : test.skip;
      run(`${c.name}${c.notApplicable !== undefined ? ` (not applicable: ${c.notApplicable})` : ''}`, () => {
        const got = generate(c, type);
        expect(withMessage ? got : { status: got.status, reason: got.reason }).toEqual(withMessage ? c.want : { status: c.want.status, reason: c.want.reason });
      });
    }
  });
}

// generate_test.go :: TestGeneratePodReadyToStartContainersCondition (compares type and status). The runtime's
// sandbox statuses are what a journal records as events: no SandboxCreated yet, or one with the pod's IP.
describe('generate_test.go :: TestGeneratePodReadyToStartContainersCondition', () => {
  const app: PodSpec = { containers: named('app'), restartPolicy: 'Always' };
  const sandboxCondition = (p: PodScript): PodCondition['status'] | undefined =>
    p.must().status?.conditions?.find((x) => x.type === 'PodReadyToStartContainers')?.status;

  test('Empty pod status', () => {
    expect(sandboxCondition(new PodScript(app).created().bound().admitted())).toBe('False');
  });
  test.skip('Pod sandbox status not ready (not applicable: a journal records a sandbox only as created; its teardown at the end is covered in termination.test.ts)', () => {});
  test('Pod sandbox status ready but no IP configured', () => {
    expect(sandboxCondition(new PodScript(app).created().bound().admitted().sandbox(''))).toBe('False');
  });
  test('a ready sandbox with no network status yet (no podIP): True, no IP until PodIPAssigned', () => {
    const script = new PodScript(app).created().bound().admitted().sandboxWithoutIP();
    expect([sandboxCondition(script), script.must().status?.podIP]).toEqual(['True', undefined]);
    expect(script.ipAssigned('10.244.0.27').must().status).toMatchObject({ podIP: '10.244.0.27', podIPs: [{ ip: '10.244.0.27' }] });
  });
  test('Pod sandbox status ready and IP configured', () => {
    expect(sandboxCondition(new PodScript(app).created().bound().admitted().sandbox('10.0.0.10'))).toBe('True');
  });
});
