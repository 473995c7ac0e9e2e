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
import { T0, created, node, ofType, offset, run, s, world } from './harness.js';

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
