/**
 * Host ports, carried over as data: `pkg/scheduler/framework/plugins/nodeports/node_ports_test.go :: TestNodePorts`
 * put to `hostPortsFree` (the plugin's Filter, which the kubelet's admission shares: `scheduler.AdmissionCheck` →
 * `nodeports.Fits`), then `pkg/kubelet/kubelet_test.go :: TestHandlePortConflicts` through the engine (the newer of
 * two pods bound to one node with the same host port is rejected, the older admitted), and the scheduler's filter.
 * Upstream's "skip filter" case (a pod without ports: PreFilter Skip) is a pod that fits. Adapted: upstream's node
 * states only `pods: 110` allocatable; here it has the harness's cpu and memory too (a node without memory would be
 * under memory pressure in podj, whose eviction manager runs).
 */
import { describe, expect, it } from 'vitest';
import type { Container, PodSpec } from '../../src/k8s/pod.js';
import { hostPortsFree } from '../../src/engine/scheduling/host-ports.js';
import { created, node, ofType, run, world } from './harness.js';

/** node_ports_test.go :: newPod: one container whose ports are "PROTOCOL/HOSTIP/HOSTPORT". */
const ports = (...infos: string[]): PodSpec => ({
  containers: [
    {
      name: 'c',
      ports: infos.map((info) => {
        const [protocol = '', hostIP = '', hostPort = '0'] = info.split('/');
        return { containerPort: 0, protocol, hostIP, hostPort: Number(hostPort) };
      }),
    },
  ],
});

// node_ports_test.go :: TestNodePorts: the pod, the ports of the pod on the node, whether Filter passes.
const TestNodePorts: readonly { readonly name: string; readonly pod: PodSpec; readonly onNode: PodSpec[]; readonly fits: boolean }[] = [
  { name: 'skip filter', pod: { containers: [] }, onNode: [], fits: true },
  { name: 'other port', pod: ports('UDP/127.0.0.1/8080'), onNode: [ports('UDP/127.0.0.1/9090')], fits: true },
  { name: 'same udp port', pod: ports('UDP/127.0.0.1/8080'), onNode: [ports('UDP/127.0.0.1/8080')], fits: false },
  { name: 'same tcp port', pod: ports('TCP/127.0.0.1/8080'), onNode: [ports('TCP/127.0.0.1/8080')], fits: false },
  { name: 'different host ip', pod: ports('TCP/127.0.0.1/8080'), onNode: [ports('TCP/127.0.0.2/8080')], fits: true },
  { name: 'different protocol', pod: ports('UDP/127.0.0.1/8080'), onNode: [ports('TCP/127.0.0.1/8080')], fits: true },
  { name: 'second udp port conflict', pod: ports('UDP/127.0.0.1/8000', 'UDP/127.0.0.1/8080'), onNode: [ports('UDP/127.0.0.1/8080')], fits: false },
  { name: 'first tcp port conflict', pod: ports('TCP/127.0.0.1/8001', 'UDP/127.0.0.1/8080'), onNode: [ports('TCP/127.0.0.1/8001', 'UDP/127.0.0.1/8081')], fits: false },
  { name: 'first tcp port conflict due to 0.0.0.0 hostIP', pod: ports('TCP/0.0.0.0/8001'), onNode: [ports('TCP/127.0.0.1/8001')], fits: false },
  { name: 'TCP hostPort conflict due to 0.0.0.0 hostIP', pod: ports('TCP/10.0.10.10/8001', 'TCP/0.0.0.0/8001'), onNode: [ports('TCP/127.0.0.1/8001')], fits: false },
  { name: 'second tcp port conflict to 0.0.0.0 hostIP', pod: ports('TCP/127.0.0.1/8001'), onNode: [ports('TCP/0.0.0.0/8001')], fits: false },
  { name: 'second different protocol', pod: ports('UDP/127.0.0.1/8001'), onNode: [ports('TCP/0.0.0.0/8001')], fits: true },
  { name: 'UDP hostPort conflict due to 0.0.0.0 hostIP', pod: ports('UDP/127.0.0.1/8001'), onNode: [ports('TCP/0.0.0.0/8001', 'UDP/0.0.0.0/8001')], fits: false },
];

describe('node_ports_test.go :: TestNodePorts', () => {
  it.each(TestNodePorts.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(hostPortsFree(c.pod, c.onNode)).toBe(c.fits);
  });

  // scheduler/util :: GetHostPorts: sidecars hold their ports the whole pod long, other init containers are left out
  it('counts the host ports of sidecars, not those of other init containers', () => {
    const init = (restartPolicy?: 'Always'): Container => ({ name: 'i', ports: [{ containerPort: 80, hostPort: 80 }], ...(restartPolicy === undefined ? {} : { restartPolicy }) });
    const holder = (c: Container): PodSpec => ({ containers: [], initContainers: [c] });
    expect(hostPortsFree(ports('TCP//80'), [holder(init('Always'))])).toBe(false);
    expect(hostPortsFree(ports('TCP//80'), [holder(init())])).toBe(true);
    expect(hostPortsFree(holder(init('Always')), [ports('/0.0.0.0/80')])).toBe(false);
  });
});

const HOST = '127.0.0.1';
const hostPort80 = (name: string, at: number, spec: Partial<PodSpec> = {}) =>
  created({ metadata: { name, namespace: 'foo' }, spec: { containers: [{ name: 'c', image: 'app:1', ports: [{ containerPort: 80, hostPort: 80 }] }], ...spec } }, at);

describe('kubelet_test.go :: TestHandlePortConflicts', () => {
  it('the newer of two pods bound to the node with the same host port fails, the older is admitted', () => {
    const events = run([node(HOST), hostPort80('oldpod', 0, { nodeName: HOST }), hostPort80('newpod', 1, { nodeName: HOST })], world(), 2);
    expect(ofType(events, 'PodAdmitted').map((e) => e.pod.name)).toEqual(['oldpod']);
    // lifecycle/predicate.go :: Admit: the first failure's PredicateFailureError, "Predicate %s failed: %s"
    expect(ofType(events, 'PodRejected').map((e) => [e.pod.name, e.reason, e.message])).toEqual([
      ['newpod', 'NodePorts', "Predicate NodePorts failed: node(s) didn't have free ports for the requested pod ports"],
    ]);
  });
});

describe('the scheduler filters host ports (NodePorts, after NodeAffinity and before NodeResourcesFit)', () => {
  it('binds a pod to the node whose host port is free, and reports a node where none is', () => {
    const spread = run([node('a'), node('b'), hostPort80('web-1', 0), hostPort80('web-2', 1), hostPort80('web-3', 2)], world(), 3);
    expect(ofType(spread, 'PodBound').map((e) => [e.pod.name, e.node])).toEqual([
      ['web-1', 'a'],
      ['web-2', 'b'],
    ]);
    expect(ofType(spread, 'PodUnschedulable').map((e) => [e.pod.name, e.message])).toEqual([
      [
        'web-3',
        "0/2 nodes are available: 2 node(s) didn't have free ports for the requested pod ports. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.",
      ],
    ]);
  });
});
