/** Compact builders of valid journal events for tests: one pod's life at given second offsets. */
import { instantOf, type Instant } from '../../src/k8s/codecs.js';
import type { Event, PodRef } from '../../src/events/index.js';

export const T0 = Date.UTC(2026, 0, 1, 14, 0, 0);
export const at = (seconds: number): Instant => instantOf(T0 + seconds * 1000);

export const podRef = (name: string, namespace = 'default'): PodRef => ({ namespace, name, uid: `uid-${namespace}-${name}` });

export const created = (pod: PodRef, s: number, containers = ['app']): Event => ({
  v: 1,
  type: 'PodCreated',
  at: at(s),
  source: 'api',
  pod,
  manifest: {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: pod.name, namespace: pod.namespace },
    spec: { restartPolicy: 'Always', containers: containers.map((name) => ({ name, image: 'busybox:1.36' })) },
  },
});

export const bound = (pod: PodRef, s: number, node = 'node-1'): Event => ({ v: 1, type: 'PodBound', at: at(s), source: 'scheduler', pod, node });

export const started = (pod: PodRef, s: number, container = 'app', id = `${pod.name}-${container}-${s}`): Event[] => [
  { v: 1, type: 'ContainerCreated', at: at(s), source: 'runtime', pod, container, containerID: `containerd://${id}` },
  { v: 1, type: 'ContainerStarted', at: at(s), source: 'runtime', pod, container, containerID: `containerd://${id}` },
];

export const exited = (pod: PodRef, s: number, exitCode: number, container = 'app', id = 'x'): Event => ({
  v: 1,
  type: 'ContainerExited',
  at: at(s),
  source: 'runtime',
  pod,
  container,
  containerID: `containerd://${id}`,
  exitCode,
  reason: exitCode === 0 ? 'Completed' : 'Error',
});
