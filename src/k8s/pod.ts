/**
 * The Kubernetes core/v1 Pod, as io-ts codecs: the structure only. Defaults and the API server's
 * validation rules live in `src/manifest/`; these codecs keep unknown fields (io-ts `type` is not exact).
 */
import * as t from 'io-ts';
import { ConditionStatus, Integer, IntOrString, QuantityString, ResourceList, StringMap, struct, TimeString } from './codecs.js';

// ---------------------------------------------------------------------------------------------
// spec
// ---------------------------------------------------------------------------------------------

export const ExecAction = t.partial({ command: t.array(t.string) }, 'ExecAction');
export const HTTPHeader = t.type({ name: t.string, value: t.string }, 'HTTPHeader');
export const HTTPGetAction = struct(
  'HTTPGetAction',
  { port: IntOrString },
  { path: t.string, host: t.string, scheme: t.string, httpHeaders: t.array(HTTPHeader) },
);
export const TCPSocketAction = struct('TCPSocketAction', { port: IntOrString }, { host: t.string });
export const GRPCAction = struct('GRPCAction', { port: Integer }, { service: t.string });
export const SleepAction = t.type({ seconds: Integer }, 'SleepAction');

export const Probe = t.partial(
  {
    exec: ExecAction,
    httpGet: HTTPGetAction,
    tcpSocket: TCPSocketAction,
    grpc: GRPCAction,
    initialDelaySeconds: Integer,
    timeoutSeconds: Integer,
    periodSeconds: Integer,
    successThreshold: Integer,
    failureThreshold: Integer,
    terminationGracePeriodSeconds: Integer,
  },
  'Probe',
);
export type Probe = t.TypeOf<typeof Probe>;

export const LifecycleHandler = t.partial(
  { exec: ExecAction, httpGet: HTTPGetAction, tcpSocket: TCPSocketAction, sleep: SleepAction },
  'LifecycleHandler',
);
export type LifecycleHandler = t.TypeOf<typeof LifecycleHandler>;
export const Lifecycle = t.partial(
  { postStart: LifecycleHandler, preStop: LifecycleHandler, stopSignal: t.string },
  'Lifecycle',
);

export const ResourceRequirements = t.partial({ limits: ResourceList, requests: ResourceList }, 'ResourceRequirements');
export type ResourceRequirements = t.TypeOf<typeof ResourceRequirements>;

export const EnvVar = struct('EnvVar', { name: t.string }, { value: t.string, valueFrom: t.UnknownRecord });
export const ContainerPort = struct(
  'ContainerPort',
  { containerPort: Integer },
  { name: t.string, protocol: t.string, hostPort: Integer, hostIP: t.string },
);
export const VolumeMount = struct(
  'VolumeMount',
  { name: t.string, mountPath: t.string },
  { readOnly: t.boolean, subPath: t.string, subPathExpr: t.string, mountPropagation: t.string, recursiveReadOnly: t.string },
);

export const RestartPolicy = t.keyof({ Always: null, OnFailure: null, Never: null }, 'RestartPolicy');
export type RestartPolicy = t.TypeOf<typeof RestartPolicy>;
/**
 * `ContainerRestartRule` (gate `ContainerRestartRules`, on in v1.36): an exit-code condition and the action
 * taken when it holds. `action` and `operator` are plain strings as Go decodes them (an absent one is ""), so
 * that the API server's own `Unsupported value` is what a manifest hears (`src/manifest/validate-restart.ts`).
 */
export const ContainerRestartRuleOnExitCodes = t.partial({ operator: t.string, values: t.array(Integer) }, 'ContainerRestartRuleOnExitCodes');
export const ContainerRestartRule = t.partial({ action: t.string, exitCodes: ContainerRestartRuleOnExitCodes }, 'ContainerRestartRule');
export type ContainerRestartRule = t.TypeOf<typeof ContainerRestartRule>;
export const PullPolicy = t.keyof({ Always: null, IfNotPresent: null, Never: null }, 'PullPolicy');
export type PullPolicy = t.TypeOf<typeof PullPolicy>;

