/**
 * Kubernetes' Pod defaulting cases as data: `pkg/apis/core/v1/defaults_test.go` (kubernetes/kubernetes, the
 * newest stored copy, commit b0d609f0), put to `applyDefaults` on the decoded pod. Upstream's `roundTrip`
 * decodes and defaults without validating, and so do these (a container here may lack a name or an image).
 *
 * Not carried, by group:
 * - `TestWorkloadDefaults`, `TestDefaultRequestIsNotSetForReplicationController`, the PodSpec half of
 *   `TestPodHostNetworkDefaults`: pod templates of workloads; podjournal loads Pods only.
 * - `TestSetDefaultReplicationController*`, `…Service*`, `…Secret`, `…PersistentVolume*`, `…Namespace*`,
 *   `…EndpointsProtocol`, `…NodeStatusAllocatable`, `…LimitRangeItem`: other kinds.
 * - `TestSetDefaultResizePolicy`: written for `InPlacePodVerticalScaling` while it defaulted `resizePolicy`;
 *   v1.35+ API servers store containers with requests and no `resizePolicy` (the `api`-sourced pods of
 *   `test/fixtures/real/newrelic-minikube-v1.35-kubelet-pods.json`), so v1.36 does not default it.
 * - The `TestPodDefaults` entries under `ephemeralContainers` (added only through the `ephemeralcontainers`
 *   subresource, never on create), under the azureDisk, iscsi, rbd and scaleIO volume sources (in-tree
 *   plugins the codec does not name; their fields are kept as written), and `resources.requests {"":"0"}`
 *   (the detector's own empty resource name; requests from limits are `TestSetDefaultRequestsPod`'s).
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, test } from 'vitest';
import { parsePath } from '../../src/k8s/field-path.js';
import type { V1Pod } from '../../src/k8s/pod.js';
import { decodePod } from '../../src/manifest/decode.js';
import { applyDefaults } from '../../src/manifest/index.js';

/** A pod with this spec (and metadata), decoded and defaulted as the API server does on create. */
const defaulted = (spec: Record<string, unknown>): V1Pod => {
  const decoded = decodePod({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });
  if (E.isLeft(decoded)) throw new Error(`${decoded.left.message} at ${decoded.left.path.join('.')}`);
  return applyDefaults(decoded.right);
};

const valueAt = (root: unknown, path: string): unknown =>
  parsePath(path).reduce<unknown>((node, segment) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[segment] : undefined), root);

// defaults_test.go :: TestPodDefaults. Upstream fills every struct of an empty pod and lists the non-zero
// values defaulting leaves; here each container carries the structs that have defaults, and each volume
// one source (upstream's single volume with every source would not be a valid pod).
const handler = { httpGet: { port: 0 } };
const probe = { ...handler, grpc: { port: 0 } };
const container = {
  name: '',
  env: [{ name: '', valueFrom: { fieldRef: { fieldPath: '' } } }],
  ports: [{ containerPort: 0 }],
  lifecycle: { postStart: handler, preStop: handler },
  livenessProbe: probe,
  readinessProbe: probe,
  startupProbe: probe,
};
const everyDefault = defaulted({
  containers: [container],
  initContainers: [container],
  volumes: [
    { name: 'none' },
    { name: 'configmap', configMap: {} },
    { name: 'downward', downwardAPI: { items: [{ path: 'p', fieldRef: { fieldPath: '' } }] } },
    { name: 'ephemeral', ephemeral: { volumeClaimTemplate: { spec: {} } } },
    { name: 'hostpath', hostPath: { path: '/x' } },
    { name: 'projected', projected: { sources: [{ downwardAPI: { items: [{ path: 'p', fieldRef: { fieldPath: '' } }] }, serviceAccountToken: { path: 't' } }] } },
    { name: 'secret', secret: {} },
  ],
});

