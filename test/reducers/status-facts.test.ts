/**
 * A container event decides whether to regenerate the pod's status by comparing what the phase, the
 * conditions and TerminatePod read of the container (`StatusFacts`) without building them
 * (`statusFactsDiffer`). These hold that comparison to the facts built (`statusFactsOf`), and the facts to the
 * whole status a reader sees (`containerStatusOf`), over every pair of a set of views; and the status a skipped
 * regeneration keeps (`statusFactsChanged` false) to the one regenerating gives, for pods of one or two containers
 * under each restart policy, with and without an init container in each state.
 */
import { describe, expect, test } from 'vitest';
import type { Container, ContainerState, PodSpec, RestartPolicy, V1Pod } from '../../src/k8s/pod.js';
import { containerStatusOf, statusFactsDiffer, statusFactsOf, type StatusFacts } from '../../src/reducers/container-status.js';
import { initialContainerView } from '../../src/reducers/containers.js';
import { containerView } from '../../src/reducers/container-view.js';
import { kubeletView, type ContainerView, type KubeletView } from '../../src/reducers/kubelet-view.js';
import { kubeletStatus, statusFactsChanged } from '../../src/reducers/status.js';
import { podWith } from '../../src/reducers/pod-object.js';
import type { ContainerRole } from '../../src/reducers/restart.js';

const terminated = (exitCode: number, containerID: string) => ({ exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt: '2026-01-01T00:00:01Z', finishedAt: '2026-01-01T00:00:02Z', containerID });
const running = { kind: 'running', running: { startedAt: '2026-01-01T00:00:01Z' } } as const;
const failure = { reason: 'CrashLoopBackOff', message: 'back-off 10s restarting failed container' };

const views: readonly ContainerView[] = [
  initialContainerView,
  containerView(initialContainerView, { failure: { reason: 'ErrImagePull', message: 'not found' } }),
  containerView(initialContainerView, { instances: 1, current: { kind: 'created' }, containerID: 'c1' }),
  containerView(initialContainerView, { instances: 1, current: running, containerID: 'c1' }),
  containerView(initialContainerView, { instances: 1, current: running, containerID: 'c1', probes: { readiness: 'success' } }),
  containerView(initialContainerView, { instances: 1, current: running, containerID: 'c1', probes: { readiness: 'success', startup: 'success' } }),
  containerView(initialContainerView, { instances: 1, current: { kind: 'terminated', terminated: terminated(0, 'c1') }, containerID: 'c1' }),
  containerView(initialContainerView, { instances: 1, current: { kind: 'terminated', terminated: terminated(1, 'c1') }, containerID: 'c1' }),
  containerView(initialContainerView, { instances: 1, current: { kind: 'terminated', terminated: terminated(1, 'c1') }, containerID: 'c1', failure }),
  containerView(initialContainerView, { instances: 2, current: running, previous: terminated(1, 'c1'), containerID: 'c2' }),
  containerView(initialContainerView, { instances: 2, current: running, previous: terminated(0, 'c1'), containerID: 'c2' }),
  containerView(initialContainerView, { instances: 2, current: { kind: 'terminated', terminated: terminated(2, 'c2') }, previous: terminated(1, 'c1'), containerID: 'c2', failure }),
];

const specs: readonly [Container, ContainerRole][] = [
  [{ name: 'app', image: 'app:1' }, 'regular'],
  [{ name: 'app', image: 'app:1', readinessProbe: { periodSeconds: 1 }, startupProbe: { periodSeconds: 1 } }, 'regular'],
  [{ name: 'setup', image: 'setup:1' }, 'init'],
  [{ name: 'proxy', image: 'proxy:1', restartPolicy: 'Always', startupProbe: { periodSeconds: 1 } }, 'sidecar'],
];

const spec: PodSpec = { containers: [{ name: 'app', image: 'app:1' }] };

/** Which state a container state is, and its exit code when terminated. */
const kindOf = (s: ContainerState | undefined): string =>
  s?.running !== undefined ? 'running' : s?.terminated !== undefined ? `terminated ${s.terminated.exitCode}` : s?.waiting !== undefined ? 'waiting' : 'none';

/** What the phase, the conditions and TerminatePod read of a status. */
const read = (s: StatusFacts): string => JSON.stringify([s.name, kindOf(s.state), s.lastState?.terminated?.exitCode ?? 'none', s.ready, s.started]);