export const Container = struct(
  'Container',
  { name: t.string },
  {
    image: t.string,
    imagePullPolicy: PullPolicy,
    command: t.array(t.string),
    args: t.array(t.string),
    workingDir: t.string,
    env: t.array(EnvVar),
    envFrom: t.array(t.UnknownRecord),
    ports: t.array(ContainerPort),
    resources: ResourceRequirements,
    livenessProbe: Probe,
    readinessProbe: Probe,
    startupProbe: Probe,
    lifecycle: Lifecycle,
    /** `Always` on an init container makes it a sidecar; any value on a regular container is its own policy. */
    restartPolicy: RestartPolicy,
    restartPolicyRules: t.array(ContainerRestartRule),
    terminationMessagePath: t.string,
    terminationMessagePolicy: t.keyof({ File: null, FallbackToLogsOnError: null }),
    volumeMounts: t.array(VolumeMount),
    volumeDevices: t.array(t.UnknownRecord),
    resizePolicy: t.array(t.UnknownRecord),
    securityContext: t.UnknownRecord,
    stdin: t.boolean,
    stdinOnce: t.boolean,
    tty: t.boolean,
  },
);
export type Container = t.TypeOf<typeof Container>;

/**
 * A container `kubectl debug` adds through the pods/ephemeralcontainers subresource: a container's fields
 * (`EphemeralContainerCommon`) and the container whose namespaces it joins.
 */
export const EphemeralContainer = t.intersection([Container, t.partial({ targetContainerName: t.string })], 'EphemeralContainer');

export const EmptyDirVolumeSource = t.partial({ medium: t.string, sizeLimit: QuantityString }, 'EmptyDirVolumeSource');
/** A volume: its name and one source; sources other than emptyDir are kept as they are written. */
export const Volume = struct(
  'Volume',
  { name: t.string },
  {
    emptyDir: EmptyDirVolumeSource,
    hostPath: t.UnknownRecord,
    configMap: t.UnknownRecord,
    secret: t.UnknownRecord,
    persistentVolumeClaim: t.UnknownRecord,
    projected: t.UnknownRecord,
    downwardAPI: t.UnknownRecord,
    csi: t.UnknownRecord,
    ephemeral: t.UnknownRecord,
    nfs: t.UnknownRecord,
    image: t.UnknownRecord,
  },
);
export const ReadinessGate = t.type({ conditionType: t.string }, 'PodReadinessGate');
export const Toleration = t.partial(
  { key: t.string, operator: t.string, value: t.string, effect: t.string, tolerationSeconds: Integer },
  'Toleration',
);
/** `v1.NodeSelectorRequirement`: a label (`matchExpressions`) or field (`matchFields`) requirement. */
export const NodeSelectorRequirement = struct('NodeSelectorRequirement', { key: t.string, operator: t.string }, { values: t.array(t.string) });
export const NodeSelectorTerm = t.partial(
  { matchExpressions: t.array(NodeSelectorRequirement), matchFields: t.array(NodeSelectorRequirement) },
  'NodeSelectorTerm',
);
export type NodeSelectorTerm = t.TypeOf<typeof NodeSelectorTerm>;
/** `nodeSelectorTerms` may be left out: no term matches no node (`LazyErrorNodeSelector.Match`). */
export const NodeSelector = t.partial({ nodeSelectorTerms: t.array(NodeSelectorTerm) }, 'NodeSelector');
export const PreferredSchedulingTerm = t.type({ weight: Integer, preference: NodeSelectorTerm }, 'PreferredSchedulingTerm');
export const NodeAffinity = t.partial(
  { requiredDuringSchedulingIgnoredDuringExecution: NodeSelector, preferredDuringSchedulingIgnoredDuringExecution: t.array(PreferredSchedulingTerm) },
  'NodeAffinity',
);
/** `v1.PodOS`: the OS the pod's containers need (`linux`, `windows`), which the kubelet's own must be. */
export const PodOS = t.type({ name: t.string }, 'PodOS');
/** Pod (anti-)affinity is kept as written: the scheduler's inter-pod affinity is not simulated. */
export const Affinity = t.partial({ nodeAffinity: NodeAffinity, podAffinity: t.UnknownRecord, podAntiAffinity: t.UnknownRecord }, 'Affinity');

