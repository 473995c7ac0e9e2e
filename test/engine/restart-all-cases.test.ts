/**
 * Kubernetes' `computePodActions` cases for `RestartAllContainers` as data: `pkg/kubelet/kuberuntime/
 * kuberuntime_manager_test.go :: TestComputePodActionsForRestartAllContainers` (read through a stored
 * TypeScript port of the kubelet that names each case; the v1.36 Go file was not reachable), put to the
 * engine's reset (`resetStep`, one kill or removal at a time, each kill answered by the process's exit) and,
 * once the runtime lists nothing, to `containersToStart`.
 *
 * Upstream's base pod (`makeBasePodAndStatus`): regular containers `foo1..3`, all running, the sandbox ready.
 * Upstream expects `ContainersToReset` in order, each with whether it is killed first: every listed instance, in
 * spec order, those whose exit the rule matched last. The engine keeps a container's newest instance only (the
 * runtime's past ones, which upstream's third case also removes, are not in its book).
 */
import { describe, expect, test } from 'vitest';
import type { Event } from '../../src/events/index.js';
import type { Container, ContainerRestartRule } from '../../src/k8s/pod.js';
import { evolve } from '../../src/engine/evolve.js';
import { resetStep, restartingAll } from '../../src/engine/kubelet/restart-all.js';
import { containersToStart } from '../../src/engine/kubelet/plan.js';
import type { ContainerBook, EngineState, Instance, PodBook } from '../../src/engine/state.js';
import { syncedPodBook } from './pod-book.js';

const UID = '12345678';
const rule1: ContainerRestartRule = { action: 'RestartAllContainers', exitCodes: { operator: 'In', values: [1] } };

const instance = (name: string, exit?: number): Instance => ({
  run: 0,
  containerID: `containerd://${name}`,
  sync: 0,
  startedAt: 0,
  postStartDone: true,
  ...(exit === undefined ? {} : { exit: { at: 1, code: exit } }),
  kills: [],
});

/** foo1..3; `source` carries the rule (under Always, as upstream's case sets it); `runtime`: each one's instance. */
const podOf = (runtime: Readonly<Record<string, 'running' | number | 'removed'>>, source?: string): PodBook => {
  const containers: Container[] = ['foo1', 'foo2', 'foo3'].map((name) =>
    name === source ? { name, restartPolicy: 'Always', restartPolicyRules: [rule1] } : { name },
  );
  const books = containers.map((c): ContainerBook => {
    const r = runtime[c.name];
    const current = r === undefined || r === 'removed' ? undefined : instance(c.name, r === 'running' ? undefined : r);
    return { name: c.name, role: 'regular', instances: r === undefined ? 0 : 1, ...(current !== undefined && { current }), pulls: 0, probes: {} };
  });
  return syncedPodBook(UID, { restartPolicy: 'Always', containers }, books);
};

/** The reset's steps until the runtime lists nothing: `kill NAME` / `remove NAME`, each kill answered by an exit. */
const resetSteps = (pod: PodBook): string[] => {
  let state: EngineState = { pods: new Map([[UID, pod]]), nodes: new Map(), clusterGen: 0 };
  const steps: string[] = [];
  for (let i = 0; i < 20; i++) {
    const book = state.pods.get(UID);
    if (book === undefined || !restartingAll(book)) break;
    const events: Event[] = resetStep(book, 2_000);
    const answered = events.flatMap((e): Event[] =>
      e.type === 'ContainerKilling' ? [e, { ...e, type: 'ContainerExited', source: 'runtime', containerID: `containerd://${e.container}`, exitCode: 137, reason: 'Error' }] : [e],
    );
    for (const e of answered) {
      if (e.type === 'ContainerKilling') steps.push(`kill ${e.container} (grace ${e.gracePeriodSeconds})`);
      if (e.type === 'ContainerRemoved') steps.push(`remove ${e.container}`);
      state = evolve(state, e);
    }
  }
  return steps;
};

describe('kuberuntime_manager_test.go :: TestComputePodActionsForRestartAllContainers', () => {
  test('pod not marked for RestartAllContainers', () => {
    const pod = podOf({ foo1: 'running', foo2: 'running', foo3: 'running' });
    expect(restartingAll(pod)).toBe(false);
    expect(containersToStart(pod)).toEqual([]);
  });
  test.skip('pod marked for RestartAllContainers (not applicable: the engine reads the condition from a listed exit its rule matches, as the status that shows it does; a pod marked with every container running is not generated)', () => {});
  test('removes past terminated statuses', () => {
    const pod = podOf({ foo1: 'running', foo2: 'running', foo3: 1 }, 'foo3');
    expect(restartingAll(pod)).toBe(true);
    expect(resetSteps(pod)).toEqual(['kill foo1 (grace 0)', 'remove foo1', 'kill foo2 (grace 0)', 'remove foo2', 'remove foo3']);
  });
  test('all containers removed, start regular container', () => {
    const pod = podOf({ foo1: 'removed', foo2: 'removed', foo3: 'removed' });
    expect(restartingAll(pod)).toBe(false);
    expect(containersToStart(pod).map((c) => c.name)).toEqual(['foo1', 'foo2', 'foo3']);
  });
});