describe('a container\'s status facts', () => {
  test('statusFactsDiffer answers what comparing the built facts answers, for every pair of views and restart decisions', () => {
    let pairs = 0;
    for (const [c, role] of specs)
      for (const x of views)
        for (const y of views)
          for (const xDue of [false, true])
            for (const yDue of [false, true]) {
              const built = read(statusFactsOf(c, x, role, xDue, spec)) !== read(statusFactsOf(c, y, role, yDue, spec));
              expect([c.name, role, views.indexOf(x), xDue, views.indexOf(y), yDue, statusFactsDiffer(c, role, x, xDue, y, yDue)]).toEqual([
                c.name, role, views.indexOf(x), xDue, views.indexOf(y), yDue, built,
              ]);
              pairs++;
            }
    expect(pairs).toBe(specs.length * views.length * views.length * 4);
  });

  test('the facts read as the whole status a reader sees reads', () => {
    for (const [c, role] of specs)
      for (const v of views)
        for (const due of [false, true]) expect(read(statusFactsOf(c, v, role, due, spec))).toBe(read(containerStatusOf(c, v, role, due, spec)));
  });
});

// one list for every view: the fold keeps the runtime's list while the sandbox stays
const podIPs = ['10.1.0.1'];

/** An admitted pod's kubelet view with these containers. */
const podView = (containers: KubeletView['containers']): KubeletView =>
  kubeletView({ admitted: true, node: 'node-0', hostIP: '10.0.0.1', podIPs, sandboxReady: true, podHasInitialized: true, nodeLost: false, containers, syncs: false });

const withPolicy = (restartPolicy: RestartPolicy, containers: Container[], initContainers?: Container[]): V1Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default', uid: 'uid-web', generation: 1 },
  spec: initContainers === undefined ? { restartPolicy, containers } : { restartPolicy, initContainers, containers },
  status: { phase: 'Pending', qosClass: 'BestEffort' },
});

const setup: Container = { name: 'setup', image: 'setup:1' };
const proxy: Container = specs[3]![0];

const ready: Container = { name: 'app', image: 'app:1', readinessProbe: { periodSeconds: 1 } };
const sidecarless: Container = { name: 'other', image: 'other:1' };

// An init container and its view, held across the pair: none (no init containers); a regular one not run yet, running,
// exited 0, exited 1; a sidecar running and started, running not started yet (its startup probe), exited.
const inits: ReadonlyArray<readonly [Container, ContainerView | undefined] | 'none'> = [
  'none',
  [setup, undefined],
  [setup, views[3]],
  [setup, views[6]],
  [setup, views[7]],
  [proxy, views[5]],
  [proxy, views[3]],
  [proxy, views[6]],
];

describe('a skipped regeneration', () => {
  test('keeps the status regenerating would give, for every pair of views of one container (the other one and an init container fixed)', () => {
    let skipped = 0;
    const skippedAfter = new Set<string>();
    for (const policy of ['Always', 'OnFailure', 'Never'] as const)
      for (const containers of [[specs[0]![0]], [ready], [ready, sidecarless]])
        for (const init of inits)
          for (const other of [undefined, views[4], views[6], views[7]])
            for (const x of views)
              for (const y of views) {
                const pod0 = withPolicy(policy, containers, init === 'none' ? undefined : [init[0]]);
                const around = { ...(containers.length > 1 && other !== undefined && { other }), ...(init !== 'none' && init[1] !== undefined && { [init[0].name]: init[1] }) };
                const a = podView({ app: x, ...around });
                const b = podView({ app: y, ...around });
                const first = kubeletStatus(pod0, a, '2026-01-01T00:00:01Z', 'event');
                const pod = podWith(pod0, pod0.metadata, pod0.spec, first.status);
                const again = kubeletStatus(pod, a, '2026-01-01T00:00:02Z', 'event');
                // a status that regenerating from its own view moves on (a phase just turned terminal) is not what a skip keeps
                if (again.status !== pod.status || statusFactsChanged(pod, a, b)) continue;
                const next = kubeletStatus(pod, b, '2026-01-01T00:00:02Z', 'event');
                const initShown = init === 'none' ? 'none' : `${init[0].name} ${init[1] === undefined ? -1 : views.indexOf(init[1])}`;
                const pair = [policy, containers.length, initShown, other === undefined ? -1 : views.indexOf(other), views.indexOf(x), views.indexOf(y)];
                expect([...pair, next.status === pod.status, next.terminated]).toEqual([...pair, true, again.terminated]);
                skipped++;
                skippedAfter.add(initShown);
              }
    expect(skipped).toBeGreaterThan(0);
    // pods whose init containers are done with (exited 0, a sidecar started) skip too (`status.ts :: sidecarsOfSettledInits`)
    expect(skippedAfter).toEqual(new Set(inits.map((init) => (init === 'none' ? 'none' : `${init[0].name} ${init[1] === undefined ? -1 : views.indexOf(init[1])}`))));
  });
});
