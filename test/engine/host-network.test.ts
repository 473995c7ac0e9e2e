/** A host-network pod's sandbox and pod IP in the engine (`kubelet_pods.go :: generateAPIPodStatus`). */
import { describe, expect, test } from 'vitest';
import { findPod, foldCluster } from '../../src/reducers/index.js';
import { created, node, ofType, run, world } from './harness.js';

describe('the engine: a host-network sandbox takes no IP from the node range (kubelet_pods.go :: generateAPIPodStatus)', () => {
  test('the host-network pod shows the node IP, the next pod on the node gets the range first IP', () => {
    const manifest = (name: string, hostNetwork: boolean) =>
      created({ metadata: { name }, spec: { ...(hostNetwork && { hostNetwork: true }), containers: [{ name: 'a', image: 'registry.k8s.io/pause:3.9' }] } });
    const external = [node('n1'), manifest('host', true), manifest('web', false)];
    const events = run(external, world(), 10);
    expect(ofType(events, 'SandboxCreated').map((e) => [e.pod.name, e.podIP])).toEqual([
      ['host', ''],
      ['web', '10.244.0.2'],
    ]);
    const ips = (name: string) => findPod(foldCluster(events), 'default', name)?.pod.status?.podIPs?.map((x) => x.ip);
    expect(ips('host')).toEqual(['192.168.0.2']);
    expect(ips('web')).toEqual(['10.244.0.2']);
  });
});
