/** Pods with most of what describe shows: probes, env, mounts, volumes, tolerations, owners, sidecars. */
import type { V1Pod } from '../../src/k8s/pod.js';
import { MINUTE, SECOND, ago, pod } from './fixtures.js';

export const richPod: V1Pod = pod({
  metadata: {
    name: 'web-7d4b9c-x2x7q',
    namespace: 'shop',
    uid: '6b8f8f5e-1111-4222-8333-444455556666',
    creationTimestamp: ago(12 * MINUTE),
    labels: { app: 'web', 'pod-template-hash': '7d4b9c' },
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}', 'prometheus.io/scrape': 'true' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d4b9c', uid: 'rs-uid', controller: true }],
  },
  initContainers: [
    { name: 'migrate', image: 'example/migrate:3', command: ['sh', '-c', 'migrate up'] },
    {
      name: 'proxy',
      image: 'envoyproxy/envoy:v1.31',
      restartPolicy: 'Always',
      ports: [{ containerPort: 9901, protocol: 'TCP' }],
      startupProbe: { tcpSocket: { port: 9901 }, periodSeconds: 2, failureThreshold: 30 },
    },
  ],
  containers: [
    {
      name: 'app',
      image: 'example/web:1.4.2',
      args: ['--port=8080', '--log-level=debug'],
      ports: [{ containerPort: 8080, protocol: 'TCP' }, { containerPort: 9090, name: 'metrics', protocol: 'TCP' }],
      resources: { limits: { memory: '256Mi', cpu: '1' }, requests: { cpu: '0.25', memory: '128Mi' } },
      livenessProbe: { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 3, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
      readinessProbe: { exec: { command: ['test', '-e', '/tmp/healthy'] } },
      env: [
        { name: 'MODE', value: 'production' },
        { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
        { name: 'MEM_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
        { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
      ],
      volumeMounts: [
        { name: 'kube-api-access-abcde', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true },
        { name: 'cache', mountPath: '/cache' },
        { name: 'config', mountPath: '/etc/web/app.yaml', subPath: 'app.yaml', readOnly: true },
      ],
    },
  ],
  spec: {
    priority: 0,
    serviceAccountName: 'default',
    nodeName: 'node-a',
    volumes: [
      { name: 'cache', emptyDir: { sizeLimit: '1Gi' } },
      { name: 'config', configMap: { name: 'web-config' } },
      {
        name: 'kube-api-access-abcde',
        projected: {
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
          ],
        },
      },
    ],
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    tolerations: [
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ],
  },
  status: {
    phase: 'Running',
    hostIP: '10.0.0.11',
    podIP: '10.244.1.23',
    podIPs: [{ ip: '10.244.1.23' }],
    startTime: ago(12 * MINUTE),
    qosClass: 'Burstable',
    conditions: [
      { type: 'PodReadyToStartContainers', status: 'True' },
      { type: 'Initialized', status: 'True' },
      { type: 'Ready', status: 'True' },
      { type: 'ContainersReady', status: 'True' },
      { type: 'PodScheduled', status: 'True' },
    ],
    initContainerStatuses: [
      {
        name: 'migrate',
        containerID: 'containerd://a1',
        image: 'docker.io/example/migrate:3',
        imageID: 'docker.io/example/migrate@sha256:1111',
        ready: true,
        restartCount: 0,
        started: false,
        state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: ago(11 * MINUTE + 50 * SECOND), finishedAt: ago(11 * MINUTE + 40 * SECOND) } },
      },
      {
        name: 'proxy',
        containerID: 'containerd://a2',
        image: 'docker.io/envoyproxy/envoy:v1.31',
        imageID: 'docker.io/envoyproxy/envoy@sha256:2222',
        ready: true,
        restartCount: 0,
        started: true,
        state: { running: { startedAt: ago(11 * MINUTE + 39 * SECOND) } },
      },
    ],
    containerStatuses: [
      {
        name: 'app',
        containerID: 'containerd://a3',
        image: 'docker.io/example/web:1.4.2',
        imageID: 'docker.io/example/web@sha256:3333',
        ready: true,
        restartCount: 2,
        started: true,
        state: { running: { startedAt: ago(4 * MINUTE) } },
        lastState: { terminated: { exitCode: 137, reason: 'Error', startedAt: ago(9 * MINUTE), finishedAt: ago(4 * MINUTE + 5 * SECOND) } },
      },
    ],
  },
});

export const terminatingPod: V1Pod = pod({
  metadata: { name: 'batch-1', namespace: 'default', creationTimestamp: ago(3 * MINUTE), deletionTimestamp: ago(-25 * SECOND), deletionGracePeriodSeconds: 30 },
  containers: [{ name: 'worker', image: 'busybox' }],
  spec: { nodeName: 'node-b' },
  status: {
    phase: 'Running',
    hostIP: '10.0.0.12',
    containerStatuses: [{ name: 'worker', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }],
  },
});
