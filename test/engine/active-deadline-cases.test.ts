/**
 * Kubernetes' active deadline cases as data: `pkg/kubelet/active_deadline_test.go :: TestActiveDeadlineHandler`
 * (the only stored copy, of 2017; `active_deadline.go`'s rule, `duration >= allowedDuration` from
 * `status.startTime`, is the one docs/k8s-semantics.md cites for v1.36), put to `deadlineNoticed`: upstream's
 * `ShouldSync` and `ShouldEvict` agree in every case, and here a sync at upstream's "now" either notices the
 * deadline (the `PodDeadlineExceeded` event that makes the status Failed / DeadlineExceeded) or does not.
 */
import { describe, expect, test } from 'vitest';
import { deadlineNoticed } from '../../src/engine/kubelet/deadline.js';
import type { PodSpec } from '../../src/k8s/pod.js';
import type { ContainerBook } from '../../src/engine/state.js';
import type { VirtualMs } from '../../src/engine/world.js';
import { syncedPodBook } from './pod-book.js';

const NOW = 1_000_000 as VirtualMs;
/** Upstream's startTime: a minute before now (the pod's one container running since). */
const startTime = (NOW - 60_000) as VirtualMs;

const podOf = (activeDeadlineSeconds: number | undefined, started: boolean) => {
  const spec: PodSpec = { containers: [{ name: 'foo' }], ...(activeDeadlineSeconds !== undefined && { activeDeadlineSeconds }) };
  const foo: ContainerBook = {
    name: 'foo',
    role: 'regular',
    instances: 1,
    current: { run: 0, containerID: 'containerd://foo', sync: 0, startedAt: startTime, postStartDone: true, kills: [] },
    pulls: 0,
    probes: {},
  };
  return syncedPodBook('12345678', spec, [foo], started ? { startTime } : {});
};

// active_deadline_test.go :: TestActiveDeadlineHandler (newTestPods(4): pods[3] has neither a start time nor a deadline)
const cases: ReadonlyArray<readonly [string, ReturnType<typeof podOf>, boolean]> = [
  ['pods[0]: started a minute ago, deadline 30 s: exceeded', podOf(30, true), true],
  ['pods[1]: started a minute ago, deadline 120 s: not yet', podOf(120, true), false],
  ['pods[2]: started a minute ago, no deadline', podOf(undefined, true), false],
  ['pods[3]: not started, no deadline', podOf(undefined, false), false],
];

describe('active_deadline_test.go :: TestActiveDeadlineHandler', () => {
  test.each(cases)('%s', (_name, pod, expected) => {
    expect(deadlineNoticed(pod, NOW).map((e) => e.type)).toEqual(expected ? ['PodDeadlineExceeded'] : []);
  });
});
