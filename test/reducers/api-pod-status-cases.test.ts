/**
 * Kubernetes' `generateAPIPodStatus` container-state cases as data: `pkg/kubelet/kubelet_pods_test.go ::
 * TestGenerateAPIPodStatusWithReasonCache` and `TestGenerateAPIPodStatusWithDifferentRestartPolicies`.
 *
 * Upstream hands the kubelet a runtime status listing each container's instances, newest first, and a reason
 * cache; here the instances are events (each one created, started, exited in turn) and the cached reason is a
 * `ContainerStartFailed` with upstream's `test-error` and no message. Upstream's terminated states carry only
 * an exit code (its runtime statuses have no reason or times): those are compared by exit code; a waiting state
 * by reason and message.
 *
 * Every case runs twice, as upstream does: the containers as regular containers, then as init containers
 * (with one regular container `app` that never runs, as a pod needs one).
 */
import { describe, expect, test } from 'vitest';
import type { Container, ContainerState, ContainerStatus, RestartPolicy } from '../../src/k8s/pod.js';
import { PodScript } from './script.js';

/** What upstream's verifyContainerStatuses compares, reduced to what a journal can state. */
type Shown = { readonly waiting: string } | { readonly running: true } | { readonly terminated: number } | undefined;

interface Container1 {
  readonly name: string;
  /** Exit codes of the earlier instances, oldest first; the newest instance's, or 'running'. */
  readonly runs: readonly (number | 'running')[];
  readonly reason?: string;
}

interface Case {
  readonly name: string;
  readonly policy: RestartPolicy;
  readonly containers: readonly Container1[];
  readonly state: Readonly<Record<string, Shown>>;
  readonly lastState: Readonly<Record<string, Shown>>;
  /** Upstream's expectedInitState / expectedInitLastTerminationState, where they differ. */
  readonly initState?: Readonly<Record<string, Shown>>;
  readonly initLastState?: Readonly<Record<string, Shown>>;
  readonly adapted?: string;
  readonly notApplicable?: string;
}

const shown = (s: ContainerState | undefined): Shown => {
  if (s?.waiting !== undefined) return { waiting: s.waiting.reason ?? '' };
  if (s?.running !== undefined) return { running: true };
  if (s?.terminated !== undefined) return { terminated: s.terminated.exitCode };
  return undefined;
};

const TEST_ERROR = 'test-error';

/** Under Never the fold refuses an instance after a termination (`checkContainerStateTransition`). */
const NEVER_ONE_RUN =
  'under Never no second instance follows a termination (the fold refuses it, as checkContainerStateTransition does), so each container has one instance: the state is checked, upstream\'s lastState (from an older instance) cannot arise';

// kubelet_pods_test.go :: TestGenerateAPIPodStatusWithDifferentRestartPolicies (containers "succeed" and
// "failed"; instances exited 2 then 0, and 3 then 1; both with a cached start failure)
const twoRuns: readonly Container1[] = [
  { name: 'succeed', runs: [2, 0], reason: TEST_ERROR },
  { name: 'failed', runs: [3, 1], reason: TEST_ERROR },
];
const TestGenerateAPIPodStatusWithDifferentRestartPolicies: Case[] = [
  {
    name: 'case 0: RestartPolicyNever',
    policy: 'Never',
    containers: [
      { name: 'succeed', runs: [0], reason: TEST_ERROR },
      { name: 'failed', runs: [1], reason: TEST_ERROR },
    ],
    state: { succeed: { terminated: 0 }, failed: { terminated: 1 } },
    lastState: { succeed: { terminated: 2 }, failed: { terminated: 3 } },
    adapted: NEVER_ONE_RUN,
  },
  {
    name: 'case 1: RestartPolicyOnFailure',
    policy: 'OnFailure',
    containers: twoRuns,
    state: { succeed: { terminated: 0 }, failed: { waiting: TEST_ERROR } },
    lastState: { succeed: { terminated: 2 }, failed: { terminated: 1 } },
  },
  {
    name: 'case 2: RestartPolicyAlways',
    policy: 'Always',
    containers: twoRuns,
    state: { succeed: { waiting: TEST_ERROR }, failed: { waiting: TEST_ERROR } },
    lastState: { succeed: { terminated: 0 }, failed: { terminated: 1 } },
    // If the init container is terminated with exit code 0, it won't be restarted even when the restart policy is RestartAlways.
    initState: { succeed: { terminated: 0 }, failed: { waiting: TEST_ERROR } },
    initLastState: { succeed: { terminated: 2 }, failed: { terminated: 1 } },
  },
];

