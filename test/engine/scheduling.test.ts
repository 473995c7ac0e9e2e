import { describe, expect, it } from 'vitest';
import type { PodSpec } from '../../src/k8s/pod.js';
import { created, node, ofType, offset, run, world } from './harness.js';

const wants = (name: string, memory: string, extra: Partial<PodSpec> = {}) =>
  created({ metadata: { name }, spec: { containers: [{ name: 'app', image: 'app:1', resources: { requests: { cpu: '100m', memory } } }], ...extra } });

const small = (name: string, at = 0) => node(name, { cpu: '2', memory: '1Gi', pods: '110' }, at);

describe('scheduling (schedule_one.go, FitError.Error)', () => {
  it('reports why no node fits, then binds when a node with room appears', () => {
    const big = node('big', { cpu: '8', memory: '16Gi', pods: '110' }, 60);
    const events = run([small('n1'), small('n2'), small('n3'), wants('huge', '2Gi'), big], world(), 70);
    expect(ofType(events, 'PodUnschedulable').map((e) => [offset(e), e.reason, e.message])).toEqual([
      [
        0,
        'Unschedulable',
        '0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
      ],
    ]);
    expect(ofType(events, 'PodBound').map((e) => [offset(e), e.node])).toEqual([[60, 'big']]);
  });

  it('places each pod on the least allocated node, ties broken by name', () => {
    const events = run([small('b'), small('a'), wants('p1', '512Mi'), wants('p2', '512Mi'), wants('p3', '100Mi')], world(), 5);
    expect(ofType(events, 'PodBound').map((e) => [e.pod.name, e.node])).toEqual([
      ['p1', 'a'],
      ['p2', 'b'],
      ['p3', 'a'],
    ]);
  });

  it('binds a pod naming its node without asking the scheduler', () => {
    const events = run([small('n1'), small('n2'), wants('pinned', '10Mi', { nodeName: 'n2' })], world(), 5);
    expect(ofType(events, 'PodBound').map((e) => [e.node, e.source])).toEqual([['n2', 'api']]);
  });

  // case name → nodes, pod, expected message
  const table: Record<string, [ReturnType<typeof node>[], ReturnType<typeof created>, string]> = {
    'selector-mismatch': [
      [small('n1'), small('n2')],
      wants('sel', '10Mi', { nodeSelector: { disk: 'ssd' } }),
      "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    ],
    'mixed-reasons': [
      [small('n1'), node('ssd', { cpu: '2', memory: '1Gi', pods: '110' }, 0, { labels: { disk: 'ssd' } })],
      wants('mixed', '2Gi', { nodeSelector: { disk: 'ssd' } }),
      "0/2 nodes are available: 1 Insufficient memory, 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
    ],
    'too-many-pods': [
      [node('tiny', { cpu: '2', memory: '1Gi', pods: '0' })],
      wants('one', '10Mi'),
      '0/1 nodes are available: 1 Too many pods. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    ],
  };
  it.each(Object.entries(table))('%s', (_name, [nodes, pod, message]) => {
    expect(ofType(run([...nodes, pod], world(), 1), 'PodUnschedulable').map((e) => e.message)).toEqual([message]);
  });

  it('with no nodes at all, reports a SchedulerError', () => {
    const events = run([wants('alone', '10Mi')], world(), 1);
    expect(ofType(events, 'PodUnschedulable').map((e) => [e.reason, e.message])).toEqual([['SchedulerError', 'no nodes available to schedule pods']]);
  });
});
