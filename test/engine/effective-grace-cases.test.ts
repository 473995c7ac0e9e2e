/**
 * Kubernetes' grace period cases as data: `pkg/kubelet/pod_workers_test.go :: Test_calculateEffectiveGracePeriod`,
 * through the engine: the grace each container's kill is sent with (`ContainerKilling.gracePeriodSeconds`), the
 * pod's spec grace 30 unless said. A pod with no deletion stops when it is finished (here: past its
 * `activeDeadlineSeconds`), with the spec's grace; a deletion's grace wins; never under 1 s.
 *
 * Left out: the two cases with a `KillPodOptions.PodTerminationGracePeriodSecondsOverride` of 2 and 0: the only
 * override podj's kubelet passes is the hard eviction's 1 s (`immediateEvictionGracePeriodSeconds`,
 * `test/engine/eviction-grace.test.ts`).
 */
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import { created, deleted, node, ofType, run, world } from './harness.js';

interface Case {
  readonly desc: string;
  readonly podSpecTerminationGracePeriodSeconds: number;
  /** A deletion requested at +5 s with this grace; none: the pod is stopped at its active deadline (+10 s). */
  readonly podDeletionGracePeriodSeconds?: number;
  readonly expectedGracePeriod: number;
}

// pod_workers_test.go :: Test_calculateEffectiveGracePeriod
const Test_calculateEffectiveGracePeriod: Case[] = [
  { desc: 'use termination grace period from the spec when no overrides', podSpecTerminationGracePeriodSeconds: 30, expectedGracePeriod: 30 },
  { desc: 'use pod DeletionGracePeriodSeconds when set', podSpecTerminationGracePeriodSeconds: 30, podDeletionGracePeriodSeconds: 5, expectedGracePeriod: 5 },
  { desc: 'use 1 when pod DeletionGracePeriodSeconds is zero', podSpecTerminationGracePeriodSeconds: 30, podDeletionGracePeriodSeconds: 0, expectedGracePeriod: 1 },
  // calculateEffectiveGracePeriod's last rule ("no matter what, we always supply a grace period of 1") for the spec's own 0
  { desc: 'use 1 when the spec grace period is zero and nothing overrides it', podSpecTerminationGracePeriodSeconds: 0, expectedGracePeriod: 1 },
];

const kills = (c: Case): number[] => {
  const external: Event[] = [
    node('n1'),
    created({
      metadata: { name: 'p' },
      spec: { activeDeadlineSeconds: 10, terminationGracePeriodSeconds: c.podSpecTerminationGracePeriodSeconds, containers: [{ name: 'app', image: 'app:1' }] },
    }),
    ...(c.podDeletionGracePeriodSeconds === undefined ? [] : [deleted('p', 5, c.podDeletionGracePeriodSeconds)]),
  ];
  return ofType(run(external, world({ onSigterm: () => undefined }), 60), 'ContainerKilling').map((e) => e.gracePeriodSeconds);
};

describe('pod_workers_test.go :: Test_calculateEffectiveGracePeriod', () => {
  it.each(Test_calculateEffectiveGracePeriod.map((c) => [c.desc, c] as const))('%s', (_, c) => {
    expect(kills(c)).toEqual([c.expectedGracePeriod]);
  });
});
