/**
 * What the API shows while an evicted pod's containers stop (`eviction_manager.go :: evictPod` kills through
 * the pod worker with a status function; `kubelet.go :: SyncTerminatingPod` generates the status, then applies
 * that function; `status_manager.go :: mergePodStatus` holds back phase, reason, message and DisruptionTarget
 * while a container could run). The reducers' side, a readiness change within the grace, is in
 * test/reducers/termination.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import type { Container } from '../../src/k8s/pod.js';
import { foldCluster } from '../../src/reducers/index.js';
import { T0, created, deleted, node, ofType, offset, run, s, world } from './harness.js';

const MI = 1n << 20n;
const app = (name: string): Container => ({ name, image: 'app:1' });
const evictee = (containers: Container[]) => created({ metadata: { name: 'hog' }, spec: { containers } });
/** The pod's working set passes the node's 100Mi hard threshold from 15 s: the monitoring cycle at 20 s evicts it. */
const hungry = (onSigterm: (container: string) => { afterMs: number; code: number } | undefined) =>
  world({ memoryBytes: (_p, _c, now) => ((now - T0) / 1000 < 15 ? 0n : 1000n * MI), onSigterm: (_p, c) => onSigterm(c) });
const small = node('n1', { cpu: '4', memory: '1Gi', pods: '110' });

const statusAt = (events: readonly Event[], ms: number) => [...foldCluster(events.filter((e) => Date.parse(e.at) <= ms)).pods.values()][0]?.pod.status;
const condition = (events: readonly Event[], ms: number, type: string) => {
  const c = statusAt(events, ms)?.conditions?.find((x) => x.type === type);
  return c === undefined ? undefined : `${c.status} ${c.reason ?? ''}`.trim();
};

describe('node-pressure eviction: the status during the kill’s grace', () => {
  it('the first status keeps Ready from container readiness: generated before the status function sets Failed', () => {
    const events = run([small, evictee([app('app')])], hungry(() => ({ afterMs: 500, code: 0 })), 40);
    expect(ofType(events, 'PodEvicted').map(offset)).toEqual([20]);
    expect(ofType(events, 'ContainerExited').map(offset)).toEqual([20.5]);
    expect(statusAt(events, s(20.2))).toMatchObject({ phase: 'Running' });
    expect(statusAt(events, s(20.2))?.reason).toBeUndefined();
    expect(condition(events, s(20.2), 'Ready')).toBe('True');
    expect(condition(events, s(20.2), 'ContainersReady')).toBe('True');
    expect(condition(events, s(20.2), 'DisruptionTarget')).toBeUndefined();
    expect(statusAt(events, s(21))).toMatchObject({ phase: 'Failed', reason: 'Evicted' });
    expect(condition(events, s(21), 'Ready')).toBe('False PodFailed');
    expect(condition(events, s(21), 'DisruptionTarget')).toBe('True TerminationByKubelet');
  });

  it('the final status is published as the last container exits: SyncTerminatingPod generates it once killPod returns, not at the next relist', () => {
    const events = run([small, evictee([app('app')])], hungry(() => ({ afterMs: 500, code: 0 })), 40);
    expect(ofType(events, 'PodSynced').map(offset).filter((t) => t >= 20)).toEqual([20.5]);
    expect(statusAt(events, s(20.5))).toMatchObject({ phase: 'Failed', reason: 'Evicted' });
  });
});