export const PodSpec = struct(
  'PodSpec',
  { containers: t.array(Container) },
  {
    initContainers: t.array(Container),
    restartPolicy: RestartPolicy,
    terminationGracePeriodSeconds: Integer,
    activeDeadlineSeconds: Integer,
    priority: Integer,
    priorityClassName: t.string,
    nodeSelector: StringMap,
    nodeName: t.string,
    schedulerName: t.string,
    serviceAccountName: t.string,
    volumes: t.array(Volume),
    resources: ResourceRequirements,
    readinessGates: t.array(ReadinessGate),
    tolerations: t.array(Toleration),
    schedulingGates: t.array(t.type({ name: t.string })),
    hostNetwork: t.boolean,
    dnsPolicy: t.string,
    securityContext: t.UnknownRecord,
    overhead: ResourceList,
    enableServiceLinks: t.boolean,
    preemptionPolicy: t.string,
    runtimeClassName: t.string,
    serviceAccount: t.string,
    automountServiceAccountToken: t.boolean,
    imagePullSecrets: t.array(t.UnknownRecord),
    affinity: Affinity,
    topologySpreadConstraints: t.array(t.UnknownRecord),
    hostname: t.string,
    subdomain: t.string,
    setHostnameAsFQDN: t.boolean,
    hostAliases: t.array(t.UnknownRecord),
    hostPID: t.boolean,
    hostIPC: t.boolean,
    hostUsers: t.boolean,
    shareProcessNamespace: t.boolean,
    dnsConfig: t.UnknownRecord,
    os: PodOS,
    ephemeralContainers: t.array(EphemeralContainer),
    resourceClaims: t.array(t.UnknownRecord),
  },
);
export type PodSpec = t.TypeOf<typeof PodSpec>;

export const OwnerReference = struct(
  'OwnerReference',
  { apiVersion: t.string, kind: t.string, name: t.string, uid: t.string },
  { controller: t.boolean, blockOwnerDeletion: t.boolean },
);

export const ObjectMeta = t.partial(
  {
    name: t.string,
    generateName: t.string,
    namespace: t.string,
    uid: t.string,
    resourceVersion: t.string,
    creationTimestamp: t.union([TimeString, t.null]),
    deletionTimestamp: TimeString,
    deletionGracePeriodSeconds: Integer,
    labels: StringMap,
    annotations: StringMap,
    ownerReferences: t.array(OwnerReference),
    finalizers: t.array(t.string),
    generation: Integer,
    selfLink: t.string,
    managedFields: t.array(t.UnknownRecord),
  },
  'ObjectMeta',
);
export type ObjectMeta = t.TypeOf<typeof ObjectMeta>;

// ---------------------------------------------------------------------------------------------
// status
// ---------------------------------------------------------------------------------------------

export const ContainerStateWaiting = t.partial({ reason: t.string, message: t.string }, 'ContainerStateWaiting');
export const ContainerStateRunning = t.partial({ startedAt: TimeString }, 'ContainerStateRunning');
/**
 * A zero `metav1.Time` serialises as `null`: the termination the kubelet makes up for a container removed by a
 * `RestartAllContainers` reset has no times (`kubelet_pods.go :: convertToAPIContainerStatuses`).
 */
const ZeroableTime = t.union([TimeString, t.null]);
export const ContainerStateTerminated = struct(
  'ContainerStateTerminated',
  { exitCode: Integer },
  { signal: Integer, reason: t.string, message: t.string, startedAt: ZeroableTime, finishedAt: ZeroableTime, containerID: t.string },
);
export const ContainerState = t.partial(
  { waiting: ContainerStateWaiting, running: ContainerStateRunning, terminated: ContainerStateTerminated },
  'ContainerState',
);
export type ContainerState = t.TypeOf<typeof ContainerState>;

