/**
 * Pod JSON in the order kubectl prints it: Go's encoding/json writes struct fields in declaration order
 * (`staging/src/k8s.io/api/core/v1/types.go`) and map keys sorted. Fields not listed keep their order after
 * the listed ones.
 */

/** A struct: its field order and the shapes of nested fields; `map` sorts keys, arrays take their item shape. */
interface Struct {
  readonly order: readonly string[];
  readonly fields?: Readonly<Record<string, Shape>>;
}
type Shape = Struct | 'map';

const map = 'map' as const;
const resources: Struct = { order: ['limits', 'requests', 'claims'], fields: { limits: map, requests: map } };
const httpGet: Struct = { order: ['path', 'port', 'host', 'scheme', 'httpHeaders'] };
const handler = { exec: { order: ['command'] }, httpGet, tcpSocket: { order: ['port', 'host'] }, grpc: { order: ['port', 'service'] } };
const probe: Struct = {
  order: ['exec', 'httpGet', 'tcpSocket', 'grpc', 'initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold', 'terminationGracePeriodSeconds'],
  fields: handler,
};
const lifecycleHandler: Struct = { order: ['exec', 'httpGet', 'tcpSocket', 'sleep'], fields: handler };
const container: Struct = {
  order: [
    'name', 'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env', 'resources', 'resizePolicy', 'restartPolicy',
    'restartPolicyRules', 'volumeMounts', 'volumeDevices', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle',
    'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy', 'securityContext', 'stdin', 'stdinOnce', 'tty',
  ],
  fields: {
    ports: { order: ['name', 'hostPort', 'containerPort', 'protocol', 'hostIP'] },
    env: { order: ['name', 'value', 'valueFrom'] },
    resources,
    volumeMounts: { order: ['name', 'readOnly', 'recursiveReadOnly', 'mountPath', 'subPath', 'mountPropagation', 'subPathExpr'] },
    livenessProbe: probe,
    readinessProbe: probe,
    startupProbe: probe,
    lifecycle: { order: ['postStart', 'preStop', 'stopSignal'], fields: { postStart: lifecycleHandler, preStop: lifecycleHandler } },
  },
};
const instant = ['startedAt', 'finishedAt'];
const containerState: Struct = {
  order: ['waiting', 'running', 'terminated'],
  fields: {
    waiting: { order: ['reason', 'message'] },
    running: { order: ['startedAt'] },
    terminated: { order: ['exitCode', 'signal', 'reason', 'message', ...instant, 'containerID'] },
  },
};
const containerStatus: Struct = {
  order: [
    'name', 'state', 'lastState', 'ready', 'restartCount', 'image', 'imageID', 'containerID', 'started', 'allocatedResources',
    'resources', 'volumeMounts', 'user', 'allocatedResourcesStatus', 'stopSignal',
  ],
  fields: { state: containerState, lastState: containerState, allocatedResources: map, resources },
};

const pod: Struct = {
  order: ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
  fields: {
    metadata: {
      order: [
        'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp',
        'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields',
      ],
      fields: {
        labels: map,
        annotations: map,
        ownerReferences: { order: ['apiVersion', 'kind', 'name', 'uid', 'controller', 'blockOwnerDeletion'] },
      },
    },
    spec: {
      order: [
        'volumes', 'initContainers', 'containers', 'ephemeralContainers', 'restartPolicy', 'terminationGracePeriodSeconds',
        'activeDeadlineSeconds', 'dnsPolicy', 'nodeSelector', 'serviceAccountName', 'serviceAccount', 'automountServiceAccountToken',
        'nodeName', 'hostNetwork', 'hostPID', 'hostIPC', 'shareProcessNamespace', 'securityContext', 'imagePullSecrets', 'hostname',
        'subdomain', 'affinity', 'schedulerName', 'tolerations', 'hostAliases', 'priorityClassName', 'priority', 'dnsConfig',
        'readinessGates', 'runtimeClassName', 'enableServiceLinks', 'preemptionPolicy', 'overhead', 'topologySpreadConstraints',
        'setHostnameAsFQDN', 'os', 'hostUsers', 'schedulingGates', 'resourceClaims', 'resources',
      ],
      fields: {
        initContainers: container,
        containers: container,
        nodeSelector: map,
        tolerations: { order: ['key', 'operator', 'value', 'effect', 'tolerationSeconds'] },
        overhead: map,
        resources,
      },
    },
    status: {
      order: [
        'observedGeneration', 'phase', 'conditions', 'message', 'reason', 'nominatedNodeName', 'hostIP', 'hostIPs', 'podIP',
        'podIPs', 'startTime', 'initContainerStatuses', 'containerStatuses', 'qosClass', 'ephemeralContainerStatuses', 'resize',
        'resourceClaimStatuses',
      ],
      fields: {
        conditions: { order: ['type', 'observedGeneration', 'status', 'lastProbeTime', 'lastTransitionTime', 'reason', 'message'] },
        initContainerStatuses: containerStatus,
        containerStatuses: containerStatus,
      },
    },
  },
};

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> => typeof u === 'object' && u !== null && !Array.isArray(u);

const reorder = (value: unknown, shape: Shape): unknown => {
  if (Array.isArray(value)) return value.map((item) => reorder(item, shape));
  if (!isObject(value)) return value;
  if (shape === 'map') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, value[k]]));
  const rank = (k: string): number => {
    const i = shape.order.indexOf(k);
    return i === -1 ? shape.order.length : i;
  };
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b));
  return Object.fromEntries(keys.map((k) => {
    const nested = shape.fields?.[k];
    return [k, nested === undefined ? value[k] : reorder(value[k], nested)];
  }));
};

/** A Pod object with its fields in kubectl's print order. */
export const inGoFieldOrder = (podObject: Readonly<Record<string, unknown>>): unknown => reorder(podObject, pod);
