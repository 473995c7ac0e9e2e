/** A node's events: registration, Ready, and (for the pressured ones) the memory-pressure episode. */
import type { Event } from '../events/index.js';
import { instantAt } from './clock.js';
import type { Cluster, NodePlan } from './cluster.js';
import type { Timed } from './merge.js';

const shapes = [
  { type: 'm6i.4xlarge', cpu: '16', allocatableCpu: '15890m', memory: '64Gi', allocatableMemory: '62Gi' },
  { type: 'm6i.8xlarge', cpu: '32', allocatableCpu: '31850m', memory: '128Gi', allocatableMemory: '124Gi' },
  { type: 'r6i.4xlarge', cpu: '16', allocatableCpu: '15890m', memory: '128Gi', allocatableMemory: '125Gi' },
] as const;
const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] as const;

const condition = (
  n: NodePlan,
  ms: number,
  conditionType: string,
  status: 'True' | 'False',
  reason: string,
  message: string,
): Timed => ({
  ms,
  event: { type: 'NodeConditionChanged', v: 1, at: instantAt(ms), source: 'node', node: n.name, conditionType, status, reason, message },
});

export function* nodeLife(c: Cluster, n: NodePlan): Generator<Timed, void, undefined> {
  const shape = shapes[n.index % shapes.length] ?? shapes[0];
  const registered: Event = {
    type: 'NodeRegistered',
    v: 1,
    at: instantAt(n.registeredMs),
    source: 'node',
    node: n.name,
    capacity: { cpu: shape.cpu, memory: shape.memory, pods: '110', 'ephemeral-storage': '200Gi' },
    allocatable: { cpu: shape.allocatableCpu, memory: shape.allocatableMemory, pods: '110', 'ephemeral-storage': '184Gi' },
    labels: {
      'kubernetes.io/hostname': n.name,
      'kubernetes.io/os': 'linux',
      'node.kubernetes.io/instance-type': shape.type,
      'topology.kubernetes.io/zone': zones[n.index % zones.length] ?? zones[0],
    },
    internalIP: n.internalIP,
  };
  yield { ms: n.registeredMs, event: registered };
  yield condition(n, n.registeredMs + 2_000, 'Ready', 'True', 'KubeletReady', 'kubelet is posting ready status');
  if (!n.pressured) return;
  yield condition(n, c.pressureFromMs, 'MemoryPressure', 'True', 'KubeletHasInsufficientMemory', 'kubelet has insufficient memory available');
  yield condition(n, c.pressureUntilMs, 'MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available');
}
