/**
 * `spec.activeDeadlineSeconds` (`pkg/kubelet/active_deadline.go :: pastActiveDeadline`, `ShouldSync`,
 * `ShouldEvict`; `kubelet_pods.go :: generateAPIPodStatus`; `kubelet.go :: SyncPod` returning terminal): the
 * first `syncCh` tick at or after startTime + deadline syncs the pod, its status turns Failed /
 * DeadlineExceeded, and every container is stopped with the pod's grace, never restarted.
 */
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import type { PodSpec } from '../../src/k8s/pod.js';
import { kubeEventsFor } from '../../src/printers/index.js';
import { foldCluster } from '../../src/reducers/index.js';
import { created, deleted, node, ofType, offset, run, s, world } from './harness.js';

const deadlinePod = (spec: Partial<PodSpec> = {}, at = 0) =>
  created({ metadata: { name: 'job' }, spec: { activeDeadlineSeconds: 30, terminationGracePeriodSeconds: 10, containers: [{ name: 'app', image: 'busybox:1.36' }], ...spec } }, at);
const ignoresSigterm = world({ onSigterm: () => undefined });

const statusAt = (events: readonly Event[], seconds: number) =>
  [...foldCluster(events.filter((e) => Date.parse(e.at) <= s(seconds))).pods.values()][0]?.pod.status;
const condition = (events: readonly Event[], seconds: number, type: string) => {
  const c = statusAt(events, seconds)?.conditions?.find((x) => x.type === type);
  return c === undefined ? undefined : `${c.status} ${c.reason ?? ''}`.trim();
};