// kubelet_pods_test.go :: TestGenerateAPIPodStatusWithReasonCache (restart policy OnFailure)
const TestGenerateAPIPodStatusWithReasonCache: Case[] = [
  {
    name: 'case 0: no historical record: Waiting, LastTerminationState from the old API status',
    policy: 'OnFailure',
    containers: [
      { name: 'without-old-record', runs: [] },
      { name: 'with-old-record', runs: [] },
    ],
    state: { 'without-old-record': { waiting: 'ContainerCreating' }, 'with-old-record': { waiting: 'ContainerCreating' } },
    lastState: { 'with-old-record': { terminated: 0 } },
    initState: { 'without-old-record': { waiting: 'PodInitializing' }, 'with-old-record': { waiting: 'PodInitializing' } },
    notApplicable:
      'the old API status carries a lastState for a container with no instance; a journal\'s statuses are generated from its events, which cannot state a termination without an instance',
  },
  {
    name: 'case 1: running container: Running, LastTerminationState from the latest terminated status',
    policy: 'OnFailure',
    containers: [{ name: 'running', runs: [1, 'running'] }],
    state: { running: { running: true } },
    lastState: { running: { terminated: 1 } },
  },
  {
    name: 'case 2: terminated containers with and without a recent start error',
    policy: 'OnFailure',
    // Upstream's "succeed" instances are not of a spec container: verifyContainerStatuses never reads them.
    containers: [
      { name: 'without-reason', runs: [3, 1] },
      { name: 'with-reason', runs: [4, 2], reason: TEST_ERROR },
    ],
    state: { 'without-reason': { terminated: 1 }, 'with-reason': { waiting: TEST_ERROR } },
    lastState: { 'without-reason': { terminated: 3 }, 'with-reason': { terminated: 2 } },
  },
  {
    name: 'case 3: unknown container status after running',
    policy: 'OnFailure',
    containers: [{ name: 'unknown', runs: ['running'] }],
    state: { unknown: { terminated: 137 } },
    lastState: { unknown: { running: true } },
    notApplicable: 'a runtime state "unknown": a journal records created, running and exited instances only',
  },
];

/** Events giving each container its instances, then its cached start failure. */
const podFor = (c: Case, asInit: boolean): PodScript => {
  const specs: Container[] = c.containers.map((x) => ({ name: x.name }));
  const p = new PodScript(
    asInit ? { initContainers: specs, containers: [{ name: 'app' }], restartPolicy: c.policy } : { containers: specs, restartPolicy: c.policy },
  ).scheduled();
  for (const x of c.containers) {
    for (const run of x.runs) {
      p.run(x.name);
      if (run !== 'running') p.exited(x.name, run);
    }
  }
  for (const x of c.containers) if (x.reason !== undefined) p.startFailed(x.name, x.reason, '');
  return p;
};

/** Upstream's state and, unless the case cannot have it, its lastState. */
const check = (statuses: readonly ContainerStatus[] | undefined, state: Readonly<Record<string, Shown>>, lastState?: Readonly<Record<string, Shown>>): void => {
  for (const s of statuses ?? []) {
    if (!(s.name in state)) continue;
    expect({ name: s.name, state: shown(s.state) }).toEqual({ name: s.name, state: state[s.name] });
    expect(s.state?.waiting?.message ?? '').toBe('');
    if (lastState !== undefined) expect({ name: s.name, lastState: shown(s.lastState) }).toEqual({ name: s.name, lastState: lastState[s.name] });
  }
};

for (const [suite, cases] of [
  ['TestGenerateAPIPodStatusWithDifferentRestartPolicies', TestGenerateAPIPodStatusWithDifferentRestartPolicies],
  ['TestGenerateAPIPodStatusWithReasonCache', TestGenerateAPIPodStatusWithReasonCache],
] as const) {
  describe(`kubelet_pods_test.go :: ${suite}`, () => {
    for (const c of cases) {
      const note = `${c.adapted !== undefined ? ` (adapted: ${c.adapted})` : ''}${c.notApplicable !== undefined ? ` (not applicable: ${c.notApplicable})` : ''}`;
      const run = c.notApplicable === undefined ? test : test.skip;
      const lastOf = (last: Readonly<Record<string, Shown>>): Readonly<Record<string, Shown>> | undefined => (c.adapted === NEVER_ONE_RUN ? undefined : last);
      run(`${c.name}: containers${note}`, () => {
        check(podFor(c, false).must().status?.containerStatuses, c.state, lastOf(c.lastState));
      });
      run(`${c.name}: init containers${note}`, () => {
        check(podFor(c, true).must().status?.initContainerStatuses, c.initState ?? c.state, lastOf(c.initLastState ?? c.lastState));
      });
    }
  });
}
