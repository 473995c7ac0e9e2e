/**
 * Kubernetes' request cases as data: `pkg/api/v1/resource/helpers_test.go :: TestGetResourceRequest`, put to
 * `podRequestNanos` (the request the eviction manager reads, `GetResourceRequestQuantity`). `GetResourceRequest`
 * answers millicores for cpu and whole units (rounded up) otherwise. Every case runs with `PodLevelResources`
 * as upstream sets it; the gate is on by default in v1.36 and our code has it on, so the cases upstream runs with
 * it off are the ones without pod-level resources, where the gate changes nothing.
 */
import { describe, expect, test } from 'vitest';
import type { Container, PodSpec, ResourceRequirements, V1Pod } from '../../src/k8s/pod.js';
import { podLevelResourcesSet } from '../../src/k8s/pod-resources.js';
import { podRequestNanos, schedulingRequestNanos } from '../../src/eviction/requests.js';
import { nanosOf } from '../../src/k8s/quantity.js';

interface Resources {
  readonly cpuRequest?: string;
  readonly memoryRequest?: string;
  readonly cpuOverhead?: string;
  readonly memoryOverhead?: string;
}

/** helpers_test.go :: defineResources (requests only: no case sets a limit). */
const defineResources = (r: Resources): ResourceRequirements => ({
  requests: { ...(r.cpuRequest !== undefined && { cpu: r.cpuRequest }), ...(r.memoryRequest !== undefined && { memory: r.memoryRequest }) },
});

/** helpers_test.go :: getPod: one container and one init container with the same resources, and the overhead. */
const getPod = (cname: string, r: Resources): V1Pod => {
  const overhead = { ...(r.cpuOverhead !== undefined && { cpu: r.cpuOverhead }), ...(r.memoryOverhead !== undefined && { memory: r.memoryOverhead }) };
  const spec: PodSpec = {
    containers: [{ name: cname, resources: defineResources(r) }],
    initContainers: [{ name: `init-${cname}`, resources: defineResources(r) }],
    overhead,
  };
  return { metadata: {}, spec };
};

/** helpers_test.go :: getPodWithPodLevelResources. */
const getPodWithPodLevelResources = (cname: string, podResources: Resources, r: Resources): V1Pod => {
  const pod = getPod(cname, r);
  return { ...pod, spec: { ...pod.spec, resources: defineResources(podResources) } };
};

const containerName = 'test-container';

interface Case {
  readonly name: string;
  readonly pod: V1Pod;
  readonly resourceName: 'cpu' | 'memory';
  readonly expectedValue: bigint;
}

// helpers_test.go :: TestGetResourceRequest (upstream names only some cases: the others by index)
const TestGetResourceRequest: Case[] = [
  { name: 'case 0: cpu request', pod: getPod(containerName, { cpuRequest: '9' }), resourceName: 'cpu', expectedValue: 9000n },
  { name: 'case 1: memory request', pod: getPod(containerName, { memoryRequest: '90Mi' }), resourceName: 'memory', expectedValue: 94371840n },
  { name: 'just-overhead for cpu', pod: getPod(containerName, { cpuOverhead: '5', memoryOverhead: '5' }), resourceName: 'cpu', expectedValue: 0n },
  { name: 'just-overhead for memory', pod: getPod(containerName, { memoryOverhead: '5' }), resourceName: 'memory', expectedValue: 0n },
  { name: 'cpu overhead and req', pod: getPod(containerName, { cpuRequest: '2', cpuOverhead: '5', memoryOverhead: '5' }), resourceName: 'cpu', expectedValue: 7000n },
  {
    name: 'mem overhead and req',
    pod: getPod(containerName, { cpuRequest: '2', memoryRequest: '1024', cpuOverhead: '5', memoryOverhead: '5' }),
    resourceName: 'memory',
    expectedValue: 1029n,
  },
  {
    name: 'pod level resources cpu req, container cpu req',
    pod: getPodWithPodLevelResources(containerName, { cpuRequest: '10' }, { cpuRequest: '8' }),
    resourceName: 'cpu',
    expectedValue: 10000n,
  },
  {
    name: 'pod level resources mem req, container mem req',
    pod: getPodWithPodLevelResources(containerName, { memoryRequest: '100Mi' }, { memoryRequest: '80Mi' }),
    resourceName: 'memory',
    expectedValue: 104857600n,
  },
  {
    name: 'pod level resources cpu req, container mem req',
    pod: getPodWithPodLevelResources(containerName, { cpuRequest: '5' }, { memoryRequest: '50Mi' }),
    resourceName: 'cpu',
    expectedValue: 5000n,
  },
  {
    name: 'pod level resources mem req, container cpu req',
    pod: getPodWithPodLevelResources(containerName, { memoryRequest: '100Mi' }, { cpuRequest: '8' }),
    resourceName: 'memory',
    expectedValue: 104857600n,
  },
  { name: 'pod level resources cpu req, container no req', pod: getPodWithPodLevelResources(containerName, { cpuRequest: '10' }, {}), resourceName: 'cpu', expectedValue: 10000n },
  {
    name: 'pod level resources mem req, container no req',
    pod: getPodWithPodLevelResources(containerName, { memoryRequest: '100Mi' }, {}),
    resourceName: 'memory',
    expectedValue: 104857600n,
  },
  {
    name: 'cpu pod without pod level resources but pod level resources feature enabled',
    pod: getPod(containerName, { cpuRequest: '9' }),
    resourceName: 'cpu',
    expectedValue: 9000n,
  },
  {
    name: 'mem pod without pod level resources but pod level resources feature enabled',
    pod: getPod(containerName, { memoryRequest: '90Mi' }),
    resourceName: 'memory',
    expectedValue: 94371840n,
  },
];

const ceilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b;

/** `GetResourceRequest`: `MilliValue()` for cpu, `Value()` otherwise (both round up). */
const getResourceRequest = (pod: V1Pod, resource: 'cpu' | 'memory'): bigint =>
  ceilDiv(podRequestNanos(pod, resource), resource === 'cpu' ? 1_000_000n : 1_000_000_000n);

describe('helpers_test.go :: TestGetResourceRequest', () => {
  test.each(TestGetResourceRequest.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(getResourceRequest(c.pod, c.resourceName)).toBe(c.expectedValue);
  });
});

/** component-helpers/resource/helpers_test.go :: getPod: one container with the resources, and the overhead. */
const helpersPod = (r: Resources & { readonly cpuLimit?: string; readonly memoryLimit?: string }): V1Pod => ({
  metadata: {},
  spec: {
    containers: [
      {
        name: 'foo',
        resources: {
          ...defineResources(r),
          limits: { ...(r.cpuLimit !== undefined && { cpu: r.cpuLimit }), ...(r.memoryLimit !== undefined && { memory: r.memoryLimit }) },
        },
      },
    ],
    overhead: { ...(r.cpuOverhead !== undefined && { cpu: r.cpuOverhead }), ...(r.memoryOverhead !== undefined && { memory: r.memoryOverhead }) },
  },
});

// staging/src/k8s.io/component-helpers/resource/helpers_test.go :: TestPodRequestsAndLimits, the requests
// through schedulingRequestNanos (PodRequests with default options, what NodeResourcesFit reads). The limits
// upstream checks beside them are not carried: nothing here reads a pod's aggregate limit.
const TestPodRequestsAndLimits: ReadonlyArray<{ readonly name: string; readonly pod: V1Pod; readonly cpu: string; readonly memory: string }> = [
  { name: 'just-limit-no-overhead', pod: helpersPod({ cpuLimit: '9' }), cpu: '0', memory: '0' },
  // PodRequests adds the overhead whatever the request (unlike GetResourceRequestQuantity above)
  { name: 'just-overhead', pod: helpersPod({ cpuOverhead: '5', memoryOverhead: '5' }), cpu: '5', memory: '5' },
  { name: 'req-and-overhead', pod: helpersPod({ cpuRequest: '1', memoryRequest: '10', cpuOverhead: '5', memoryOverhead: '5' }), cpu: '6', memory: '15' },
  {
    name: 'all-req-lim-and-overhead',
    pod: helpersPod({ cpuRequest: '1', cpuLimit: '2', memoryRequest: '10', memoryLimit: '12', cpuOverhead: '5', memoryOverhead: '5' }),
    cpu: '6',
    memory: '15',
  },
  { name: 'req-some-lim-and-overhead', pod: helpersPod({ cpuRequest: '1', cpuLimit: '2', memoryRequest: '10', cpuOverhead: '5', memoryOverhead: '5' }), cpu: '6', memory: '15' },
];

describe('component-helpers/resource/helpers_test.go :: TestPodRequestsAndLimits (requests)', () => {
  test.each(TestPodRequestsAndLimits.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(schedulingRequestNanos(c.pod, 'cpu')).toBe(nanosOf(c.cpu));
    expect(schedulingRequestNanos(c.pod, 'memory')).toBe(nanosOf(c.memory));
  });
});

