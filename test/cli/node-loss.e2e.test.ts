/**
 * Node loss through the built binary, as a v1.36 cluster shows it (docs/k8s-semantics.md section k):
 * node_lifecycle_controller.go :: tryUpdateNodeHealth, MarkPodsNotReady; taint_eviction.go ::
 * addConditionAndDeletePod; kubectl's printPod prints `Terminating`, since no `NodeLost` reason is written.
 */
import { describe, expect, it } from 'vitest';
import { sample, workspace } from './podj.js';
import { start } from './spawn.js';

/** A workspace holding the replayed sample (each test gets its own: workspaces go after each test). */
const replayed = () => {
  const w = workspace();
  const replay = w.podj('replay', sample('node-lost'));
  expect(replay.code, replay.stderr).toBe(0);
  return w;
};

describe('node-lost sample', () => {
  it('get pods -w: Running, then Terminating when the taint manager deletes it', async () => {
    const { journal } = replayed();
    const watch = start(['get', 'pods', 'web', '-w', '--journal', journal]);
    await watch.waitFor(/Terminating/);
    watch.proc.kill('SIGINT');
    expect(await watch.exit).toBe(1);
    const statuses = watch
      .stdout()
      .split('\n')
      .slice(1)
      .filter((line) => line.startsWith('web'))
      .map((line) => line.split(/\s+/).slice(1, 4).join(' '));
    expect([...new Set(statuses)]).toEqual(['0/1 Pending 0', '0/1 ContainerCreating 0', '1/1 Running 0', '1/1 Terminating 0']);
  });

  it('describe: Ready False, DisruptionTarget, and the controllers’ Events', () => {
    const { podj } = replayed();
    const d = podj('describe', 'pod', 'web', '--at', '+7m').stdout;
    expect(d).toMatch(/^Status:\s+Terminating/m);
    expect(d).toMatch(/^\s+Ready\s+False/m);
    expect(d).toMatch(/^\s+DisruptionTarget\s+True/m);
    expect(d).toMatch(/Warning\s+NodeNotReady\s+5m15s\s+node-controller\s+Node is not ready/);
    expect(d).toMatch(/Normal\s+TaintManagerEviction\s+10s\s+taint-eviction-controller\s+Marking for deletion Pod default\/web/);
    expect(d).not.toMatch(/NodeLost|Unknown/);
  });

  it('timeline: the controller marks Ready False at +1m45s, the deletion makes it Terminating at +6m50s', () => {
    const { podj } = replayed();
    const t = podj('timeline', 'pod', 'web').stdout;
    expect(t).toMatch(/\+1m45s\s+\S+\s+condition Ready: True → False\s+#\d+ PodNodeLost \(controller\)/);
    expect(t).toMatch(/\+6m50s\s+\S+\s+STATUS: Running → Terminating\s+#\d+ PodDeletionRequested \(controller\)/);
    expect(podj('get', 'nodes', '--at', '+1m44s').stdout).toMatch(/node01\s+Ready\s/);
    expect(podj('get', 'nodes', '--at', '+1m45s').stdout).toMatch(/node01\s+NotReady\s/);
  });

  // node_lifecycle_controller.go :: doNoScheduleTaintingPass at once, processTaintBaseEviction at the next 5 s pass;
  // SwapNodeControllerTaint stamps timeAdded and appends
  it('get nodes: the unreachable NoSchedule taint at the marking, NoExecute 5 s later, each with its timeAdded', () => {
    const { podj } = replayed();
    // One node asked for by name prints as the Node itself, not a List (kubectl get.go :: printGeneric).
    const taints = (at: string) => podj('get', 'nodes', 'node01', '--at', at, '-o', 'jsonpath={range .spec.taints[*]}{.key}:{.effect}@{.timeAdded} {end}').stdout.trim();
    expect(taints('+1m44s')).toBe('');
    expect(taints('+1m47s')).toBe('node.kubernetes.io/unreachable:NoSchedule@2026-01-18T17:01:45.000Z');
    expect(taints('+2m')).toBe('node.kubernetes.io/unreachable:NoSchedule@2026-01-18T17:01:45.000Z node.kubernetes.io/unreachable:NoExecute@2026-01-18T17:01:50.000Z');
  });
});