export const VolumeMountStatus = struct(
  'VolumeMountStatus',
  { name: t.string, mountPath: t.string },
  { readOnly: t.boolean, recursiveReadOnly: t.string },
);
export const LinuxContainerUser = struct('LinuxContainerUser', { uid: Integer, gid: Integer }, { supplementalGroups: t.array(Integer) });
/** The identity the runtime reports a container's process runs as (`ContainerStatus.user`, v1.31 SupplementalGroupsPolicy). */
export const ContainerUser = t.partial({ linux: LinuxContainerUser }, 'ContainerUser');
export type ContainerUser = t.TypeOf<typeof ContainerUser>;

export const ContainerStatus = struct(
  'ContainerStatus',
  { name: t.string },
  {
    state: ContainerState,
    lastState: ContainerState,
    ready: t.boolean,
    restartCount: Integer,
    image: t.string,
    imageID: t.string,
    containerID: t.string,
    started: t.boolean,
    allocatedResources: ResourceList,
    resources: ResourceRequirements,
    volumeMounts: t.array(VolumeMountStatus),
    user: ContainerUser,
  },
);
export type ContainerStatus = t.TypeOf<typeof ContainerStatus>;

export const PodCondition = struct(
  'PodCondition',
  { type: t.string, status: ConditionStatus },
  {
    observedGeneration: Integer,
    reason: t.string,
    message: t.string,
    lastTransitionTime: TimeString,
    lastProbeTime: t.union([TimeString, t.null]),
  },
);
export type PodCondition = t.TypeOf<typeof PodCondition>;

export const PodPhase = t.keyof({ Pending: null, Running: null, Succeeded: null, Failed: null, Unknown: null }, 'PodPhase');
export type PodPhase = t.TypeOf<typeof PodPhase>;
export const QOSClass = t.keyof({ Guaranteed: null, Burstable: null, BestEffort: null }, 'QOSClass');
export type QOSClass = t.TypeOf<typeof QOSClass>;
export const PodIP = t.type({ ip: t.string }, 'PodIP');

export const PodStatus = t.partial(
  {
    observedGeneration: Integer,
    phase: PodPhase,
    conditions: t.array(PodCondition),
    message: t.string,
    reason: t.string,
    hostIP: t.string,
    hostIPs: t.array(PodIP),
    podIP: t.string,
    podIPs: t.array(PodIP),
    startTime: TimeString,
    initContainerStatuses: t.array(ContainerStatus),
    containerStatuses: t.array(ContainerStatus),
    ephemeralContainerStatuses: t.array(ContainerStatus),
    qosClass: QOSClass,
    nominatedNodeName: t.string,
    allocatedResources: ResourceList,
    resources: ResourceRequirements,
  },
  'PodStatus',
);
export type PodStatus = t.TypeOf<typeof PodStatus>;

export const V1Pod = struct(
  'Pod',
  { metadata: ObjectMeta, spec: PodSpec },
  { apiVersion: t.string, kind: t.string, status: PodStatus },
);
export type V1Pod = t.TypeOf<typeof V1Pod>;

/** The sidecar test of `pkg/api/v1/pod/util.go :: IsRestartableInitContainer`. */
export const isSidecar = (c: Container): boolean => c.restartPolicy === 'Always';

/**
 * The containers that run the pod's whole life: its sidecars (restartable init containers), then its containers,
 * each in spec order, as the kubelet and the scheduler walk them (`status/generate.go ::
 * GenerateContainersReadyCondition`, `scheduler/util :: GetHostPorts`); a sum over them (`resource/helpers.go ::
 * AggregateContainerRequests`, containers first) or a count does not depend on the order.
 */
export const sidecarsAndContainers = (spec: Pick<PodSpec, 'initContainers' | 'containers'>): Container[] => [...(spec.initContainers ?? []).filter(isSidecar), ...spec.containers];

/** Every container status `status` shows: its init containers', its containers' and its ephemeral containers' (`kubectl debug`). */
export const everyContainerStatus = (status: PodStatus): ContainerStatus[] => [
  ...(status.initContainerStatuses ?? []),
  ...(status.containerStatuses ?? []),
  ...(status.ephemeralContainerStatuses ?? []),
];
