/**
 * The kinds of workload a generated cluster runs: pod specs as the API server stores them (defaults
 * applied), across the three QoS classes, with and without init containers, sidecars, probes and hooks,
 * and how often each kind of trouble strikes them.
 */
import type { Container, PodSpec, Probe, RestartPolicy } from '../k8s/pod.js';
import { Rng } from './prng.js';
import { fnv1a } from '../hash/index.js';

/** What happens to a pod's primary container over its life. */
export type Fate =
  | 'healthy'
  | 'crashLoop' // exits with an error within seconds, again and again, under back-off
  | 'oomKilled' // memory grows until the kernel kills it, then it restarts
  | 'livenessFailure' // hangs after a while; the liveness probe fails and the kubelet kills it
  | 'readinessFlap' // healthy, but drops out of readiness for a minute now and then
  | 'imagePullBackOff' // its image pull fails and backs off; some pulls eventually succeed
  | 'initRetry' // its first init container fails once, then succeeds
  | 'completes' // a batch run that exits 0
  | 'failsOnce' // a batch run that exits 1 once, then (under OnFailure) completes
  | 'fails'; // a batch run that exits 1 (under Never the pod fails)

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'Job' | 'DaemonSet';

/** The probes and hooks of a container, as the life generator needs them. */
export interface ContainerPlan {
  readonly name: string;
  readonly image: string;
  readonly imageID: string;
  readonly readiness: boolean;
  readonly liveness: boolean;
  readonly startup: boolean;
  readonly postStart: boolean;
  /** Seconds the preStop hook delays SIGTERM on deletion. */
  readonly preStopSeconds: number;
  /** Memory request and limit in MiB (0 when unset), for usage samples and eviction messages. */
  readonly requestMi: number;
  readonly limitMi: number;
}

export interface InitPlan extends ContainerPlan {
  readonly sidecar: boolean;
}

export interface Template {
  readonly base: string;
  readonly namespace: string;
  readonly kind: WorkloadKind;
  readonly weight: number;
  readonly spec: PodSpec;
  readonly restartPolicy: RestartPolicy;
  readonly gracePeriodSeconds: number;
  readonly critical: boolean;
  readonly bestEffort: boolean;
  /** Regular containers; the first is the primary, the only one a fate applies to. */
  readonly containers: readonly [ContainerPlan, ...ContainerPlan[]];
  readonly inits: readonly InitPlan[];
  readonly fates: ReadonlyArray<readonly [Fate, number]>;
}

// ---------------------------------------------------------------------------------------------
// spec building blocks, with the API server's defaults
// ---------------------------------------------------------------------------------------------

const probe = (action: Probe, extra: Probe = {}): Probe => ({
  ...action,
  timeoutSeconds: 1,
  periodSeconds: 10,
  successThreshold: 1,
  failureThreshold: 3,
  ...extra,
});
const httpGet = (path: string, port: number): Probe => ({ httpGet: { path, port, scheme: 'HTTP' } });

const container = (name: string, image: string, extra: Partial<Container> = {}): Container => ({
  name,
  image,
  imagePullPolicy: 'IfNotPresent',
  resources: {},
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
  ...extra,
});

const resources = (cpu: string, memoryMi: number, limitMi?: number, cpuLimit?: string) => ({
  requests: { cpu, memory: `${memoryMi}Mi` },
  ...(limitMi === undefined ? {} : { limits: { ...(cpuLimit === undefined ? {} : { cpu: cpuLimit }), memory: `${limitMi}Mi` } }),
});

const defaultTolerations = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

const podSpec = (
  restartPolicy: RestartPolicy,
  containers: Container[],
  extra: Partial<PodSpec> = {},
): PodSpec => ({
  containers,
  restartPolicy,
  terminationGracePeriodSeconds: 30,
  dnsPolicy: 'ClusterFirst',
  schedulerName: 'default-scheduler',
  serviceAccountName: 'default',
  securityContext: {},
  priority: 0,
  tolerations: defaultTolerations,
  ...extra,
});

/** A stable fake digest per image, so `imageID` is the same on every pull. */
const digestOf = (image: string): string => `${image.split(':')[0] ?? image}@sha256:${new Rng(fnv1a(image, 0)).hex(64)}`;

const mebibytes = (q: string | undefined): number => (q === undefined ? 0 : Number.parseInt(q, 10));

const planOf = (c: Container): ContainerPlan => ({
  name: c.name,
  image: c.image ?? '',
  imageID: digestOf(c.image ?? ''),
  readiness: c.readinessProbe !== undefined,
  liveness: c.livenessProbe !== undefined,
  startup: c.startupProbe !== undefined,
  postStart: c.lifecycle?.postStart !== undefined,
  preStopSeconds: c.lifecycle?.preStop?.sleep?.seconds ?? 0,
  requestMi: mebibytes(c.resources?.requests?.['memory']),
  limitMi: mebibytes(c.resources?.limits?.['memory']),
});

const template = (
  base: string,
  namespace: string,
  kind: WorkloadKind,
  weight: number,
  spec: PodSpec,
  fates: ReadonlyArray<readonly [Fate, number]>,
): Template => {
  const [primary, ...others] = spec.containers.map(planOf);
  if (primary === undefined) throw new Error(`template ${base} has no container`);
  const scanned = [...spec.containers, ...(spec.initContainers ?? [])];
  return {
    base,
    namespace,
    kind,
    weight,
    spec: Object.freeze(spec),
    restartPolicy: spec.restartPolicy ?? 'Always',
    gracePeriodSeconds: spec.terminationGracePeriodSeconds ?? 30,
    critical: (spec.priority ?? 0) >= 2_000_000_000,
    bestEffort: scanned.every((c) => c.resources?.requests === undefined && c.resources?.limits === undefined),
    containers: [primary, ...others],
    inits: (spec.initContainers ?? []).map((c) => ({ ...planOf(c), sidecar: c.restartPolicy === 'Always' })),
    fates,
  };
};

