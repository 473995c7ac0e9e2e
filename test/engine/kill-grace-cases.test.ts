/**
 * Kubernetes' cases as data: `pkg/kubelet/kuberuntime/kuberuntime_container_test.go :: TestKillContainerGracePeriod`
 * (`setTerminationGracePeriod`: the grace a container's kill gets for its reason). A liveness or startup kill is
 * put to `unhealthyKills` (the sync that kills a container whose probe failed); upstream's `reasonUnknown` takes
 * the branch every other reason takes (the pod's grace), here the kill after a failed postStart hook
 * (`reasonFailedPostStartHook`), put to `decideContainer`.
 */
import { describe, expect, test } from 'vitest';
import type { EventOf, ProbeKind } from '../../src/events/index.js';
import type { Container, PodSpec } from '../../src/k8s/pod.js';
import { decideContainer } from '../../src/engine/containers/decide.js';
import { unhealthyKills } from '../../src/engine/kubelet/unhealthy.js';
import { initialState, type ContainerBook } from '../../src/engine/state.js';
import { syncedPodBook } from './pod-book.js';

type Reason = 'reasonUnknown' | 'reasonLivenessProbe' | 'reasonStartupProbe';

interface Case {
  readonly name: string;
  readonly container: Container;
  readonly podGrace?: number;
  readonly reason: Reason;
  readonly expectedGracePeriod: number;
  readonly notApplicable?: string;
}

const short = 10;
const medium = 30;
const long = 60;
const exec = { exec: { command: ['true'] } };
const probe = (terminationGracePeriodSeconds: number) => ({ ...exec, terminationGracePeriodSeconds });
const foo = (probes: Pick<Container, 'livenessProbe' | 'startupProbe'> = {}): Container => ({ name: 'foo', image: 'busybox', ...probes });

// kuberuntime_container_test.go :: TestKillContainerGracePeriod
const TestKillContainerGracePeriod: Case[] = [
  {
    name: 'default termination grace period',
    container: foo(),
    reason: 'reasonUnknown',
    expectedGracePeriod: 2,
    notApplicable: 'a pod without terminationGracePeriodSeconds: the API server defaults it to 30 (defaults.go :: SetDefaults_PodSpec), so no journal holds one',
  },
  { name: 'use pod termination grace period', container: foo(), podGrace: long, reason: 'reasonUnknown', expectedGracePeriod: long },
  { name: 'liveness probe overrides pod termination grace period', container: foo({ livenessProbe: probe(short) }), podGrace: long, reason: 'reasonLivenessProbe', expectedGracePeriod: short },
  { name: 'startup probe overrides pod termination grace period', container: foo({ startupProbe: probe(short) }), podGrace: long, reason: 'reasonStartupProbe', expectedGracePeriod: short },
  {
    name: 'startup probe overrides pod termination grace period, probe period > pod period',
    container: foo({ startupProbe: probe(long) }),
    podGrace: short,
    reason: 'reasonStartupProbe',
    expectedGracePeriod: long,
  },
  {
    name: 'liveness probe overrides pod termination grace period, probe period > pod period',
    container: foo({ livenessProbe: probe(long) }),
    podGrace: short,
    reason: 'reasonLivenessProbe',
    expectedGracePeriod: long,
  },
  { name: 'non-liveness probe failure, use pod termination grace period', container: foo({ livenessProbe: probe(short) }), podGrace: long, reason: 'reasonUnknown', expectedGracePeriod: long },
  { name: 'non-startup probe failure, use pod termination grace period', container: foo({ startupProbe: probe(short) }), podGrace: long, reason: 'reasonUnknown', expectedGracePeriod: long },
  {
    name: 'all three grace periods set, use pod termination grace period',
    container: foo({ startupProbe: probe(short), livenessProbe: probe(medium) }),
    podGrace: long,
    reason: 'reasonUnknown',
    expectedGracePeriod: long,
  },
  {
    name: 'all three grace periods set, use startup termination grace period',
    container: foo({ startupProbe: probe(short), livenessProbe: probe(medium) }),
    podGrace: long,
    reason: 'reasonStartupProbe',
    expectedGracePeriod: short,
  },
  {
    name: 'all three grace periods set, use liveness termination grace period',
    container: foo({ startupProbe: probe(short), livenessProbe: probe(medium) }),
    podGrace: long,
    reason: 'reasonLivenessProbe',
    expectedGracePeriod: medium,
  },
];

const UID = 'uid-foo';
const NOW = Date.parse('2026-01-01T00:01:00.000Z');

/** The kill the kubelet sends: the failed probe's, or (any other reason) the one after a failed postStart hook. */
const killOf = (c: Case): EventOf<'ContainerKilling'> | undefined => {
  const spec: PodSpec = { containers: [c.container], ...(c.podGrace !== undefined && { terminationGracePeriodSeconds: c.podGrace }) };
  const failed: ProbeKind | undefined = c.reason === 'reasonLivenessProbe' ? 'liveness' : c.reason === 'reasonStartupProbe' ? 'startup' : undefined;
  const book: ContainerBook = {
    name: 'foo',
    role: 'regular',
    instances: 1,
    current: { run: 0, containerID: 'containerd://foo-1', sync: 0, startedAt: NOW - 30_000, postStartDone: failed !== undefined, kills: [] },
    pulls: 0,
    probes: failed === undefined ? {} : { [failed]: { result: 'failure', lastOutcome: 'failure', run: 1 } },
  };
  const pod = syncedPodBook(UID, spec, [book]);
  if (failed !== undefined) return unhealthyKills(pod, NOW)[0];
  const state = { ...initialState(), pods: new Map([[UID, pod]]) };
  const events = decideContainer(state, { kind: 'postStartDone', uid: UID, container: 'foo', answer: { durationMs: 0, failure: 'hook failed' } }, NOW);
  return events.find((e): e is EventOf<'ContainerKilling'> => e.type === 'ContainerKilling');
};

describe('kuberuntime_container_test.go :: TestKillContainerGracePeriod', () => {
  for (const c of TestKillContainerGracePeriod) {
    if (c.notApplicable !== undefined) test.skip(`${c.name} (not applicable: ${c.notApplicable})`, () => {});
    else test(c.name, () => expect(killOf(c)?.gracePeriodSeconds).toBe(c.expectedGracePeriod));
  }
});
