/**
 * Status fields the v1.36 kubelet writes (`pkg/kubelet/kubelet_pods.go :: convertToAPIContainerStatuses`,
 * `convertContainerStatus`, `generateAPIPodStatus`), as the recorded cluster in test/fixtures/real shows them:
 * `volumeMounts` on every status, `resources`, `allocatedResources` and `user` once the runtime reports the
 * container, and `observedGeneration` on the pod status and its conditions (gate PodObservedGenerationTracking).
 */
import { describe, expect, test } from 'vitest';
import type { PodSpec } from '../../src/k8s/pod.js';
import { PodScript } from './script.js';

const TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount';
const spec: PodSpec = {
  restartPolicy: 'Always',
  securityContext: { runAsUser: 1000, runAsGroup: 3000, supplementalGroups: [4000] },
  volumes: [{ name: 'kube-api-access-abcde', projected: {} }, { name: 'data', emptyDir: {} }],
  containers: [
    {
      name: 'app',
      image: 'nginx:1.26-alpine',
      resources: { limits: { memory: '64Mi' }, requests: { cpu: '10m', memory: '16Mi' } },
      volumeMounts: [
        { name: 'kube-api-access-abcde', readOnly: true, mountPath: TOKEN },
        { name: 'data', mountPath: '/data' },
      ],
    },
  ],
};

describe('runtime-reported container status fields', () => {
  test('volumeMounts from the first status on; recursiveReadOnly Disabled on read-only mounts', () => {
    const status = new PodScript(spec).scheduled().must().status?.containerStatuses?.[0];
    expect(status?.volumeMounts).toEqual([
      { name: 'kube-api-access-abcde', mountPath: TOKEN, readOnly: true, recursiveReadOnly: 'Disabled' },
      { name: 'data', mountPath: '/data' },
    ]);
    expect(status?.resources).toBeUndefined();
    expect(status?.user).toBeUndefined();
  });

  test('resources, allocatedResources and user once an instance exists', () => {
    const status = new PodScript(spec).scheduled().run('app').must().status?.containerStatuses?.[0];
    expect(status?.allocatedResources).toEqual({ cpu: '10m', memory: '16Mi' });
    expect(status?.resources).toEqual({ limits: { memory: '64Mi' }, requests: { cpu: '10m', memory: '16Mi' } });
    expect(status?.user).toEqual({ linux: { uid: 1000, gid: 3000, supplementalGroups: [3000, 4000] } });
  });

  test('a BestEffort container shows resources {} and no allocatedResources, as the recorded crash-loop pod does', () => {
    const bestEffort: PodSpec = { restartPolicy: 'Always', containers: [{ name: 'worker', image: 'busybox:1.36' }] };
    const status = new PodScript(bestEffort).scheduled().run('worker').must().status?.containerStatuses?.[0];
    expect(status?.resources).toEqual({});
    expect(status).not.toHaveProperty('allocatedResources');
  });

  test('observedGeneration on the pod status and on every condition the kubelet and scheduler write', () => {
    const pod = new PodScript(spec).scheduled().run('app').must();
    expect(pod.metadata.generation).toBe(1);
    expect(pod.status?.observedGeneration).toBe(1);
    expect(pod.status?.conditions?.map((c) => [c.type, c.observedGeneration])).toEqual([
      ['PodReadyToStartContainers', 1],
      ['Initialized', 1],
      ['Ready', 1],
      ['ContainersReady', 1],
      ['PodScheduled', 1],
    ]);
  });
});