const containerDefaults = (list: 'containers' | 'initContainers'): ReadonlyArray<readonly [string, unknown]> => [
  [`spec.${list}[0].env[0].valueFrom.fieldRef.apiVersion`, 'v1'],
  [`spec.${list}[0].imagePullPolicy`, 'IfNotPresent'],
  ...(['postStart', 'preStop'] as const).flatMap((hook) => [
    [`spec.${list}[0].lifecycle.${hook}.httpGet.path`, '/'] as const,
    [`spec.${list}[0].lifecycle.${hook}.httpGet.scheme`, 'HTTP'] as const,
  ]),
  ...(['livenessProbe', 'readinessProbe', 'startupProbe'] as const).flatMap((kind) => [
    [`spec.${list}[0].${kind}.failureThreshold`, 3] as const,
    [`spec.${list}[0].${kind}.httpGet.path`, '/'] as const,
    [`spec.${list}[0].${kind}.httpGet.scheme`, 'HTTP'] as const,
    [`spec.${list}[0].${kind}.grpc.service`, ''] as const,
    [`spec.${list}[0].${kind}.periodSeconds`, 10] as const,
    [`spec.${list}[0].${kind}.successThreshold`, 1] as const,
    [`spec.${list}[0].${kind}.timeoutSeconds`, 1] as const,
  ]),
  [`spec.${list}[0].ports[0].protocol`, 'TCP'],
  [`spec.${list}[0].terminationMessagePath`, '/dev/termination-log'],
  [`spec.${list}[0].terminationMessagePolicy`, 'File'],
];

const TestPodDefaults: ReadonlyArray<readonly [string, unknown]> = [
  ...containerDefaults('containers'),
  ...containerDefaults('initContainers'),
  ['spec.dnsPolicy', 'ClusterFirst'],
  ['spec.enableServiceLinks', true],
  ['spec.restartPolicy', 'Always'],
  ['spec.schedulerName', 'default-scheduler'],
  ['spec.securityContext', {}],
  ['spec.terminationGracePeriodSeconds', 30],
  ['spec.volumes[0].emptyDir', {}],
  ['spec.volumes[1].configMap.defaultMode', 420],
  ['spec.volumes[2].downwardAPI.defaultMode', 420],
  ['spec.volumes[2].downwardAPI.items[0].fieldRef.apiVersion', 'v1'],
  ['spec.volumes[3].ephemeral.volumeClaimTemplate.spec.volumeMode', 'Filesystem'],
  ['spec.volumes[4].hostPath.type', ''],
  ['spec.volumes[5].projected.defaultMode', 420],
  ['spec.volumes[5].projected.sources[0].downwardAPI.items[0].fieldRef.apiVersion', 'v1'],
  ['spec.volumes[5].projected.sources[0].serviceAccountToken.expirationSeconds', 3600],
  ['spec.volumes[6].secret.defaultMode', 420],
];

describe('defaults_test.go :: TestPodDefaults', () => {
  test.each(TestPodDefaults)('%s = %j', (path, value) => {
    expect(valueAt(everyDefault, path)).toEqual(value);
  });
});

// defaults_test.go :: TestPodHostNetworkDefaults, the Pod half: the gate DefaultHostNetworkHostPortsInPodTemplates
// only decides templates; a Pod's ports become host ports with host networking either way.
describe('defaults_test.go :: TestPodHostNetworkDefaults (Pod)', () => {
  test.each([
    { name: 'gate disabled, hostNetwork=false', hostNet: false, expectPodDefault: false },
    { name: 'gate disabled, hostNetwork=true', hostNet: true, expectPodDefault: true },
    { name: 'gate enabled, hostNetwork=false', hostNet: false, expectPodDefault: false },
    { name: 'gate enabled, hostNetwork=true', hostNet: true, expectPodDefault: true },
  ])('$name', ({ hostNet, expectPodDefault }) => {
    const pod = defaulted({ hostNetwork: hostNet, containers: [{ name: '', ports: [{ containerPort: 12345, protocol: 'TCP' }] }] });
    expect(pod.spec.containers[0]?.ports?.[0]?.hostPort ?? 0).toBe(expectPodDefault ? 12345 : 0);
  });
});