// pod_workers.go :: killPodNow: `evictPod` waits max(grace × 1.5, 10 s) for the pod's termination, then records
// ExceededGracePeriod ("Container runtime did not kill the pod within specified grace period.") and returns
describe('node-pressure eviction: killPodNow’s wait for the termination', () => {
  const hooked: Container = { name: 'slow', image: 'app:1', lifecycle: { postStart: { exec: { command: ['sleep', '60'] } } } };
  /** `slow`'s postStart holds the SyncPod from 0 s to 60 s; the eviction at 20 s is killed only after it. */
  const heldSync = () => ({ ...hungry(() => ({ afterMs: 0, code: 0 })), postStart: () => ({ durationMs: 60_000 }) });

  it('a kill held back by a SyncPod in flight outlasts the wait: PodKillTimedOut 10 s after the eviction', () => {
    const events = run([small, evictee([app('app'), hooked])], heldSync(), 100);
    expect(ofType(events, 'PodEvicted').map(offset)).toEqual([20]);
    expect(ofType(events, 'PodKillTimedOut').map(offset)).toEqual([30]);
    expect(ofType(events, 'PodKillTimedOut')[0]).toMatchObject({ source: 'kubelet', pod: { name: 'hog' } });
    // the kill itself comes once the postStart hook returns and the terminating sync runs
    expect(ofType(events, 'ContainerKilling').map(offset)).toEqual([60, 60]);
  });

  // pod_workers.go :: UpdatePod queues each eviction's status function (statusPostTerminating); acknowledgeTerminating
  // hands SyncTerminatingPod the last one queued when it begins, so the message published is the last eviction's
  it('two evictions before the held-back terminating sync: the last eviction’s message is the one published', () => {
    const growing = world({
      memoryBytes: (_p, c, now) => (c !== 'app' || (now - T0) / 1000 < 15 ? 0n : (now - T0) / 1000 < 50 ? 1000n * MI : 1010n * MI),
      onSigterm: () => ({ afterMs: 0, code: 0 }),
      postStart: () => ({ durationMs: 100_000 }),
    });
    const events = run([small, evictee([app('app'), hooked])], growing, 130);
    const evictions = ofType(events, 'PodEvicted');
    expect(evictions.map(offset)).toEqual([20, 60]);
    const [first, last] = evictions.map((e) => e.message);
    expect(first).not.toBe(last);
    expect(statusAt(events, s(120))).toMatchObject({ phase: 'Failed', reason: 'Evicted', message: last });
    expect(statusAt(events, s(120))?.conditions?.find((c) => c.type === 'DisruptionTarget')?.message).toBe(last);
  });

  it('a kill that completes inside the wait records nothing', () => {
    const events = run([small, evictee([app('app')])], hungry(() => ({ afterMs: 500, code: 0 })), 60);
    expect(ofType(events, 'PodEvicted').map(offset)).toEqual([20]);
    expect(ofType(events, 'PodKillTimedOut')).toEqual([]);
  });
});

// pod_workers.go :: UpdatePod, on a pod whose termination was requested, only queues an eviction's status function
// (statusPostTerminating); SyncTerminatingPod takes the one queued when it begins (acknowledgeTerminating), so a
// deletion's terminating sync, already in its killPod, never applies it, and completeTerminating drops it: the
// deletion's path wins (no Evicted reason, no DisruptionTarget), though the eviction manager records its Event
describe('a pod deleted, then evicted during the deletion’s kill', () => {
  // deleted at 10 s with 30 s; its process takes 25 s to stop on SIGTERM (exit 0 at 35 s); evicted at the 20 s cycle
  const scene = () =>
    run(
      [small, evictee([app('app')]), deleted('hog', 10, 30)],
      hungry(() => ({ afterMs: 25_000, code: 0 })),
      60,
    );

  it('is evicted (the Event is recorded) but its kill in flight runs on with the deletion’s grace', () => {
    const events = scene();
    expect(ofType(events, 'PodEvicted').map(offset)).toEqual([20]);
    expect(ofType(events, 'ContainerKilling').map((e) => [offset(e), e.reason, e.gracePeriodSeconds])).toEqual([[10, 'PodDeleted', 30]]);
    expect(ofType(events, 'ContainerExited').map(offset)).toEqual([35]);
  });

  it('its final status is the deletion’s: Succeeded by its exit, no Evicted reason or message, no DisruptionTarget', () => {
    const events = scene();
    const removed = events.findIndex((e) => e.type === 'PodRemoved');
    expect(removed).toBeGreaterThan(0);
    const final = [...foldCluster(events.slice(0, removed)).pods.values()][0]?.pod.status;
    expect(final?.phase).toBe('Succeeded');
    expect(final?.reason).toBeUndefined();
    expect(final?.message).toBeUndefined();
    expect(final?.conditions?.find((c) => c.type === 'DisruptionTarget')).toBeUndefined();
    expect(statusAt(events, s(30))?.reason).toBeUndefined();
  });
});