// component-helpers/resource/helpers_test.go :: TestPodResourceRequests at kubernetes/component-helpers v0.36.3,
// the cases with default options (and UseStatusResources false, which reads the spec as the default does),
// through schedulingRequestNanos, cpu and memory. Upstream's containers are named or not; only requests count.
const INPLACE_RESIZE = 'UseStatusResources: in-place resize (container status resources, PodResizePending) is not modelled';
const cpuRequest = (cpu: string, restartPolicy?: 'Always'): Container => ({
  name: '',
  ...(restartPolicy !== undefined && { restartPolicy }),
  resources: { requests: { cpu } },
});
const sidecarCpu = (cpu: string): Container => cpuRequest(cpu, 'Always');
const requestsPod = (initContainers: Container[], containers: Container[], overhead?: Record<string, string>): V1Pod => ({
  metadata: {},
  spec: { initContainers, containers, ...(overhead !== undefined && { overhead }) },
});
const TestPodResourceRequests: ReadonlyArray<{ readonly name: string; readonly pod: V1Pod; readonly cpu: string; readonly memory?: string; readonly notApplicable?: string }> = [
  { name: 'nil options, larger init container', pod: requestsPod([cpuRequest('4')], [cpuRequest('1')]), cpu: '4' },
  { name: 'nil options, larger containers', pod: requestsPod([cpuRequest('2')], [cpuRequest('2'), cpuRequest('3')]), cpu: '5' },
  {
    name: 'pod overhead excluded',
    pod: requestsPod([cpuRequest('2')], [cpuRequest('2'), cpuRequest('3')], { cpu: '1' }),
    cpu: '5',
    notApplicable: 'ExcludeOverhead: no reader here leaves the overhead out',
  },
  { name: 'pod overhead included', pod: requestsPod([cpuRequest('2')], [cpuRequest('2'), cpuRequest('3')], { cpu: '1', memory: '1Gi' }), cpu: '6', memory: '1Gi' },
  { name: 'resized, infeasible', pod: requestsPod([], [cpuRequest('4')]), cpu: '2', notApplicable: INPLACE_RESIZE },
  { name: 'resized, infeasible & in-progress', pod: requestsPod([], [cpuRequest('6')]), cpu: '4', notApplicable: INPLACE_RESIZE },
  { name: 'resized, no resize status', pod: requestsPod([], [cpuRequest('4')]), cpu: '4', notApplicable: INPLACE_RESIZE },
  { name: 'resized: per-resource 3-way maximum', pod: requestsPod([], [cpuRequest('30m')]), cpu: '30m', notApplicable: INPLACE_RESIZE },
  { name: "resized, infeasible, but don't use status", pod: requestsPod([], [cpuRequest('4')]), cpu: '4' },
  { name: 'resized, restartable init container, infeasible', pod: requestsPod([sidecarCpu('4')], []), cpu: '2', notApplicable: INPLACE_RESIZE },
  { name: 'resized, restartable init container, no resize status', pod: requestsPod([sidecarCpu('4')], []), cpu: '4', notApplicable: INPLACE_RESIZE },
  { name: "resized, restartable init container, infeasible, but don't use status", pod: requestsPod([sidecarCpu('4')], []), cpu: '4' },
  { name: 'restartable init container', pod: requestsPod([sidecarCpu('1')], [cpuRequest('1')]), cpu: '2' },
  // max(5, restartable init containers (3+2+1) + regular (1)) = 7
  { name: 'multiple restartable init containers', pod: requestsPod([cpuRequest('5'), sidecarCpu('1'), sidecarCpu('2'), sidecarCpu('3')], [cpuRequest('1')]), cpu: '7' },
  // init-2 needs 5 + the restartable init containers started before it (1+2) = 8
  {
    name: 'multiple restartable and regular init containers',
    pod: requestsPod([cpuRequest('5'), sidecarCpu('1'), sidecarCpu('2'), cpuRequest('5'), sidecarCpu('3')], [cpuRequest('1')]),
    cpu: '8',
  },
  { name: 'restartable-init, init and regular', pod: requestsPod([sidecarCpu('10'), cpuRequest('200')], [cpuRequest('100')]), cpu: '210' },
];

