/**
 * Pod manifests as a user writes them (all three QoS classes, init containers, sidecars, probes, hooks,
 * restart policies, priorities), each checked to pass the API server's defaulting and validation.
 */
import fc from 'fast-check';
import { applyDefaults, validatePod } from '../../src/manifest/index.js';
import type { Container, Probe, QOSClass, RestartPolicy, V1Pod } from '../../src/k8s/pod.js';

export const IMAGE = 'busybox:1.36';

const qosClasses: readonly QOSClass[] = ['Guaranteed', 'Burstable', 'BestEffort'];
const policies: readonly RestartPolicy[] = ['Always', 'OnFailure', 'Never'];

/** Memory in Mi, small enough that a few pods can press a small node. */
const memoryMi = fc.constantFrom(32, 64, 128, 256);

const probe = fc.record({
  periodSeconds: fc.integer({ min: 1, max: 10 }),
  failureThreshold: fc.integer({ min: 1, max: 4 }),
  initialDelaySeconds: fc.constantFrom(0, 0, 5),
});

const asProbe = (p: { periodSeconds: number; failureThreshold: number; initialDelaySeconds: number }): Probe => ({
  exec: { command: ['cat', '/tmp/healthy'] },
  ...p,
});

/** What a container may carry besides its name: resources follow the pod's QoS class. */
const containerShape = fc.record({
  mi: memoryMi,
  overcommit: fc.boolean(),
  liveness: fc.option(probe, { nil: undefined }),
  readiness: fc.option(probe, { nil: undefined }),
  startup: fc.option(probe, { nil: undefined }),
  postStart: fc.boolean(),
  preStop: fc.boolean(),
});
type ContainerShape = typeof containerShape extends fc.Arbitrary<infer T> ? T : never;

const resourcesFor = (qos: QOSClass, s: ContainerShape): Pick<Container, 'resources'> => {
  const memory = `${s.mi}Mi`;
  switch (qos) {
    case 'Guaranteed': // limits only: defaulting copies them to the requests
      return { resources: { limits: { cpu: '100m', memory } } };
    case 'Burstable':
      return { resources: { requests: { memory }, ...(s.overcommit ? { limits: { memory: `${s.mi * 2}Mi` } } : {}) } };
    case 'BestEffort':
      return {};
  }
};

/** Probes and hooks are only allowed on regular containers and sidecars. */
const extrasFor = (s: ContainerShape): Partial<Container> => ({
  ...(s.liveness === undefined ? {} : { livenessProbe: asProbe(s.liveness) }),
  ...(s.readiness === undefined ? {} : { readinessProbe: asProbe(s.readiness) }),
  ...(s.startup === undefined ? {} : { startupProbe: asProbe(s.startup) }),
  ...(s.postStart || s.preStop
    ? {
        lifecycle: {
          ...(s.postStart ? { postStart: { exec: { command: ['sh', '-c', 'true'] } } } : {}),
          ...(s.preStop ? { preStop: { exec: { command: ['sh', '-c', 'sleep 1'] } } } : {}),
        },
      }
    : {}),
});

/** A pod named `name` in `default`, decoded, defaulted and valid; throws if the generator ever makes an invalid one. */
export const podManifest = (name: string): fc.Arbitrary<V1Pod> =>
  fc
    .record({
      qos: fc.constantFrom(...qosClasses),
      restartPolicy: fc.option(fc.constantFrom(...policies), { nil: undefined }),
      priority: fc.constantFrom<number | 'critical' | undefined>(undefined, 0, 0, 100, 'critical'),
      grace: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
      deadline: fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: fc.integer({ min: 1, max: 120 }), weight: 1 }),
      inits: fc.array(containerShape, { maxLength: 2 }),
      sidecar: fc.option(containerShape, { nil: undefined }),
      containers: fc.array(containerShape, { minLength: 1, maxLength: 2 }),
    })
    .map(({ qos, restartPolicy, priority, grace, deadline, inits, sidecar, containers }) => {
      const initContainers: Container[] = [
        ...inits.map((s, i) => ({ name: `init-${i}`, image: IMAGE, ...resourcesFor(qos, s) })),
        ...(sidecar === undefined
          ? []
          : [{ name: 'sidecar', image: IMAGE, restartPolicy: 'Always' as const, ...resourcesFor(qos, sidecar), ...extrasFor(sidecar) }]),
      ];
      const raw: V1Pod = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace: 'default', labels: { app: name } },
        spec: {
          ...(restartPolicy === undefined ? {} : { restartPolicy }),
          ...(priority === 'critical' ? { priorityClassName: 'system-node-critical' } : priority === undefined ? {} : { priority }),
          ...(grace === undefined ? {} : { terminationGracePeriodSeconds: grace }),
          ...(deadline === undefined ? {} : { activeDeadlineSeconds: deadline }),
          ...(initContainers.length === 0 ? {} : { initContainers }),
          containers: containers.map((s, i) => ({ name: `app-${i}`, image: IMAGE, ...resourcesFor(qos, s), ...extrasFor(s) })),
        },
      };
      const error = validatePod(applyDefaults(raw));
      if (error !== undefined) throw new Error(`generated an invalid manifest: ${JSON.stringify(error)}`);
      return raw;
    });

/** Names of a manifest's containers, init containers first. */
export const containerNamesOf = (pod: V1Pod): string[] => [
  ...(pod.spec.initContainers ?? []).map((c) => c.name),
  ...pod.spec.containers.map((c) => c.name),
];
