/**
 * A pod that finishes by itself (every regular container exited for good under `Never`/`OnFailure`): the `SyncPod`
 * that sees it generates a terminal phase (`kubelet_pods.go :: generateAPIPodStatus` → `getPhase`) and its conditions
 * from it (`status/generate.go`: Ready and ContainersReady False, `PodCompleted` / `PodFailed`; Initialized True,
 * `PodCompleted`). The status manager merges it while the pod worker could still have running containers
 * (`status_manager.go :: mergePodStatus`, `pod_workers.go :: CouldHaveRunningContainers` until `completeTerminating`):
 * the phase, reason and message stay the API's, the sandbox is still up. `SyncTerminatingPod` then finds nothing to
 * kill, stops the sandbox and generates the status again (`podIsTerminal` true), which goes through: Succeeded/Failed,
 * `PodReadyToStartContainers` False. Both at the instant the relist sees the exit. A pod past its active deadline with
 * nothing running does the same with the deadline's Failed.
 */
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import type { PodSpec } from '../../src/k8s/pod.js';
import { foldCluster } from '../../src/reducers/index.js';
import { created, node, ofType, offset, run, world } from './harness.js';

const job = (spec: Partial<PodSpec>) => created({ metadata: { name: 'job' }, spec: { containers: [{ name: 'task', image: 'busybox:1.36' }], ...spec } });
const exitsAfter = (seconds: number, code: number) => world({ containerRun: () => ({ exit: { afterMs: seconds * 1000, code } }) });

/** Each status the pod's syncs publish at `at` seconds, in order. */
const publishedAt = (events: readonly Event[], at: number) =>
  events.flatMap((e, i) => (e.type === 'PodSynced' && offset(e) === at ? [[...foldCluster(events.slice(0, i + 1)).pods.values()][0]?.pod.status] : []));
const conditions = (status: ReturnType<typeof publishedAt>[number]) =>
  Object.fromEntries((status?.conditions ?? []).map((c) => [c.type, `${c.status} ${c.reason ?? ''}`.trim()]));

describe('a pod that finishes by itself', () => {
  it('Succeeded: first the SyncPod status with the phase held back (Running, conditions PodCompleted, sandbox up), then Succeeded', () => {
    const events = run([node('n1'), job({ restartPolicy: 'OnFailure' })], exitsAfter(2, 0), 30);
    expect(ofType(events, 'ContainerExited').map(offset)).toEqual([2]);
    const [held, released, ...rest] = publishedAt(events, 3);
    expect(rest).toEqual([]);
    expect(held?.phase).toBe('Running');
    expect(held?.reason).toBeUndefined();
    expect(conditions(held)).toEqual({
      PodScheduled: 'True',
      PodReadyToStartContainers: 'True',
      Initialized: 'True PodCompleted',
      Ready: 'False PodCompleted',
      ContainersReady: 'False PodCompleted',
    });
    expect(held?.containerStatuses?.[0]?.state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(released?.phase).toBe('Succeeded');
    expect(conditions(released)).toEqual({ ...conditions(held), PodReadyToStartContainers: 'False' });
    // nothing more once the pod is over
    expect(ofType(events, 'PodSynced').filter((e) => offset(e) > 3)).toEqual([]);
  });

  it('Failed under Never: the held-back write shows Ready False PodFailed with phase Running', () => {
    const events = run([node('n1'), job({ restartPolicy: 'Never' })], exitsAfter(2, 1), 30);
    const [held, released] = publishedAt(events, 3);
    expect(held?.phase).toBe('Running');
    expect(conditions(held)).toMatchObject({ PodReadyToStartContainers: 'True', Initialized: 'True', Ready: 'False PodFailed', ContainersReady: 'False PodFailed' });
    expect(released?.phase).toBe('Failed');
    expect(conditions(released)).toMatchObject({ PodReadyToStartContainers: 'False', Ready: 'False PodFailed' });
  });

  it('past its active deadline in a crash-loop back-off (nothing runs): DeadlineExceeded held back, then Failed at the same instant', () => {
    const events = run([node('n1'), job({ activeDeadlineSeconds: 30 })], exitsAfter(1, 1), 60);
    expect(ofType(events, 'PodDeadlineExceeded').map(offset)).toEqual([30]);
    const [held, released, ...rest] = publishedAt(events, 30);
    expect(rest).toEqual([]);
    expect(held?.phase).toBe('Running');
    expect(held?.reason).toBeUndefined();
    expect(conditions(held)).toMatchObject({ PodReadyToStartContainers: 'True', Ready: 'False PodFailed', ContainersReady: 'False PodFailed' });
    expect(released).toMatchObject({ phase: 'Failed', reason: 'DeadlineExceeded' });
    expect(conditions(released)).toMatchObject({ PodReadyToStartContainers: 'False' });
  });
});