describe('component-helpers/resource/helpers_test.go (v0.36.3) :: TestPodResourceRequests', () => {
  for (const c of TestPodResourceRequests) {
    (c.notApplicable === undefined ? test : test.skip)(`${c.name}${c.notApplicable === undefined ? '' : ` (not applicable: ${c.notApplicable})`}`, () => {
      expect(schedulingRequestNanos(c.pod, 'cpu')).toBe(nanosOf(c.cpu));
      expect(schedulingRequestNanos(c.pod, 'memory')).toBe(nanosOf(c.memory ?? '0'));
    });
  }
});

// component-helpers/resource/helpers_test.go (v0.36.3) :: TestIsPodLevelResourcesSet, put to podLevelResourcesSet.
const TestIsPodLevelResourcesSet: ReadonlyArray<{ readonly name: string; readonly resources?: ResourceRequirements; readonly expected: boolean }> = [
  { name: 'nil resources struct', expected: false },
  { name: 'empty resources struct', resources: {}, expected: false },
  { name: 'only unsupported resource requests set', resources: { requests: { 'ephemeral-storage': '1Mi' } }, expected: false },
  { name: 'only unsupported resource limits set', resources: { limits: { 'ephemeral-storage': '1Mi' } }, expected: false },
  { name: 'unsupported and suported resources requests set', resources: { requests: { 'ephemeral-storage': '1Mi', cpu: '1m' } }, expected: true },
  { name: 'unsupported and suported resources limits set', resources: { limits: { 'ephemeral-storage': '1Mi', cpu: '1m' } }, expected: true },
];

describe('component-helpers/resource/helpers_test.go (v0.36.3) :: TestIsPodLevelResourcesSet', () => {
  test.each(TestIsPodLevelResourcesSet)('$name', ({ resources, expected }) => {
    expect(podLevelResourcesSet({ containers: [], ...(resources === undefined ? {} : { resources }) })).toBe(expected);
  });
});

/**
 * component-helpers/resource/helpers_test.go (v0.36.3) :: TestPodLevelResourceRequests, through schedulingRequestNanos
 * (PodRequests with default options) resource by resource. Left out: the two cases with `SkipPodLevelResources: true`,
 * an option nothing in podj asks for.
 */
