/**
 * The API server's defaults for a new Pod (`pkg/apis/core/v1/defaults.go`: `SetDefaults_Pod`,
 * `SetDefaults_PodSpec`, `SetDefaults_Container`, `SetDefaults_ContainerPort`, `SetDefaults_Probe`,
 * `SetDefaults_HTTPGetAction`, `SetDefaults_ResourceList`; volumes and field references in
 * `default-volumes.ts`). A default only fills a field the manifest left empty (Go's zero value counts as
 * empty, as it does for the API server).
 */
import type * as t from 'io-ts';
import { containerRequestsNanos } from '../eviction/requests.js';
import type { ResourceList } from '../k8s/codecs.js';
import type { Container, ContainerPort as ContainerPortCodec, LifecycleHandler, PodSpec, Probe, ResourceRequirements, V1Pod } from '../k8s/pod.js';
import { formatQuantity, milliValueOf, parseQuantity } from '../k8s/quantity.js';
import { defaultEnvVar, defaultVolume } from './default-volumes.js';
import { defaultPullPolicy } from './image.js';

const orDefault = (value: number | undefined, fallback: number): number => (value === undefined || value === 0 ? fallback : value);

/** `SetDefaults_HTTPGetAction`, for probes and lifecycle hooks alike. */
const defaultHandler = <H extends Pick<LifecycleHandler, 'httpGet'>>(handler: H): H =>
  handler.httpGet === undefined
    ? handler
    : { ...handler, httpGet: { ...handler.httpGet, path: handler.httpGet.path || '/', scheme: handler.httpGet.scheme || 'HTTP' } };

const defaultProbe = (probe: Probe): Probe => ({
  ...defaultHandler(probe),
  // The generated `SetObjectDefaults_Pod` points an unset gRPC `service` at "".
  ...(probe.grpc === undefined ? {} : { grpc: { ...probe.grpc, service: probe.grpc.service ?? '' } }),
  timeoutSeconds: orDefault(probe.timeoutSeconds, 1),
  periodSeconds: orDefault(probe.periodSeconds, 10),
  successThreshold: orDefault(probe.successThreshold, 1),
  failureThreshold: orDefault(probe.failureThreshold, 3),
});

type ContainerPort = t.TypeOf<typeof ContainerPortCodec>;

/**
 * `SetDefaults_ResourceList`: every quantity rounded up to a whole milli-unit (`RoundUp(-3)`: `1n` is `1m`),
 * and stored as the API server writes a quantity back, canonically (`0.5` is `500m`, `1024Mi` is `1Gi`).
 */
const defaultResourceList = (list: ResourceList): ResourceList =>
  Object.fromEntries(
    Object.entries(list).map(([name, raw]) => {
      const q = parseQuantity(raw);
      return [name, q === undefined ? raw : formatQuantity({ ...q, nanos: milliValueOf(raw) * 1_000_000n })];
    }),
  );

const defaultResourceLists = (resources: ResourceRequirements): ResourceRequirements => ({
  ...resources,
  ...(resources.limits && { limits: defaultResourceList(resources.limits) }),
  ...(resources.requests && { requests: defaultResourceList(resources.requests) }),
});

/** Each resource with a limit but no request gets request = limit (`SetDefaults_Pod`). */
const defaultRequests = (resources: ResourceRequirements): ResourceRequirements =>
  defaultResourceLists(resources.limits === undefined ? resources : { ...resources, requests: { ...resources.limits, ...resources.requests } });

const defaultPort = (port: ContainerPort, hostNetwork: boolean): ContainerPort => ({
  ...port,
  protocol: port.protocol || 'TCP',
  // With host networking every container port is also a host port (`defaultHostNetworkPorts`).
  ...(hostNetwork && !port.hostPort ? { hostPort: port.containerPort } : {}),
});

