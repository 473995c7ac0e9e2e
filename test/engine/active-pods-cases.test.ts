/**
 * Kubernetes' cases as data: `pkg/kubelet/kubelet_test.go :: TestFilterOutInactivePods` (`kubelet_pods.go ::
 * filterOutInactivePods`, the pods `GetActivePods` hands the eviction manager), put to `activePodsOn`. Upstream
 * sets each pod's API phase and tells its fake pod workers which pods are known terminated or still terminating;
 * here each pod is the kubelet's book of it in that state: a container that exited for good (terminal), a
 * deletion with a container still running, a pod the kubelet rejected, a deleted pod whose containers are all gone
 * (known terminated), an evicted pod whose container still runs (terminal, its termination under way).
 */
import { describe, expect, test } from 'vitest';
import type { Container } from '../../src/k8s/pod.js';
import { activePodsOn } from '../../src/engine/kubelet/active.js';
import { initialState, type ContainerBook, type Instance, type PodBook } from '../../src/engine/state.js';
import { syncedPodBook } from './pod-book.js';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const running: Instance = { run: 0, containerID: 'containerd://c-1', sync: 1, startedAt: T0, postStartDone: true, kills: [] };
const exited = (code: number): Instance => ({ ...running, exit: { at: T0 + 5000, code } });
const book = (current?: Instance): ContainerBook => ({ name: 'c', role: 'regular', instances: current === undefined ? 0 : 1, pulls: 0, probes: {}, ...(current !== undefined && { current }) });
const container: Container = { name: 'c', image: 'busybox:1.36' };

const podOf = (name: string, restartPolicy: 'Always' | 'Never', current: Instance | undefined, extra: Partial<PodBook> = {}): PodBook => ({
  ...syncedPodBook(`uid-${name}`, { restartPolicy, containers: [container] }, [book(current)], extra),
  ref: { namespace: 'default', name, uid: `uid-${name}` },
});

const deletion = { at: T0 + 10_000, graceSeconds: 30, over: false };

// kubelet_test.go :: TestFilterOutInactivePods
const pods: readonly (readonly [pod: PodBook, active: boolean, what: string])[] = [
  [podOf('pod0', 'Never', exited(1)), false, 'terminal pods are excluded: Failed'],
  [podOf('pod1', 'Never', exited(0)), false, 'terminal pods are excluded: Succeeded'],
  [podOf('pod2', 'Always', running, { deletion }), true, "deleted pod is included unless it's known to be terminated"],
  [podOf('pod3', 'Always', undefined), true, 'pending and running pods are included: Pending'],
  [podOf('pod4', 'Always', running), true, 'pending and running pods are included: Running'],
  [podOf('pod5', 'Always', undefined, { admitted: false, rejectedAt: 0 }), false, 'pod that is running but has been rejected by admission is excluded'],
  [podOf('pod6', 'Always', exited(137), { deletion }), false, 'pod that is running according to the api but is known terminated is excluded'],
  [podOf('pod7', 'Always', running, { evicted: true }), true, 'pod that is failed but still terminating is included (it may still be consuming resources)'],
];

describe('kubelet_test.go :: TestFilterOutInactivePods', () => {
  test('expected: pods[2], pods[3], pods[4], pods[7]', () => {
    const state = { ...initialState(), pods: new Map(pods.map(([p]) => [p.ref.uid, p] as const)) };
    expect(activePodsOn(state, 'node-1').map((p) => p.ref.name)).toEqual(pods.filter(([, active]) => active).map(([p]) => p.ref.name));
  });
});
