/**
 * An object captured right after its container restarted, as kubelets write it.
 *
 * A readiness result belongs to the run it was probed on. A container that restarted at once (its first
 * restart has no back-off) and passed its readiness probe within the same second states, in one object, the
 * earlier run's exit, the new run's start and its readiness, all stamped with that second. Within a second the
 * import orders each container's runs (`merge.ts :: inRunOrder`); the readiness result used to stay where the
 * tie rank put it, between the new run's creation and its start, so the start reset it and the pod showed
 * 0/1 where the cluster showed 1/1. The same held for a run whose end the object does not state (a real
 * AKS pod, `restartCount: 257` and `lastState: {}`: test/fixtures/real/is-healthy/pod-old-restarts.yaml,
 * compared by kubectl-differential.test.ts).
 *
 * A status with restarts and no `lastState` (the runtime no longer lists the earlier instance, after a node
 * reboot: `kubelet_pods.go :: convertToAPIContainerStatuses` builds it from the runtime's list only) shows no last
 * termination: kubectl's RESTARTS is the bare count, describe has no Last State. The import still places the
 * earlier run's end (inferred, in the history), but the status at the capture is what the cluster showed.
 * The pod here is crafted, shaped as a kubelet writes it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { podj, tableRows } from './podj-in-process.js';

const T0 = '2026-03-02T08:00:00Z';
const T1 = '2026-03-02T08:00:07Z';

const pod = (lastState: object) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-0', namespace: 'shop', uid: '0b7c1f7e-1d7e-4c55-9d1e-4a1f0e3c2b11', creationTimestamp: T0 },
  spec: {
    nodeName: 'node-a',
    containers: [{ name: 'app', image: 'shop:2', readinessProbe: { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 1 } }],
  },
  status: {
    phase: 'Running',
    startTime: T0,
    podIP: '10.0.0.7',
    conditions: [
      { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: T0 },
      { type: 'Initialized', status: 'True', lastTransitionTime: T0 },
      { type: 'Ready', status: 'True', lastTransitionTime: T1 },
      { type: 'ContainersReady', status: 'True', lastTransitionTime: T1 },
      { type: 'PodScheduled', status: 'True', lastTransitionTime: T0 },
    ],
    containerStatuses: [
      {
        name: 'app',
        image: 'shop:2',
        imageID: 'shop@sha256:5e1f',
        containerID: 'containerd://b2',
        ready: true,
        started: true,
        restartCount: 1,
        state: { running: { startedAt: T1 } },
        lastState,
      },
    ],
  },
});

describe('a readiness result in the second its run started, after an earlier run ended', () => {
  const dir = mkdtempSync(join(process.env['TMPDIR'] ?? tmpdir(), 'restarted-capture-order-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const journalOf = async (name: string, lastState: object): Promise<string[]> => {
    const file = join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(pod(lastState)));
    const journal = ['--journal', join(dir, name)];
    const done = await podj('import', ...journal, file);
    expect(done.code, done.stderr).toBe(0);
    return journal;
  };
  const rowOf = async (name: string, lastState: object): Promise<Record<string, string> | undefined> =>
    tableRows((await podj('get', 'pods', '-n', 'shop', ...(await journalOf(name, lastState)))).stdout)[0];

  it('the earlier run ended in that second (stated): READY 1/1 as the object shows', async () => {
    const ended = { terminated: { exitCode: 1, reason: 'Error', startedAt: T0, finishedAt: T1, containerID: 'containerd://b1' } };
    expect(await rowOf('stated', ended)).toMatchObject({ READY: '1/1', STATUS: 'Running', RESTARTS: '1 (0s ago)' });
  });

  it('the earlier run’s end not stated (lastState empty): READY 1/1 and RESTARTS 1 as the object shows', async () => {
    expect(await rowOf('unstated', {})).toMatchObject({ READY: '1/1', STATUS: 'Running', RESTARTS: '1' });
  });
});

describe('a capture showing restarts without a last state', () => {
  const dir = mkdtempSync(join(process.env['TMPDIR'] ?? tmpdir(), 'restarted-capture-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('describe shows no Last State at the capture; the placed end of the earlier run stays in the history, inferred', async () => {
    const file = join(dir, 'pod.json');
    writeFileSync(file, JSON.stringify(pod({})));
    const journal = ['--journal', join(dir, 'j')];
    expect((await podj('import', ...journal, file)).code).toBe(0);
    const described = (await podj('describe', 'pod', 'web-0', '-n', 'shop', ...journal)).stdout;
    expect(described).toMatch(/^ {4}State: +Running$/m);
    expect(described).not.toMatch(/Last State:/);
    expect(described).toMatch(/^ {4}Restart Count: +1$/m);
    const events = (await podj('events', '-o', 'journal', '--for', 'pod/web-0', '-n', 'shop', ...journal)).stdout;
    expect(events).toMatch(/ContainerExited +app: exited 137 \(ContainerStatusUnknown\) \(inferred\)/);
  });
});