const defaultContainer = (c: Container, hostNetwork: boolean): Container => ({
  ...c,
  imagePullPolicy: c.imagePullPolicy ?? defaultPullPolicy(c.image ?? ''),
  terminationMessagePath: c.terminationMessagePath || '/dev/termination-log',
  terminationMessagePolicy: c.terminationMessagePolicy ?? 'File',
  ...(c.env === undefined ? {} : { env: c.env.map(defaultEnvVar) }),
  ...(c.ports === undefined ? {} : { ports: c.ports.map((p) => defaultPort(p, hostNetwork)) }),
  ...(c.resources === undefined ? {} : { resources: defaultRequests(c.resources) }),
  ...(c.livenessProbe === undefined ? {} : { livenessProbe: defaultProbe(c.livenessProbe) }),
  ...(c.readinessProbe === undefined ? {} : { readinessProbe: defaultProbe(c.readinessProbe) }),
  ...(c.startupProbe === undefined ? {} : { startupProbe: defaultProbe(c.startupProbe) }),
  ...(c.lifecycle === undefined
    ? {}
    : {
        lifecycle: {
          ...c.lifecycle,
          ...(c.lifecycle.postStart === undefined ? {} : { postStart: defaultHandler(c.lifecycle.postStart) }),
          ...(c.lifecycle.preStop === undefined ? {} : { preStop: defaultHandler(c.lifecycle.preStop) }),
        },
      }),
});

/** Resources pod-level `spec.resources` may carry (gate `PodLevelResources`, on by default). */
const podLevelResources = ['cpu', 'memory'] as const;

/**
 * `defaultPodRequests`: when pod-level limits are set, a missing pod-level request becomes the containers'
 * aggregate request if any container asks for that resource, else the pod-level limit.
 * (Pod-level limits defaulted from container limits and hugepages are not modelled.)
 */
const defaultPodRequests = (spec: PodSpec): PodSpec => {
  const limits = spec.resources?.limits;
  if (spec.resources === undefined || limits === undefined || Object.keys(limits).length === 0) return spec;
  const requests = { ...spec.resources.requests };
  const all = [...spec.containers, ...(spec.initContainers ?? [])];
  for (const resource of podLevelResources) {
    if (requests[resource] !== undefined) continue;
    const asked = all.some((c) => c.resources?.requests?.[resource] !== undefined);
    const nanos = containerRequestsNanos(spec.containers, spec.initContainers ?? [], resource);
    const fromContainers = formatQuantity({ nanos, format: resource === 'memory' ? 'BinarySI' : 'DecimalSI' });
    const value = asked ? fromContainers : limits[resource];
    if (value !== undefined) requests[resource] = value;
  }
  return Object.keys(requests).length === 0 ? spec : { ...spec, resources: { ...spec.resources, requests } };
};

/** Pod-level resources and overhead are resource lists too (`SetDefaults_ResourceList`). */
const defaultPodResourceLists = (spec: PodSpec): PodSpec => ({
  ...spec,
  ...(spec.resources && { resources: defaultResourceLists(spec.resources) }),
  ...(spec.overhead && { overhead: defaultResourceList(spec.overhead) }),
});

export const applyDefaults = (pod: V1Pod): V1Pod => {
  const { spec } = pod;
  const hostNetwork = spec.hostNetwork === true;
  const containersDefaulted: PodSpec = {
    ...spec,
    containers: spec.containers.map((c) => defaultContainer(c, hostNetwork)),
    ...(spec.initContainers === undefined ? {} : { initContainers: spec.initContainers.map((c) => defaultContainer(c, hostNetwork)) }),
  };
  return {
    ...pod,
    metadata: { ...pod.metadata, namespace: pod.metadata.namespace || 'default' },
    spec: {
      ...defaultPodResourceLists(defaultPodRequests(containersDefaulted)),
      ...(spec.volumes === undefined ? {} : { volumes: spec.volumes.map(defaultVolume) }),
      restartPolicy: spec.restartPolicy ?? 'Always',
      terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds ?? 30,
      dnsPolicy: spec.dnsPolicy || 'ClusterFirst',
      schedulerName: spec.schedulerName || 'default-scheduler',
      securityContext: spec.securityContext ?? {},
      enableServiceLinks: spec.enableServiceLinks ?? true,
    },
  };
};