// defaults_test.go :: TestSetDefaultReplicationControllerInitContainers, its init containers put in a Pod.
describe('defaults_test.go :: TestSetDefaultReplicationControllerInitContainers (as a Pod)', () => {
  const init = (c: Record<string, unknown>) => defaulted({ containers: [{ name: 'c' }], initContainers: [{ name: 'fun', image: 'alpine', ...c }] }).spec.initContainers?.[0];
  const expectedProbe = { httpGet: { host: 'localhost', path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 };
  test('imagePullIPolicy', () => {
    expect(init({ name: 'install', image: 'busybox' })?.imagePullPolicy).toBe('Always');
  });
  test('FieldRef', () => {
    expect(init({ env: [{ name: 'MY_POD_IP', valueFrom: { fieldRef: { apiVersion: '', fieldPath: 'status.podIP' } } }] })?.env).toEqual([
      { name: 'MY_POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
    ]);
  });
  test('ContainerPort', () => {
    expect(init({ ports: [{ name: 'default', containerPort: 0 }] })?.ports).toEqual([{ name: 'default', containerPort: 0, protocol: 'TCP' }]);
  });
  test('Resources', () => {
    const resources = { limits: { cpu: '100m', memory: '100Mi' }, requests: { cpu: '100m', memory: '100Mi' } };
    expect(init({ resources })?.resources).toEqual(resources);
  });
  test('Probe', () => {
    const c = init({ livenessProbe: { httpGet: { host: 'localhost', port: 0 } }, readinessProbe: { httpGet: { host: 'localhost', port: 0 } } });
    expect(c?.livenessProbe).toEqual({ ...expectedProbe, httpGet: { ...expectedProbe.httpGet, port: 0 } });
    expect(c?.readinessProbe).toEqual({ ...expectedProbe, httpGet: { ...expectedProbe.httpGet, port: 0 } });
  });
  test('LifeCycle', () => {
    const hook = { httpGet: { host: 'localhost', port: 0 } };
    expect(init({ ports: [{ name: 'default', containerPort: 0 }], lifecycle: { postStart: hook, preStop: hook } })?.lifecycle).toEqual({
      postStart: { httpGet: { host: 'localhost', port: 0, path: '/', scheme: 'HTTP' } },
      preStop: { httpGet: { host: 'localhost', port: 0, path: '/', scheme: 'HTTP' } },
    });
  });
});

describe('defaults_test.go :: volume sources', () => {
  const volume = (source: Record<string, unknown>) => defaulted({ containers: [{ name: 'c' }], volumes: [{ name: 'v', ...source }] }).spec.volumes?.[0];
  test.each([
    ['TestSetDefaultSecretVolumeSource', { secret: {} }, 'secret.defaultMode', 420],
    ['TestSetDefaultConfigMapVolumeSource', { configMap: {} }, 'configMap.defaultMode', 420],
    ['TestSetDefaultDownwardAPIVolumeSource', { downwardAPI: {} }, 'downwardAPI.defaultMode', 420],
    ['TestSetDefaultProjectedVolumeSource', { projected: {} }, 'projected.defaultMode', 420],
    ['TestSetDefaultHostPathVolumeSource', { hostPath: { path: 'foo' } }, 'hostPath.type', ''],
    ['TestSetDefaultEphemeral: volume mode nil', { ephemeral: { volumeClaimTemplate: { spec: {} } } }, 'ephemeral.volumeClaimTemplate.spec.volumeMode', 'Filesystem'],
    ['TestSetDefaultEphemeral: volume mode filesystem', { ephemeral: { volumeClaimTemplate: { spec: { volumeMode: 'Filesystem' } } } }, 'ephemeral.volumeClaimTemplate.spec.volumeMode', 'Filesystem'],
    ['TestSetDefaultEphemeral: volume mode block', { ephemeral: { volumeClaimTemplate: { spec: { volumeMode: 'Block' } } } }, 'ephemeral.volumeClaimTemplate.spec.volumeMode', 'Block'],
  ])('%s', (_, source, path, value) => {
    expect(valueAt(volume(source), path)).toEqual(value);
  });
  test('a mode the manifest gives is kept', () => {
    expect(volume({ secret: { secretName: 's', defaultMode: 256 } })).toEqual({ name: 'v', secret: { secretName: 's', defaultMode: 256 } });
  });
});

describe('defaults_test.go :: pod-wide', () => {
  test('TestSetDefaultPodSpecHostNetwork', () => {
    const pod = defaulted({ hostNetwork: true, containers: [{ name: '', ports: [{ containerPort: 8080 }] }], initContainers: [{ name: '', ports: [{ containerPort: 8080 }] }] });
    expect(pod.spec.containers[0]?.ports?.[0]?.hostPort).toBe(8080);
    expect(pod.spec.initContainers?.[0]?.ports?.[0]?.hostPort).toBe(8080);
  });

  test('TestSetDefaultObjectFieldSelectorAPIVersion', () => {
    const pod = defaulted({ containers: [{ name: '', env: [{ name: '', valueFrom: { fieldRef: {} } }] }] });
    expect(valueAt(pod, 'spec.containers[0].env[0].valueFrom.fieldRef.apiVersion')).toBe('v1');
  });

  test('TestSetMinimumScalePod: quantities round up to a whole milli-unit', () => {
    const resources = { requests: { memory: '1n' }, limits: { cpu: '2n' } };
    const pod = defaulted({ containers: [{ name: '', resources }], initContainers: [{ name: '', resources }] });
    expect(pod.spec.containers[0]?.resources?.requests?.['memory']).toBe('1m');
    expect(pod.spec.initContainers?.[0]?.resources?.requests?.['memory']).toBe('1m');
  });

  test('TestSetDefaultRequestsPod: requests default to limits, and a request of 0 is kept', () => {
    const resources = { requests: { memory: '0' }, limits: { cpu: '100m', memory: '1Gi' } };
    const pod = defaulted({ containers: [{ name: '', resources }], initContainers: [{ name: '', resources }] });
    for (const c of [pod.spec.containers[0], pod.spec.initContainers?.[0]]) {
      expect(c?.resources?.requests).toEqual({ cpu: '100m', memory: '0' });
    }
  });

  test('TestSetDefaultRequestsPod: nothing without limits', () => {
    const pod = defaulted({ containers: [{ name: '' }], initContainers: [{ name: '' }] });
    expect(pod.spec.containers[0]?.resources?.requests?.['cpu'] ?? '0').toBe('0');
    expect(pod.spec.initContainers?.[0]?.resources?.requests?.['cpu'] ?? '0').toBe('0');
  });

  test('TestSetDefaultProbe', () => {
    const pod = defaulted({ containers: [{ name: '', livenessProbe: {} }] });
    expect(pod.spec.containers[0]?.livenessProbe).toEqual({ timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
  });

  test('TestSetDefaultSchedulerName', () => {
    expect(defaulted({ containers: [] }).spec.schedulerName).toBe('default-scheduler');
  });

  test('TestSetDefaultEnableServiceLinks', () => {
    expect(defaulted({ containers: [] }).spec.enableServiceLinks).toBe(true);
  });
});

// SetDefaults_ResourceList writes quantities back canonically: what a cluster shows for a manifest's `0.5`.
describe('defaults.go :: SetDefaults_ResourceList', () => {
  test('canonical quantities, in containers, init containers, pod-level resources and overhead', () => {
    const resources = { limits: { cpu: '0.5', memory: '1024Mi' } };
    const pod = defaulted({ containers: [{ name: 'c', resources }], initContainers: [{ name: 'i', resources }], resources: { limits: { cpu: '1.5' } }, overhead: { memory: '0.5Gi' } });
    const canonical = { limits: { cpu: '500m', memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' } };
    expect(pod.spec.containers[0]?.resources).toEqual(canonical);
    expect(pod.spec.initContainers?.[0]?.resources).toEqual(canonical);
    expect(pod.spec.resources?.limits).toEqual({ cpu: '1500m' });
    expect(pod.spec.overhead).toEqual({ memory: '512Mi' });
  });
});
