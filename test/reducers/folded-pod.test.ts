import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import { FoldedPod, baseOf, foldCluster, generatedFrom } from '../../src/reducers/index.js';
import { at, bound, created, exited, podRef, started } from '../support/event-builders.js';

const pod = podRef('web');
const admitted: Event = { v: 1, type: 'PodAdmitted', at: at(2), source: 'kubelet', pod, node: 'node-1' };
const sandbox: Event = { v: 1, type: 'SandboxCreated', at: at(3), source: 'runtime', pod, podIP: '10.0.0.9' };
const history: Event[] = [created(pod, 0, ['app', 'side']), bound(pod, 1), admitted, sandbox, ...started(pod, 4), ...started(pod, 5, 'side')];

const stateAfter = (events: readonly Event[]) => {
  const s = foldCluster(events).pods.get(pod.uid);
  if (s === undefined) throw new Error('the pod exists');
  return s;
};

describe('the fold keeps a pod without its container statuses, and builds them when the pod is read', () => {
  it('holds what the statuses are generated from, not the statuses; the pod read lists them in the API order', () => {
    const s = stateAfter(history);
    expect(s).toBeInstanceOf(FoldedPod);
    expect(baseOf(s).status?.containerStatuses).toBeUndefined();
    expect(generatedFrom(s)?.view).toBe(s.kubelet);
    expect(s.pod.status?.containerStatuses?.map((c) => [c.name, Object.keys(c.state ?? {})[0]])).toEqual([
      ['app', 'running'],
      ['side', 'running'],
    ]);
    // after startTime and before qosClass, where generateAPIPodStatus writes them (the pod-level resources after it)
    expect(Object.keys(s.pod.status ?? {}).slice(-4)).toEqual(['startTime', 'containerStatuses', 'qosClass', 'resources']);
    expect(s.pod).toBe(s.pod); // built once per state
  });

  it('reads as a plain state: its keys, a spread, its JSON and a comparison show { pod, kubelet }', () => {
    const s = stateAfter(history);
    expect(Object.keys(s)).toEqual(['pod', 'kubelet']);
    expect(JSON.parse(JSON.stringify(s))).toEqual({ ...s });
    expect({ pod: s.pod, kubelet: s.kubelet }).toEqual(s);
  });

  it('an API write after the kubelet\'s keeps the statuses it generated; the next kubelet write replaces them', () => {
    const deleted: Event = { v: 1, type: 'PodDeletionRequested', at: at(6), source: 'api', pod, gracePeriodSeconds: 30 };
    const before = stateAfter(history);
    const after = stateAfter([...history, deleted]);
    expect(after.pod.metadata.deletionTimestamp).toBe('2026-01-01T14:00:36Z');
    expect(after.pod.status?.containerStatuses).toEqual(before.pod.status?.containerStatuses);
    const ended = stateAfter([...history, deleted, exited(pod, 7, 143, 'app', 'web-app-4')]);
    expect(ended.pod.status?.containerStatuses?.[0]?.state?.terminated?.exitCode).toBe(143);
  });

  it('a regeneration that changes only container statuses keeps the previous pod object; one that changes the status makes a new one', () => {
    const cluster = foldCluster(history);
    const running = cluster.pods.get(pod.uid);
    if (running === undefined) throw new Error('the pod exists');
    const after = (e: Event) => foldCluster([e], cluster).pods.get(pod.uid);
    // the runtime reports another image ID for a running container: its status changes, phase and conditions do not
    const imageID = 'docker.io/library/busybox@sha256:' + 'b'.repeat(64);
    const pulled: Event = { v: 1, type: 'ImagePulled', at: at(9), source: 'runtime', pod, container: 'side', image: 'busybox:1.36', alreadyPresent: true, imageID };
    const next = after(pulled);
    if (next === undefined) throw new Error('the pod exists');
    expect(next.pod.status?.containerStatuses?.find((c) => c.name === 'side')?.imageID).toBe(imageID);
    expect(baseOf(next)).toBe(baseOf(running));
    expect(JSON.stringify({ ...next.pod, status: { ...next.pod.status, containerStatuses: undefined } })).toBe(
      JSON.stringify({ ...running.pod, status: { ...running.pod.status, containerStatuses: undefined } }),
    );
    const ended = after(exited(pod, 9, 1, 'app', 'web-app-4'));
    if (ended === undefined) throw new Error('the pod exists');
    expect(ended.pod.status?.phase).toBe('Running');
    expect(baseOf(ended)).not.toBe(baseOf(running));
  });

  it('a container event that changes none of what the phase and conditions read keeps the status, and the statuses show the new view', () => {
    const [createdSide] = started(pod, 5, 'side');
    if (createdSide === undefined) throw new Error('a creation event');
    const cluster = foldCluster(history.slice(0, -2));
    const before = cluster.pods.get(pod.uid);
    const after = foldCluster([createdSide], cluster).pods.get(pod.uid);
    if (before === undefined || after === undefined) throw new Error('the pod exists');
    // ContainerCreating, then a created instance not started yet: waiting both times, not ready, not started
    expect(before.pod.status?.containerStatuses?.find((c) => c.name === 'side')?.state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    expect(after.pod.status?.containerStatuses?.find((c) => c.name === 'side')?.state).toEqual({ waiting: {} });
    expect(baseOf(after).status).toBe(baseOf(before).status);
    expect(generatedFrom(after)?.view).toBe(after.kubelet);
  });

  it('keeps whether its statuses were generated deleted and terminated, each of the four ways, and passes them on', () => {
    const s = stateAfter(history);
    for (const deleted of [false, true]) {
      for (const terminated of [false, true]) {
        const folded = new FoldedPod(baseOf(s), s.kubelet, { view: s.kubelet, deleted, terminated });
        expect(folded.statuses).toEqual({ view: s.kubelet, deleted, terminated });
        expect(new FoldedPod(baseOf(s), s.kubelet, folded).statuses).toEqual({ view: s.kubelet, deleted, terminated });
      }
    }
  });
});
