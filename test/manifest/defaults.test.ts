/** The API server's defaults, applied to the seed fixtures and to small manifests. */
import { describe, expect, it } from 'vitest';
import { describePod } from '../../src/printers/describe-pod.js';
import { firstPod, fixtureText, loadOk } from './load-helpers.js';

const container = (name: string) => {
  const pod = firstPod(fixtureText(name));
  const [c] = pod.spec.containers;
  if (c === undefined) throw new Error('no container');
  return { pod, c };
};

describe('pod-level defaults', () => {
  it('fills namespace, restartPolicy, grace period, dnsPolicy, schedulerName, priority', () => {
    const { pod } = container('liveness-exec.yaml');
    expect(pod.metadata.namespace).toBe('default');
    expect(pod.spec).toMatchObject({
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      securityContext: {},
      enableServiceLinks: true,
      priority: 0,
    });
  });

  it('keeps what the manifest says', () => {
    const { pod } = container('pod-demo.yaml');
    expect(pod.metadata.namespace).toBe('prod');
    expect(pod.metadata.labels).toEqual({ app: 'pod-demo', rel: 'stable' });
    expect(pod.metadata.annotations).toEqual({ 'ik8s.io/project': 'hello' });
    expect(firstPod(fixtureText('commands.yaml')).spec.restartPolicy).toBe('OnFailure');
    expect(firstPod(fixtureText('two-containers.yaml')).spec.restartPolicy).toBe('Never');
    const custom = firstPod(`apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  terminationGracePeriodSeconds: 0
  dnsPolicy: Default
  schedulerName: my-scheduler
  containers: [{ name: c, image: busybox:1.36 }]
`);
    expect(custom.spec).toMatchObject({ terminationGracePeriodSeconds: 0, dnsPolicy: 'Default', schedulerName: 'my-scheduler' });
  });

  it.each([
    ['critical-pod.yaml', 2000001000],
    ['multi.yaml', 0],
  ])('resolves priority for %s', (file, priority) => {
    expect(loadOk(fixtureText(file)).pods[0]?.pod.spec.priority).toBe(priority);
  });

  it('takes spec.priority when no known class is named', () => {
    const priorities = loadOk(fixtureText('multi.yaml')).pods.map((p) => p.pod.spec.priority);
    expect(priorities).toEqual([0, 0, -10]);
    const cluster = firstPod(`apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  priorityClassName: system-cluster-critical
  containers: [{ name: c, image: busybox:1.36 }]
`);
    expect(cluster.spec.priority).toBe(2000000000);
  });
});

