/**
 * A pod evicted while its container waits out a crash-loop back-off: nothing runs, so nothing is killed.
 * `kubelet.go :: SyncTerminatingPod` generates a status before `killPod` (`generateAPIPodStatus(…, false)`), then
 * applies the eviction's status function (Failed, `Evicted`, the message, DisruptionTarget); `killPod` has nothing
 * to stop and returns, and the status generated then (`podIsTerminal` true) is the first the status manager lets
 * through as Failed (`status_manager.go :: mergePodStatus` holds a terminal phase, its reason and message and
 * DisruptionTarget back while the pod worker could have running containers, `PodCouldHaveRunningContainers`, until
 * the terminating sync has returned). Both statuses show the container as `convertToAPIContainerStatuses` does:
 * `ShouldContainerBeRestarted` holds restarts back only for a deleted pod, so the reason cache's CrashLoopBackOff
 * stays its waiting reason; `SyncTerminatedPod`'s `TerminatePod`, at the next relist, then marks it ContainerStatusUnknown
 * (section g of docs/k8s-semantics.md).
 */
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import type { Container } from '../../src/k8s/pod.js';
import { foldCluster } from '../../src/reducers/index.js';
import { T0, created, node, ofType, offset, run, s, world } from './harness.js';

const MI = 1n << 20n;
const crash: Container = { name: 'crash', image: 'app:1' };
// Guaranteed, within its request: ranked after the crash-looping pod, whose usage exceeds its request by more (0 > -20Mi)
const hog: Container = { name: 'hog', image: 'app:1', resources: { requests: { memory: '950Mi', cpu: '1' }, limits: { memory: '950Mi', cpu: '1' } } };
/** `crashy` exits 1 two seconds into each run: runs at 0, 3, 15 and 37 s, back-off until 79 s; `hogger` takes 930Mi from 55 s, the cycle at 60 s evicts. */
const scene = () =>
  run(
    [
      node('n1', { cpu: '4', memory: '1Gi', pods: '110' }, 0, { evictionHard: { 'memory.available': '100Mi' } }),
      created({ metadata: { name: 'crashy' }, spec: { containers: [crash] } }),
      created({ metadata: { name: 'hogger' }, spec: { containers: [hog] } }),
    ],
    world({
      containerRun: (p) => (p.name === 'crashy' ? { exit: { afterMs: 2000, code: 1 } } : {}),
      memoryBytes: (p, _c, now) => (p.name === 'hogger' && (now - T0) / 1000 >= 55 ? 930n * MI : 0n),
    }),
    90,
  );

const crashy = (e: Event): boolean => 'pod' in e && e.pod.name === 'crashy';
/** The pod as the API shows it after the first `n` events of the journal. */
const after = (events: readonly Event[], n: number) => [...foldCluster(events.slice(0, n)).pods.values()].find((p) => p.pod.metadata.name === 'crashy')?.pod;
/** Each status the crash-looping pod's syncs publish from `from` seconds on. */
const publishedFrom = (events: readonly Event[], from: number) =>
  events.flatMap((e, i) => (e.type === 'PodSynced' && crashy(e) && offset(e) >= from ? [{ at: offset(e), pod: after(events, i + 1) }] : []));
const condition = (pod: ReturnType<typeof after>, type: string) => {
  const c = pod?.status?.conditions?.find((x) => x.type === type);
  return c === undefined ? undefined : `${c.status} ${c.reason ?? ''}`.trim();
};

describe('a crash-looping pod evicted in its back-off', () => {
  it('is evicted at the 60 s cycle with nothing to kill', () => {
    const events = scene();
    expect(ofType(events, 'PodEvicted').filter(crashy).map(offset)).toEqual([60]);
    expect(ofType(events, 'ContainerKilling').filter(crashy)).toEqual([]);
    expect(ofType(events, 'ContainerStarted').filter(crashy).map(offset)).toEqual([0, 3, 15, 37]);
  });

  it('its final status keeps the cached CrashLoopBackOff until TerminatePod, at the next relist: ContainerStatusUnknown, the last exit as lastState', () => {
    const events = scene();
    const published = publishedFrom(events, 60);
    // kubelet.go :: SyncTerminatedPod, which the pod worker runs once the PLEG has a status newer than the terminating sync
    expect(published.map((p) => p.at)).toEqual([60, 60, 61]);
    expect(published[1]?.pod?.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe('CrashLoopBackOff');
    const last = published.at(-1)?.pod;
    expect(last?.status).toMatchObject({ phase: 'Failed', reason: 'Evicted' });
    const cs = last?.status?.containerStatuses?.[0];
    expect(cs?.state?.terminated).toEqual({ exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated' });
    expect(cs?.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error', finishedAt: '2026-01-01T00:00:39Z' });
    expect(cs?.restartCount).toBe(3);
  });
});

describe('the statuses its terminating sync publishes at the eviction', () => {
  it('first the one generated before killPod, its Failed held back: Running, no reason, the container waiting CrashLoopBackOff', () => {
    const [first, second] = publishedFrom(scene(), 60);
    expect([first?.at, second?.at]).toEqual([60, 60]);
    expect(first?.pod?.status?.phase).toBe('Running');
    expect(first?.pod?.status?.reason).toBeUndefined();
    expect(first?.pod?.status?.message).toBeUndefined();
    const cs = first?.pod?.status?.containerStatuses?.[0];
    expect(cs?.state?.waiting).toEqual({ reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=crash pod=crashy_default(uid-crashy)' });
    expect(cs?.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error', finishedAt: '2026-01-01T00:00:39Z' });
    // generated from the phase getPhase gives (Running), before the status function set Failed
    expect(condition(first?.pod, 'Ready')).toBe('False ContainersNotReady');
    expect(condition(first?.pod, 'PodReadyToStartContainers')).toBe('True');
    expect(condition(first?.pod, 'DisruptionTarget')).toBeUndefined();
  });

  it('then, killPod having returned, the evicted pod: Failed, Evicted, DisruptionTarget, Ready False PodFailed', () => {
    const second = publishedFrom(scene(), 60)[1]?.pod;
    expect(second?.status).toMatchObject({ phase: 'Failed', reason: 'Evicted' });
    expect(second?.status?.message).toMatch(/^The node was low on resource: memory\. /);
    expect(condition(second, 'DisruptionTarget')).toBe('True TerminationByKubelet');
    expect(condition(second, 'Ready')).toBe('False PodFailed');
    expect(condition(second, 'PodReadyToStartContainers')).toBe('False');
  });
});
