/**
 * kubectlRow on the printPod branches Kubernetes' own tests never reach, each built from the rule in
 * k8s-semantics.md §h. One case, one comment.
 */
import { describe, expect, it } from 'vitest';
import { kubectlRow } from '../../src/printers/pod-row.js';
import type { V1Pod } from '../../src/k8s/pod.js';
import { MINUTE, NOW, SECOND, ago, cs, pod } from './fixtures.js';

const row = (p: V1Pod) => {
  const r = kubectlRow(p, NOW);
  return [r.ready, r.status, r.restarts];
};
const running = { running: { startedAt: ago(MINUTE) } };
const crashed = (exitCode: number, reason: string | undefined, finishedAgo: number) => ({
  terminated: { exitCode, ...(reason === undefined ? {} : { reason }), finishedAt: ago(finishedAgo) },
});
const app = [{ name: 'app' }];
const initAndApp = { initContainers: [{ name: 'init' }, { name: 'init2' }], containers: app };

describe('kubectlRow: branches beyond the Kubernetes cases', () => {
  it('a failed init container shows Init:<terminated reason> and counts only init restarts', () => {
    const p = pod({
      metadata: { name: 'p' },
      ...initAndApp,
      status: {
        phase: 'Pending',
        initContainerStatuses: [cs({ name: 'init', restartCount: 1, state: crashed(1, 'Error', 5 * SECOND), lastState: crashed(1, 'Error', 30 * SECOND) })],
        containerStatuses: [cs({ name: 'app', restartCount: 7, state: { waiting: { reason: 'PodInitializing' } } })],
      },
    });
    expect(row(p)).toEqual(['0/1', 'Init:Error', '1 (30s ago)']);
  });

  it('an init container in back-off shows Init:CrashLoopBackOff', () => {
    const p = pod({
      metadata: { name: 'p' },
      ...initAndApp,
      status: {
        phase: 'Pending',
        initContainerStatuses: [cs({ name: 'init', restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: crashed(1, 'Error', 20 * SECOND) })],
      },
    });
    expect(row(p)).toEqual(['0/1', 'Init:CrashLoopBackOff', '3 (20s ago)']);
  });

  it('an init container killed by a signal without a reason shows Init:Signal:N', () => {
    const p = pod({
      metadata: { name: 'p' },
      ...initAndApp,
      status: { phase: 'Pending', initContainerStatuses: [cs({ name: 'init', state: { terminated: { exitCode: 137, signal: 9 } } })] },
    });
    expect(row(p)).toEqual(['0/1', 'Init:Signal:9', '0']);
  });

  it('an init container that exited non-zero without reason or signal shows Init:ExitCode:N', () => {
    const p = pod({
      metadata: { name: 'p' },
      ...initAndApp,
      status: { phase: 'Pending', initContainerStatuses: [cs({ name: 'init', state: { terminated: { exitCode: 2 } } })] },
    });
    expect(row(p)).toEqual(['0/1', 'Init:ExitCode:2', '0']);
  });

  it('a waiting PodInitializing init container shows Init:i/n, not its reason', () => {
    const p = pod({
      metadata: { name: 'p' },
      ...initAndApp,
      status: {
        phase: 'Pending',
        initContainerStatuses: [
          cs({ name: 'init', state: { terminated: { exitCode: 0, reason: 'Completed' } } }),
          cs({ name: 'init2', state: { waiting: { reason: 'PodInitializing' } } }),
        ],
      },
    });
    expect(row(p)).toEqual(['0/1', 'Init:1/2', '0']);
  });

  it('a crash-looping container shows CrashLoopBackOff with the last restart age', () => {
    const p = pod({
      metadata: { name: 'p' },
      containers: app,
      status: {
        phase: 'Running',
        containerStatuses: [cs({ name: 'app', restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: crashed(1, 'Error', 90 * SECOND) })],
      },
    });
    expect(row(p)).toEqual(['0/1', 'CrashLoopBackOff', '4 (90s ago)']);
  });

  it('a container terminated by a signal without a reason shows Signal:N', () => {
    const p = pod({
      metadata: { name: 'p' },
      containers: app,
      status: { phase: 'Failed', containerStatuses: [cs({ name: 'app', state: { terminated: { exitCode: 143, signal: 15 } } })] },
    });
    expect(row(p)).toEqual(['0/1', 'Signal:15', '0']);
  });

  it('a container terminated without reason or signal shows ExitCode:N', () => {
    const p = pod({
      metadata: { name: 'p' },
      containers: app,
      status: { phase: 'Failed', containerStatuses: [cs({ name: 'app', state: { terminated: { exitCode: 3 } } })] },
    });
    expect(row(p)).toEqual(['0/1', 'ExitCode:3', '0']);
  });

  it('a deleted pod whose node was lost shows Unknown, not Terminating', () => {
    const p = pod({
      metadata: { name: 'p', deletionTimestamp: ago(0) },
      containers: app,
      status: { phase: 'Running', reason: 'NodeLost', containerStatuses: [cs({ name: 'app', ready: true, state: running })] },
    });
    expect(row(p)).toEqual(['1/1', 'Unknown', '0']);
  });

  it('an evicted pod shows Evicted when no container reason overrides it', () => {
    const p = pod({
      metadata: { name: 'p' },
      containers: app,
      status: { phase: 'Failed', reason: 'Evicted', containerStatuses: [cs({ name: 'app', state: running })] },
    });
    expect(row(p)).toEqual(['0/1', 'Evicted', '0']);
  });

  it('an evicted pod whose container was lost shows the container reason', () => {
    const p = pod({
      metadata: { name: 'p' },
      containers: app,
      status: {
        phase: 'Failed',
        reason: 'Evicted',
        containerStatuses: [cs({ name: 'app', state: { terminated: { exitCode: 137, reason: 'ContainerStatusUnknown' } } })],
      },
    });
    expect(row(p)).toEqual(['0/1', 'ContainerStatusUnknown', '0']);
  });

  it('a running pod being deleted shows Terminating even with a container reason', () => {
    const p = pod({
      metadata: { name: 'p', deletionTimestamp: ago(-30 * SECOND) },
      containers: app,
      status: { phase: 'Running', containerStatuses: [cs({ name: 'app', state: { waiting: { reason: 'CrashLoopBackOff' } } })] },
    });
    expect(row(p)).toEqual(['0/1', 'Terminating', '0']);
  });

  it('a failed pod being deleted keeps its status', () => {
    const p = pod({
      metadata: { name: 'p', deletionTimestamp: ago(0) },
      containers: app,
      status: { phase: 'Failed', containerStatuses: [cs({ name: 'app', state: { terminated: { exitCode: 1, reason: 'Error' } } })] },
    });
    expect(row(p)).toEqual(['0/1', 'Error', '0']);
  });

  it('Completed with another container running and ready shows Running when the pod is Ready', () => {
    const p = pod({
      metadata: { name: 'p' },
      containers: [{ name: 'job' }, { name: 'server' }],
      status: {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [
          cs({ name: 'job', state: { terminated: { exitCode: 0, reason: 'Completed' } } }),
          cs({ name: 'server', ready: true, state: running }),
        ],
      },
    });
    expect(row(p)).toEqual(['1/2', 'Running', '0']);
  });

  it('a started ready sidecar counts in READY and its restarts survive initialization', () => {
    const p = pod({
      metadata: { name: 'p' },
      initContainers: [{ name: 'init' }, { name: 'proxy', restartPolicy: 'Always' }],
      containers: app,
      status: {
        phase: 'Running',
        initContainerStatuses: [
          cs({ name: 'init', restartCount: 5, state: { terminated: { exitCode: 0, reason: 'Completed' } }, lastState: crashed(1, 'Error', 10 * MINUTE) }),
          cs({ name: 'proxy', restartCount: 2, started: true, ready: true, state: running, lastState: crashed(1, 'Error', 2 * MINUTE) }),
        ],
        containerStatuses: [cs({ name: 'app', ready: true, state: running })],
      },
    });
    expect(row(p)).toEqual(['2/2', 'Running', '2 (2m ago)']);
  });

  it('the first container in the list with a reason wins the backward walk', () => {
    const p = pod({
      metadata: { name: 'p' },
      containers: [{ name: 'a' }, { name: 'b' }],
      status: {
        phase: 'Pending',
        containerStatuses: [
          cs({ name: 'a', state: { waiting: { reason: 'ImagePullBackOff' } } }),
          cs({ name: 'b', state: { waiting: { reason: 'ContainerCreating' } } }),
        ],
      },
    });
    expect(row(p)).toEqual(['0/2', 'ImagePullBackOff', '0']);
  });

  it('AGE counts from creationTimestamp', () => {
    const p = pod({ metadata: { name: 'p', creationTimestamp: ago(190 * SECOND) }, containers: app, status: { phase: 'Pending' } });
    expect(kubectlRow(p, NOW).age).toBe('3m10s');
  });
});