describe('activeDeadlineSeconds', () => {
  it('noticed at the syncCh tick of startTime + deadline: Failed, DeadlineExceeded, the containers stopped with the pod grace', () => {
    const events = run([node('n1'), deadlinePod()], ignoresSigterm, 120);
    expect(ofType(events, 'PodDeadlineExceeded').map(offset)).toEqual([30]);
    expect(ofType(events, 'ContainerKilling').map((e) => [offset(e), e.reason, e.gracePeriodSeconds, e.message])).toEqual([
      [30, 'PodFinished', 10, 'Stopping container app'],
    ]);
    expect(ofType(events, 'ContainerExited').map((e) => [offset(e), e.exitCode])).toEqual([[40, 137]]);
    expect(ofType(events, 'ContainerStarted').map(offset)).toEqual([0]); // restartPolicy Always, yet no restart
    // while the container stops: mergePodStatus holds back the phase, the conditions already say PodFailed
    expect(statusAt(events, 29)?.phase).toBe('Running');
    expect(condition(events, 29, 'Ready')).toBe('True');
    expect(statusAt(events, 35)).toMatchObject({ phase: 'Running' });
    expect(statusAt(events, 35)?.reason).toBeUndefined();
    expect(condition(events, 35, 'Ready')).toBe('False PodFailed');
    expect(condition(events, 35, 'ContainersReady')).toBe('False PodFailed');
    const over = statusAt(events, 60);
    expect(over).toMatchObject({ phase: 'Failed', reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline' });
    expect(over?.containerStatuses?.[0]?.state?.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(condition(events, 60, 'DisruptionTarget')).toBeUndefined();
  });

  it('publishes the final status as the last container exits (SyncTerminatingPod after killPod), not at the next relist', () => {
    const events = run([node('n1'), deadlinePod()], world({ onSigterm: () => ({ afterMs: 2500, code: 0 }) }), 60);
    expect(ofType(events, 'PodSynced').map(offset).filter((t) => t >= 30)).toEqual([30, 32.5]);
    expect(statusAt(events, 32.5)).toMatchObject({ phase: 'Failed', reason: 'DeadlineExceeded' });
  });

  it('counts from the first sync at full precision and waits for the next one-second tick', () => {
    const events = run([node('n1'), deadlinePod({}, 0.5)], world(), 120);
    expect(ofType(events, 'PodDeadlineExceeded').map(offset)).toEqual([31]);
    expect(ofType(events, 'ContainerExited').map(offset)).toEqual([31]);
    expect(statusAt(events, 40)).toMatchObject({ phase: 'Failed', reason: 'DeadlineExceeded' });
  });

  it('a pod waiting in CrashLoopBackOff fails at once (nothing runs), and never restarts', () => {
    const w = world({ containerRun: () => ({ exit: { afterMs: 1000, code: 1 } }) });
    const events = run([node('n1'), deadlinePod()], w, 200);
    expect(ofType(events, 'PodDeadlineExceeded').map(offset)).toEqual([30]);
    expect(ofType(events, 'ContainerStarted').every((e) => offset(e) < 30)).toBe(true);
    expect(statusAt(events, 30)).toMatchObject({ phase: 'Failed', reason: 'DeadlineExceeded' });
    expect(statusAt(events, 200)?.phase).toBe('Failed');
    // ShouldContainerBeRestarted holds restarts back only for a deleted pod: the reason cache's CrashLoopBackOff stays
    // its waiting reason, which TerminatePod marks ContainerStatusUnknown; the real exit is its last state
    const cs = statusAt(events, 200)?.containerStatuses?.[0];
    expect(cs?.state?.terminated).toMatchObject({ exitCode: 137, reason: 'ContainerStatusUnknown' });
    expect(cs?.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
  });

  it('a deadline passing while a sync is blocked in a postStart hook is noticed by the sync after it', () => {
    // the hook holds the first sync until +40 s (pod_workers.go: ShouldSync's update is pending); the next sync
    // waits for a PLEG status newer than that sync (GetNewerThan): at once after a clean sync's on-demand
    // relist, at the next relist (+41 s) after a failed one
    const hooked = deadlinePod({ containers: [{ name: 'app', image: 'busybox:1.36', lifecycle: { postStart: { exec: { command: ['setup'] } } } }] });
    const noticed = (failure?: string) => {
      const events = run([node('n1'), hooked], world({ postStart: () => ({ durationMs: 40_000, ...(failure === undefined ? {} : { failure }) }) }), 120);
      expect(ofType(events, 'PodSynced').map(offset).filter((t) => t > 0 && t < 40)).toEqual([]);
      return ofType(events, 'PodDeadlineExceeded').map(offset);
    };
    expect(noticed()).toEqual([40]);
    expect(noticed('exit code 1')).toEqual([41]);
  });

  it('a deadline passing during a deletion’s grace shows in the final status, generated once the containers are gone (SyncTerminatingPod)', () => {
    // deleted at +20 with 60 s; the app takes 15 s to stop on SIGTERM; the deadline (+30) passes meanwhile
    const events = run([node('n1'), deadlinePod({ terminationGracePeriodSeconds: 60 }), deleted('job', 20, 60)], world({ onSigterm: () => ({ afterMs: 15_000, code: 0 }) }), 90);
    expect(ofType(events, 'ContainerExited').map(offset)).toEqual([35]);
    // no status while the kill runs (the 1 s syncCh ticks only queue an update for the terminating worker)
    expect(ofType(events, 'PodDeadlineExceeded').map(offset)).toEqual([35]);
    expect(statusAt(events, 34)).toMatchObject({ phase: 'Running' });
    const last = events.findIndex((e) => e.type === 'PodRemoved');
    const final = [...foldCluster(events.slice(0, last)).pods.values()][0]?.pod.status;
    expect(final).toMatchObject({ phase: 'Failed', reason: 'DeadlineExceeded' });
    // the kubelet still sends the final delete (status_manager.go :: canBeDeleted): the pod ran when deleted
    expect(ofType(events, 'PodRemoved').map((e) => [offset(e), e.source])).toEqual([[36, 'kubelet']]);
  });

  it('a pod deleted as its deadline passes, nothing running, is deleted by its kubelet after TerminatePod, not by the API server', () => {
    // the image never pulls; deleted at the deadline (+30): the request finds the object Pending (CheckGracefulDelete
    // keeps its grace), and the terminating sync then finds it past its deadline (Failed)
    const w = world({ pull: () => ({ ok: false, message: 'not found' }) });
    const events = run([node('n1'), deadlinePod(), deleted('job', 30, 30)], w, 60);
    expect(ofType(events, 'PodDeadlineExceeded').map(offset)).toEqual([30]);
    const pod = foldCluster(events.filter((e) => e.type !== 'PodRemoved')).pods.get('uid-job')?.pod;
    expect(pod?.metadata).toMatchObject({ deletionGracePeriodSeconds: 30 });
    // status_manager.go :: canBeDeleted waits for TerminatePod (SyncTerminatedPod, the next relist): ContainerStatusUnknown, then the delete
    expect(pod?.status).toMatchObject({ phase: 'Failed', reason: 'DeadlineExceeded' });
    expect(pod?.status?.containerStatuses?.[0]?.state?.terminated).toMatchObject({ reason: 'ContainerStatusUnknown' });
    expect(ofType(events, 'PodRemoved').map((e) => [offset(e), e.source])).toEqual([[31, 'kubelet']]);
  });

  // ShouldEvict records the Event at each status generated past the deadline; the correlator counts them
  const deadlineEvent = (events: readonly Event[]) =>
    kubeEventsFor(events)
      .filter((r) => r.reason === 'DeadlineExceeded')
      .map((r) => [r.count, (Date.parse(r.firstTimestamp) - s(0)) / 1000, (Date.parse(r.lastTimestamp) - s(0)) / 1000]);

  it('records DeadlineExceeded 4 times: the noticing sync and SyncTerminatingPod at once, two more once the kill ends', () => {
    expect(deadlineEvent(run([node('n1'), deadlinePod()], ignoresSigterm, 120))).toEqual([[4, 30, 40]]);
    expect(deadlineEvent(run([node('n1'), deadlinePod()], world(), 120))).toEqual([[4, 30, 30]]);
  });

  it('records it twice for a pod being deleted when its deadline passes: the statuses after the kill', () => {
    const events = run([node('n1'), deadlinePod({ terminationGracePeriodSeconds: 60 }), deleted('job', 20, 60)], world({ onSigterm: () => ({ afterMs: 15_000, code: 0 }) }), 90);
    expect(deadlineEvent(events)).toEqual([[2, 35, 35]]);
  });

  it('a pod that finished before its deadline is left Succeeded', () => {
    const w = world({ containerRun: () => ({ exit: { afterMs: 5000, code: 0 } }) });
    const events = run([node('n1'), deadlinePod({ restartPolicy: 'Never' })], w, 100);
    expect(ofType(events, 'PodDeadlineExceeded')).toEqual([]);
    expect(statusAt(events, 100)?.phase).toBe('Succeeded');
  });
});