const requests = (list: Record<string, string>): Container => ({ name: 'c', resources: { requests: list } });
const sidecarRequests = (list: Record<string, string>): Container => ({ ...requests(list), restartPolicy: 'Always' });
const TestPodLevelResourceRequests: ReadonlyArray<{
  readonly name: string;
  readonly podResources?: ResourceRequirements;
  readonly containers?: Container[];
  readonly initContainers?: Container[];
  readonly expected: Record<string, string>;
}> = [
  { name: 'nil', expected: {} },
  { name: 'pod level memory resource with SkipPodLevelResources false', podResources: { requests: { memory: '2Mi' } }, expected: { memory: '2Mi' } },
  {
    name: 'pod level memory and container level cpu resources with SkipPodLevelResources false',
    podResources: { requests: { memory: '2Mi' } },
    containers: [requests({ cpu: '2m' })],
    expected: { memory: '2Mi', cpu: '2m' },
  },
  {
    name: 'pod level unsupported resources set at both pod-level and container-level with SkipPodLevelResources false',
    podResources: { requests: { storage: '2Mi' } },
    containers: [requests({ storage: '3Mi' })],
    expected: { storage: '3Mi' },
  },
  {
    name: 'pod level unsupported resources set at pod-level with SkipPodLevelResources false',
    podResources: { requests: { storage: '2Mi' } },
    containers: [requests({ memory: '3Mi' })],
    expected: { memory: '3Mi' },
  },
  { name: 'only container level resources set with SkipPodLevelResources false', containers: [requests({ memory: '3Mi', cpu: '2m' })], expected: { memory: '3Mi', cpu: '2m' } },
  {
    name: 'both container-level and pod-level resources set with SkipPodLevelResources false',
    podResources: { requests: { memory: '6Mi', cpu: '8m' } },
    containers: [requests({ memory: '3Mi', cpu: '2m' })],
    expected: { memory: '6Mi', cpu: '8m' },
  },
  {
    name: 'container-level resources and init container set with SkipPodLevelResources false',
    containers: [requests({ memory: '3Mi', cpu: '2m' })],
    initContainers: [requests({ memory: '5Mi', cpu: '4m' })],
    expected: { memory: '5Mi', cpu: '4m' },
  },
  {
    name: 'container-level resources and sidecar container set with SkipPodLevelResources false',
    containers: [requests({ memory: '3Mi', cpu: '2m' })],
    initContainers: [sidecarRequests({ memory: '5Mi', cpu: '4m' })],
    expected: { memory: '8Mi', cpu: '6m' },
  },
  {
    name: 'container-level resources, init and sidecar container set with SkipPodLevelResources false',
    containers: [requests({ memory: '3Mi', cpu: '2m' })],
    initContainers: [sidecarRequests({ memory: '5Mi', cpu: '4m' }), requests({ memory: '6Mi', cpu: '8m' })],
    expected: { memory: '11Mi', cpu: '12m' },
  },
  {
    name: 'pod-level resources, container-level resources, init and sidecar container set with SkipPodLevelResources false',
    podResources: { requests: { memory: '15Mi', cpu: '18m' } },
    containers: [requests({ memory: '3Mi', cpu: '2m' })],
    initContainers: [sidecarRequests({ memory: '5Mi', cpu: '4m' }), requests({ memory: '6Mi', cpu: '8m' })],
    expected: { memory: '15Mi', cpu: '18m' },
  },
  {
    name: 'pod-level resources, hugepage request/limit single page size',
    podResources: { limits: { 'hugepages-2Mi': '2Mi' }, requests: { memory: '10Mi', 'hugepages-2Mi': '2Mi' } },
    expected: { memory: '10Mi', 'hugepages-2Mi': '2Mi' },
  },
  {
    name: 'pod-level resources, hugepage request/limit multiple page sizes',
    podResources: { limits: { 'hugepages-2Mi': '2Mi', 'hugepages-1Gi': '1Gi' }, requests: { cpu: '1', 'hugepages-2Mi': '2Mi', 'hugepages-1Gi': '1Gi' } },
    expected: { cpu: '1', 'hugepages-2Mi': '2Mi', 'hugepages-1Gi': '1Gi' },
  },
  {
    name: 'pod-level resources, container-level resources, hugepage request/limit single page size',
    podResources: { limits: { 'hugepages-2Mi': '10Mi' }, requests: { cpu: '1', 'hugepages-2Mi': '10Mi' } },
    containers: [{ name: 'c', resources: { limits: { 'hugepages-2Mi': '6Mi' }, requests: { 'hugepages-2Mi': '6Mi' } } }],
    expected: { cpu: '1', 'hugepages-2Mi': '10Mi' },
  },
  {
    name: 'pod-level resources, container-level resources, hugepage request/limit multiple page sizes',
    podResources: { limits: { 'hugepages-2Mi': '10Mi', 'hugepages-1Gi': '2Gi' }, requests: { cpu: '1', 'hugepages-2Mi': '10Mi', 'hugepages-1Gi': '2Gi' } },
    containers: [{ name: 'c', resources: { limits: { 'hugepages-1Gi': '2Gi' }, requests: { cpu: '1', 'hugepages-1Gi': '2Gi' } } }],
    expected: { cpu: '1', 'hugepages-2Mi': '10Mi', 'hugepages-1Gi': '2Gi' },
  },
  {
    name: 'pod-level resources, container-level resources, hugepage request/limit multiple page sizes between pod-level and container-level',
    podResources: { limits: { 'hugepages-2Mi': '10Mi' }, requests: { cpu: '1', 'hugepages-2Mi': '10Mi' } },
    containers: [{ name: 'c', resources: { limits: { 'hugepages-1Gi': '1Gi' }, requests: { memory: '4Mi', 'hugepages-1Gi': '1Gi' } } }],
    expected: { cpu: '1', memory: '4Mi', 'hugepages-2Mi': '10Mi', 'hugepages-1Gi': '1Gi' },
  },
];

describe('component-helpers/resource/helpers_test.go (v0.36.3) :: TestPodLevelResourceRequests', () => {
  test.each(TestPodLevelResourceRequests)('$name', (c) => {
    const pod: V1Pod = {
      metadata: { name: 'p' },
      spec: { containers: c.containers ?? [], initContainers: c.initContainers ?? [], ...(c.podResources === undefined ? {} : { resources: c.podResources }) },
    };
    // every resource any part of the pod names, and those the case expects; an absent one is a 0 request
    const named = [c.podResources, ...(c.containers ?? []).map((x) => x.resources), ...(c.initContainers ?? []).map((x) => x.resources)].flatMap((r) => [
      ...Object.keys(r?.requests ?? {}),
      ...Object.keys(r?.limits ?? {}),
    ]);
    for (const resource of new Set(['cpu', 'memory', ...named, ...Object.keys(c.expected)])) {
      expect({ resource, nanos: schedulingRequestNanos(pod, resource) }).toEqual({ resource, nanos: nanosOf(c.expected[resource] ?? '0') });
    }
  });
});