describe('container defaults', () => {
  it('fills termination message path and policy', () => {
    const { c } = container('commands.yaml');
    expect(c).toMatchObject({ terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' });
  });

  it.each([
    ['busybox', 'Always'],
    ['busybox:latest', 'Always'],
    ['nginx:1.14-alpine', 'IfNotPresent'],
    ['registry.local:5000/team/app', 'Always'],
    ['registry.local:5000/team/app:v2', 'IfNotPresent'],
    ['nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31', 'IfNotPresent'],
    ['nginx:latest@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31', 'Always'],
  ])('image %s pulls %s', (image, policy) => {
    const pod = firstPod(`apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers: [{ name: c, image: "${image}" }]\n`);
    expect(pod.spec.containers[0]?.imagePullPolicy).toBe(policy);
  });

  it('never overrides an explicit imagePullPolicy', () => {
    expect(container('pod-demo.yaml').c.imagePullPolicy).toBe('IfNotPresent');
    const pod = firstPod(`apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers: [{ name: c, image: nginx:1.25, imagePullPolicy: Never }]\n`);
    expect(pod.spec.containers[0]?.imagePullPolicy).toBe('Never');
  });

  it('defaults every probe timing the manifest leaves out', () => {
    expect(container('liveness-exec.yaml').c.livenessProbe).toEqual({
      exec: { command: ['test', '-e', '/tmp/healthy'] },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
    expect(container('readiness-exec.yaml').c.readinessProbe).toMatchObject({ initialDelaySeconds: 5, periodSeconds: 5, timeoutSeconds: 1 });
    const { c } = container('liveness-tcp.yaml');
    expect(c.readinessProbe).toMatchObject({ tcpSocket: { port: 8080 }, initialDelaySeconds: 5, periodSeconds: 10, failureThreshold: 3 });
    expect(c.livenessProbe).toMatchObject({ initialDelaySeconds: 15, periodSeconds: 20 });
  });

  it('keeps httpGet settings and fills path and scheme where missing, in probes and hooks', () => {
    const { c } = container('liveness-http.yaml');
    expect(c.livenessProbe).toEqual({
      httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' },
      initialDelaySeconds: 3,
      timeoutSeconds: 1,
      periodSeconds: 2,
      successThreshold: 1,
      failureThreshold: 3,
    });
    expect(container('lifecycle-http.yaml').c.lifecycle?.preStop?.httpGet).toEqual({
      path: '/test',
      port: 8080,
      scheme: 'HTTP',
      httpHeaders: [{ name: 'x-cluster-header', value: 'test' }],
    });
    const bare = firstPod(`apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
  - name: c
    image: nginx:1.25
    readinessProbe: { httpGet: { port: 80 } }
`);
    expect(bare.spec.containers[0]?.readinessProbe?.httpGet).toEqual({ port: 80, path: '/', scheme: 'HTTP' });
  });

  it('defaults port protocols to TCP', () => {
    expect(container('liveness-http.yaml').c.ports).toEqual([{ name: 'http', containerPort: 80, protocol: 'TCP' }]);
  });

  it('makes container ports host ports with host networking', () => {
    const pod = firstPod(`apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  hostNetwork: true
  containers: [{ name: c, image: nginx:1.25, ports: [{ containerPort: 8080 }] }]
`);
    expect(pod.spec.containers[0]?.ports).toEqual([{ containerPort: 8080, hostPort: 8080, protocol: 'TCP' }]);
  });

  it('copies limits into missing requests, keeping the requests given (init containers too)', () => {
    expect(container('qos-limits-only.yaml').c.resources).toEqual({
      limits: { memory: '1Gi', cpu: '500m' },
      requests: { memory: '1Gi', cpu: '500m' },
    });
    expect(container('stress-pod.yaml').c.resources?.requests).toEqual({ memory: '128Mi', cpu: '200m' });
    const pod = firstPod(`apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  initContainers:
  - { name: init, image: busybox:1.36, resources: { limits: { cpu: 1 }, requests: { memory: 10Mi } } }
  containers: [{ name: c, image: busybox:1.36 }]
`);
    expect(pod.spec.initContainers?.[0]?.resources).toEqual({ limits: { cpu: '1' }, requests: { cpu: '1', memory: '10Mi' } });
    expect(pod.spec.containers[0]?.resources).toBeUndefined();
  });

  it('defaults pod-level requests from the containers, else from the pod-level limits', () => {
    const pod = firstPod(`apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  resources: { limits: { cpu: 2, memory: 1Gi } }
  containers:
  - { name: a, image: busybox:1.36, resources: { requests: { memory: 100Mi } } }
  - { name: b, image: busybox:1.36, resources: { requests: { memory: 156Mi } } }
`);
    expect(pod.spec.resources?.requests).toEqual({ memory: '256Mi', cpu: '2' });
  });
});

// pkg/apis/core/v1/defaults.go :: SetDefaults_Volume (gate ImageVolume): an image volume's pullPolicy
describe('image volume defaults', () => {
  const withImageVolume = (image: string) =>
    firstPod(`apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [{ name: c, image: busybox:1.36 }]
  volumes: [{ name: v, image: ${image} }]
`);

  it.each([
    ['quay.io/crio/artifact', 'Always'],
    ['quay.io/crio/artifact:latest', 'Always'],
    ['quay.io/crio/artifact:v2', 'IfNotPresent'],
    ['registry.local:5000/team/artifact', 'Always'],
    ['artifact@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31', 'IfNotPresent'],
  ])('reference %s pulls %s', (reference, policy) => {
    expect(withImageVolume(`{ reference: "${reference}" }`).spec.volumes?.[0]?.image).toEqual({ reference, pullPolicy: policy });
  });

  it('never overrides an explicit pullPolicy, and leaves other volumes alone', () => {
    expect(withImageVolume('{ reference: "artifact:latest", pullPolicy: Never }').spec.volumes?.[0]?.image).toEqual({ reference: 'artifact:latest', pullPolicy: 'Never' });
    expect(firstPod(fixtureText('two-containers.yaml')).spec.volumes?.[0]).toEqual({ name: 'shared-data', emptyDir: {} });
  });

  it('describe prints the defaulted policy (describe.go :: printImageVolumeSource)', () => {
    const out = describePod(withImageVolume('{ reference: "quay.io/crio/artifact:v1" }'), [], new Date('2026-01-01T00:00:00Z'));
    expect(out).toMatch(/ {4}Reference:\s+quay\.io\/crio\/artifact:v1\n {4}PullPolicy:\s+IfNotPresent\n/);
  });
});

describe('documents and lines', () => {
  it('loads every document of a multi-document file with its starting line', () => {
    const { pods, warnings } = loadOk(fixtureText('multi.yaml'), 'multi.yaml');
    expect(pods.map((p) => [p.pod.metadata.name, p.line])).toEqual([
      ['web-a', 2],
      ['web-b', 11],
      ['batch-low', 23],
    ]);
    expect(warnings).toEqual([]);
  });

  it('loads the pods of a JSON v1 List, each at the line of its item', () => {
    const { pods } = loadOk(fixtureText('pod-list.json'), 'pod-list.json');
    expect(pods.map((p) => [p.pod.metadata.name, p.line])).toEqual([
      ['json-one', 5],
      ['json-two', 11],
    ]);
  });

  it('skips empty documents', () => {
    const { pods } = loadOk(`---\napiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { containers: [{ name: c, image: busybox:1.36 }] }\n---\n`);
    expect(pods.map((p) => p.line)).toEqual([2]);
  });

  it.each([
    'liveness-exec.yaml',
    'liveness-http.yaml',
    'liveness-tcp.yaml',
    'readiness-exec.yaml',
    'init-containers.yaml',
    'sidecar.yaml',
    'two-containers.yaml',
    'memleak-pod.yaml',
    'stress-pod.yaml',
    'qos-guaranteed.yaml',
    'qos-burstable.yaml',
    'qos-besteffort.yaml',
    'qos-limits-only.yaml',
    'lifecycle-demo.yaml',
    'lifecycle-http.yaml',
    'commands.yaml',
    'pod-demo.yaml',
    'critical-pod.yaml',
  ])('%s loads as one pod without warnings', (file) => {
    const { pods, warnings } = loadOk(fixtureText(file), file);
    expect(pods).toHaveLength(1);
    expect(warnings).toEqual([]);
  });
});
