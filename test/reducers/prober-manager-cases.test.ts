/**
 * Kubernetes' cases as data: `pkg/kubelet/prober/prober_manager_test.go :: TestUpdatePodStatus` and
 * `TestUpdatePodStatusWithInitContainers`, through events. Upstream hands `UpdatePodStatus` a status and the
 * probe results cached for each container ID; here each container's state and probe results are journaled
 * (started, `ProbeResultChanged`, exited) and the fold publishes `ready` and `started`. Upstream decides each
 * container alone, so each runs in a pod of its own: the statuses of one upstream pod could not arise from
 * events in one pod (init containers run one after another, a pending startup probe holds the next one).
 */
import { describe, expect, test } from 'vitest';
import type { ProbeKind, ProbeOutcome } from '../../src/events/index.js';
import type { Container, ContainerStatus, PodSpec } from '../../src/k8s/pod.js';
import { PodScript } from './script.js';

const exec = { exec: { command: ['true'] } };
type State = 'running' | 'terminated';

interface Case {
  readonly name: string;
  /** The probes the container has (upstream: the workers `m.workers` lists for it). */
  readonly probes: readonly ProbeKind[];
  /** The results the prober cached for the container's instance (`readinessManager` / `startupManager`). */
  readonly results: readonly (readonly [ProbeKind, ProbeOutcome])[];
  readonly state: State;
  readonly expectReady: boolean;
  /** Upstream checks `started` for init containers only. */
  readonly expectStarted?: boolean;
  /** Why the case cannot be put to the fold. */
  readonly notApplicable?: string;
}

const withProbes = (name: string, probes: readonly ProbeKind[], restartPolicy?: 'Always'): Container => ({
  name,
  image: `${name}:1`,
  ...(restartPolicy !== undefined && { restartPolicy }),
  ...(probes.includes('liveness') && { livenessProbe: exec }),
  ...(probes.includes('readiness') && { readinessProbe: exec }),
  ...(probes.includes('startup') && { startupProbe: exec }),
});

/** Runs the container (and, for a terminated one, exits it with 0) after its probe results. */
const statusOf = (c: Case, role: 'regular' | 'init' | 'sidecar'): ContainerStatus | undefined => {
  const name = 'c';
  const container = withProbes(name, c.probes, role === 'sidecar' ? 'Always' : undefined);
  const spec: PodSpec = role === 'regular' ? { containers: [container] } : { initContainers: [container], containers: [{ name: 'main', image: 'main:1' }] };
  const s = new PodScript(spec).scheduled().pulled(name).run(name);
  for (const [kind, outcome] of c.results) s.probe(name, kind, outcome);
  if (c.state === 'terminated') s.exited(name, 0);
  const status = s.must().status;
  return (role === 'regular' ? status?.containerStatuses : status?.initContainerStatuses)?.find((x) => x.name === name);
};

// prober_manager_test.go :: TestUpdatePodStatus (regular containers; upstream checks `ready`)
const TestUpdatePodStatus: Case[] = [
  { name: 'unprobed_container', probes: ['liveness'], results: [], state: 'running', expectReady: true },
  { name: 'probed_container_ready', probes: ['readiness'], results: [['readiness', 'success']], state: 'running', expectReady: true },
  { name: 'probed_container_pending', probes: ['readiness'], results: [], state: 'running', expectReady: false },
  { name: 'probed_container_unready', probes: ['readiness'], results: [['readiness', 'failure']], state: 'running', expectReady: false },
  { name: 'not_started_container_no_readiness', probes: ['startup'], results: [], state: 'running', expectReady: false },
  { name: 'started_container_no_readiness', probes: ['startup'], results: [['startup', 'success']], state: 'running', expectReady: true },
  { name: 'terminated_container', probes: ['readiness'], results: [['readiness', 'success']], state: 'terminated', expectReady: false },
];

const STARTUP_ON_INIT = 'a startup probe on a non-restartable init container is invalid (validation.go :: validateInitContainers): no journal holds one';

// prober_manager_test.go :: TestUpdatePodStatusWithInitContainers, "init containers"
const initContainers: Case[] = [
  { name: 'not_started_container', probes: ['startup'], results: [], state: 'running', expectStarted: false, expectReady: false, notApplicable: STARTUP_ON_INIT },
  {
    name: 'started_container (no startup probe: started, as upstream\'s cached success)',
    probes: [],
    results: [],
    state: 'running',
    expectStarted: true,
    expectReady: false,
  },
  { name: 'terminated_container', probes: [], results: [], state: 'terminated', expectStarted: false, expectReady: true },
];

// prober_manager_test.go :: TestUpdatePodStatusWithInitContainers, "init container with Always restartPolicy"
const restartableInitContainers: Case[] = [
  { name: 'not_started_container', probes: ['startup'], results: [], state: 'running', expectStarted: false, expectReady: false },
  { name: 'started_container', probes: ['startup'], results: [['startup', 'success']], state: 'running', expectStarted: true, expectReady: true },
  { name: 'terminated_container', probes: [], results: [], state: 'terminated', expectStarted: false, expectReady: false },
];

const check = (c: Case, role: 'regular' | 'init' | 'sidecar'): void => {
  const status = statusOf(c, role);
  expect(status?.ready).toBe(c.expectReady);
  if (c.expectStarted !== undefined) expect(status?.started).toBe(c.expectStarted);
};

const run = (suite: string, cases: readonly Case[], role: 'regular' | 'init' | 'sidecar'): void => {
  describe(suite, () => {
    for (const c of cases) {
      if (c.notApplicable !== undefined) test.skip(`${c.name} (not applicable: ${c.notApplicable})`, () => {});
      else test(c.name, () => check(c, role));
    }
  });
};

run('prober_manager_test.go :: TestUpdatePodStatus', TestUpdatePodStatus, 'regular');
run('prober_manager_test.go :: TestUpdatePodStatusWithInitContainers: init containers', initContainers, 'init');
run('prober_manager_test.go :: TestUpdatePodStatusWithInitContainers: init container with Always restartPolicy', restartableInitContainers, 'sidecar');
