/** A small cluster's pods, as the reducers would derive them, for table and describe tests. */
import type { V1Pod } from '../../src/k8s/pod.js';
import { DAY, HOUR, MINUTE, SECOND, ago, pod } from './fixtures.js';

export const web: V1Pod = pod({
  metadata: { name: 'web-7d4b9c', namespace: 'default', uid: 'uid-web', creationTimestamp: ago(2 * DAY + 3 * HOUR), labels: { app: 'web', tier: 'frontend' } },
  containers: [{ name: 'nginx', image: 'nginx:1.27' }],
  spec: { nodeName: 'node-a' },
  status: {
    phase: 'Running',
    podIP: '10.244.1.7',
    podIPs: [{ ip: '10.244.1.7' }],
    conditions: [{ type: 'Ready', status: 'True' }],
    containerStatuses: [{ name: 'nginx', ready: true, restartCount: 0, started: true, state: { running: { startedAt: ago(2 * DAY) } } }],
  },
});

export const crashing: V1Pod = pod({
  metadata: { name: 'api-5f6d', namespace: 'default', uid: 'uid-api', creationTimestamp: ago(12 * MINUTE), labels: { app: 'api', 'example.com/team': 'core' } },
  containers: [{ name: 'api', image: 'example/api:2' }, { name: 'log', image: 'busybox' }],
  spec: { nodeName: 'node-b' },
  status: {
    phase: 'Running',
    podIP: '10.244.2.3',
    podIPs: [{ ip: '10.244.2.3' }],
    containerStatuses: [
      {
        name: 'api',
        ready: false,
        restartCount: 6,
        started: false,
        state: { waiting: { reason: 'CrashLoopBackOff' } },
        lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(75 * SECOND) } },
      },
      { name: 'log', ready: true, restartCount: 0, started: true, state: { running: { startedAt: ago(11 * MINUTE) } } },
    ],
  },
});

export const initializing: V1Pod = pod({
  metadata: { name: 'db-0', namespace: 'data', uid: 'uid-db', creationTimestamp: ago(40 * SECOND) },
  initContainers: [{ name: 'migrate', image: 'example/migrate' }, { name: 'proxy', image: 'envoy', restartPolicy: 'Always' }],
  containers: [{ name: 'postgres', image: 'postgres:16' }],
  spec: { nodeName: 'node-a', readinessGates: [{ conditionType: 'example.com/ready' }] },
  status: {
    phase: 'Pending',
    initContainerStatuses: [
      { name: 'migrate', ready: false, restartCount: 0, state: { running: { startedAt: ago(30 * SECOND) } } },
      { name: 'proxy', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } },
    ],
    containerStatuses: [{ name: 'postgres', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }],
    nominatedNodeName: 'node-c',
  },
});

export const samplePods: readonly V1Pod[] = [web, initializing, crashing];