// ---------------------------------------------------------------------------------------------
// the workloads
// ---------------------------------------------------------------------------------------------

/** Only primary containers carry probes, so probe events always concern the primary. */
export const templates: readonly [Template, ...Template[]] = [
  template(
    'web',
    'storefront',
    'Deployment',
    30,
    podSpec('Always', [
      container('web', 'registry.example.com/storefront/web:1.27.3', {
        resources: resources('100m', 128, 256),
        ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
        readinessProbe: probe(httpGet('/ready', 8080)),
        livenessProbe: probe(httpGet('/healthz', 8080), { initialDelaySeconds: 10 }),
        lifecycle: { preStop: { sleep: { seconds: 5 } } },
      }),
    ]),
    [
      ['healthy', 82],
      ['crashLoop', 3],
      ['livenessFailure', 4],
      ['readinessFlap', 6],
      ['imagePullBackOff', 3],
      ['oomKilled', 2],
    ],
  ),
  template(
    'payments-api',
    'payments',
    'Deployment',
    20,
    podSpec(
      'Always',
      [
        container('api', 'registry.example.com/payments/api:4.2.0', {
          resources: resources('500m', 512, 512, '500m'),
          startupProbe: probe(httpGet('/started', 8443), { failureThreshold: 30 }),
          readinessProbe: probe(httpGet('/ready', 8443)),
          livenessProbe: probe(httpGet('/healthz', 8443)),
        }),
      ],
      {
        initContainers: [
          container('migrate', 'registry.example.com/payments/migrate:4.2.0', {
            resources: resources('100m', 64, 64, '100m'),
            command: ['/bin/migrate', 'up'],
          }),
          container('envoy', 'docker.io/envoyproxy/envoy:v1.31.2', {
            resources: resources('100m', 128, 128, '100m'),
            restartPolicy: 'Always',
          }),
        ],
        terminationGracePeriodSeconds: 45,
      },
    ),
    [
      ['healthy', 80],
      ['oomKilled', 5],
      ['livenessFailure', 5],
      ['crashLoop', 3],
      ['readinessFlap', 4],
      ['initRetry', 3],
    ],
  ),
  template(
    'order-worker',
    'orders',
    'Deployment',
    15,
    podSpec('Always', [container('worker', 'registry.example.com/orders/worker:2.8.1')], {
      terminationGracePeriodSeconds: 10,
    }),
    [
      ['healthy', 85],
      ['crashLoop', 8],
      ['oomKilled', 3],
      ['imagePullBackOff', 4],
    ],
  ),
  template(
    'session-cache',
    'storefront',
    'StatefulSet',
    5,
    podSpec('Always', [
      container('redis', 'docker.io/library/redis:7.4.1', {
        resources: resources('250m', 1024, 1024, '250m'),
        readinessProbe: probe({ tcpSocket: { port: 6379 } }),
        livenessProbe: probe({ exec: { command: ['redis-cli', 'ping'] } }, { initialDelaySeconds: 15 }),
        lifecycle: { postStart: { exec: { command: ['/bin/sh', '-c', 'redis-cli config set save ""'] } } },
      }),
    ], { terminationGracePeriodSeconds: 60 }),
    [
      ['healthy', 90],
      ['oomKilled', 5],
      ['livenessFailure', 5],
    ],
  ),
  template(
    'nightly-report',
    'analytics',
    'Job',
    12,
    podSpec('OnFailure', [
      container('report', 'registry.example.com/analytics/report:0.19.0', { resources: resources('500m', 1024, 2048) }),
    ]),
    [
      ['completes', 80],
      ['failsOnce', 15],
      ['oomKilled', 5],
    ],
  ),
  template(
    'cert-rotate',
    'ops',
    'Job',
    8,
    podSpec('Never', [container('rotate', 'registry.example.com/ops/cert-rotate:1.3.0')], {
      initContainers: [container('fetch-config', 'docker.io/library/busybox:1.36.1', { command: ['wget', '-O-', 'http://config'] })],
    }),
    [
      ['completes', 85],
      ['fails', 15],
    ],
  ),
  template(
    'node-exporter',
    'kube-system',
    'DaemonSet',
    5,
    podSpec(
      'Always',
      [
        container('node-exporter', 'quay.io/prometheus/node-exporter:v1.8.2', {
          resources: resources('50m', 64, 128),
          livenessProbe: probe(httpGet('/', 9100)),
        }),
      ],
      {
        priorityClassName: 'system-node-critical',
        priority: 2_000_001_000,
        tolerations: [{ operator: 'Exists' }],
      },
    ),
    [
      ['healthy', 97],
      ['crashLoop', 3],
    ],
  ),
  template(
    'recommender',
    'ml',
    'Deployment',
    5,
    podSpec('Always', [
      container('model-server', 'registry.example.com/ml/recommender:2026.3.1', {
        resources: resources('1', 2048, 4096),
        readinessProbe: probe(httpGet('/v1/models/recommender', 8501), { initialDelaySeconds: 20 }),
      }),
    ]),
    [
      ['healthy', 60],
      ['oomKilled', 30],
      ['crashLoop', 10],
    ],
  ),
];
