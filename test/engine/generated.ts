/** Generated small clusters for the engine's properties: pods of every restart policy, init containers, sidecars, probes, memory growth, deletions, a lost node. */
import fc from 'fast-check';
import type { Event } from '../../src/events/index.js';
import type { Container, RestartPolicy } from '../../src/k8s/pod.js';
import { created, deleted, node, nodeCondition, s, world } from './harness.js';

const MI = 1n << 20n;

/** One generated pod: its shape and how its processes behave. */
const podArb = fc.record({
  policy: fc.constantFrom<RestartPolicy>('Always', 'OnFailure', 'Never'),
  init: fc.nat(2),
  sidecar: fc.boolean(),
  exitAfter: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
  exitCode: fc.constantFrom(0, 1, 137),
  liveness: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  memoryLimitMi: fc.option(fc.integer({ min: 10, max: 400 }), { nil: undefined }),
  growthMiPerS: fc.integer({ min: 0, max: 20 }),
  deleteAt: fc.option(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.constantFrom(0, 1, 30)), { nil: undefined }),
  sigterm: fc.option(fc.integer({ min: 0, max: 40_000 }), { nil: undefined }),
});
type PodArb = typeof podArb extends fc.Arbitrary<infer T> ? T : never;

export const clusterArb = fc.record({
  pods: fc.array(podArb, { minLength: 1, maxLength: 5 }),
  nodeMemoryMi: fc.integer({ min: 256, max: 2048 }),
  lostAt: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
});

const containers = (p: PodArb, i: number): { initContainers: Container[]; containers: Container[] } => {
  const limits = p.memoryLimitMi === undefined ? {} : { resources: { limits: { memory: `${p.memoryLimitMi}Mi` } } };
  const probe = p.liveness === undefined ? {} : { livenessProbe: { exec: { command: ['check'] }, periodSeconds: p.liveness, failureThreshold: 2 } };
  return {
    initContainers: [
      ...Array.from({ length: p.init }, (_, k) => ({ name: `init${k}`, image: 'busybox:1.36' })),
      ...(p.sidecar ? [{ name: 'proxy', image: 'proxy:1', restartPolicy: 'Always' as const }] : []),
    ],
    containers: [{ name: `app${i}`, image: 'app:1', ...limits, ...probe }],
  };
};

export type ClusterArb = typeof clusterArb extends fc.Arbitrary<infer T> ? T : never;

export const scenario = (c: ClusterArb) => {
  const external: Event[] = [
    node('n1', { cpu: '4', memory: `${c.nodeMemoryMi}Mi`, pods: '110' }),
    node('n2', { cpu: '4', memory: `${c.nodeMemoryMi}Mi`, pods: '110' }),
    ...c.pods.map((p, i) => created({ metadata: { name: `p${i}` }, spec: { restartPolicy: p.policy, ...containers(p, i) } })),
    ...c.pods.flatMap((p, i) => (p.deleteAt === undefined ? [] : [deleted(`p${i}`, p.deleteAt[0], p.deleteAt[1])])),
    ...(c.lostAt === undefined ? [] : [nodeCondition('n1', c.lostAt, 'Ready', 'Unknown')]),
  ];
  const byName = (name: string): PodArb | undefined => c.pods[Number(name.slice(1))];
  const w = world({
    containerRun: (pod, name) => {
      const p = byName(pod.name);
      if (p === undefined) return {};
      if (name.startsWith('init')) return { exit: { afterMs: 1000, code: 0 } };
      return p.exitAfter === undefined || name === 'proxy' ? {} : { exit: { afterMs: p.exitAfter * 1000, code: p.exitCode } };
    },
    probe: (_pod, _c, _k, now, startedAt) => ({ outcome: (now - startedAt) % 70_000 < 40_000 ? 'success' : 'failure' }),
    memoryBytes: (pod, _c, now, startedAt) => (BigInt(now - startedAt) * BigInt(byName(pod.name)?.growthMiPerS ?? 0) * MI) / 1000n,
    onSigterm: (pod) => {
      const after = byName(pod.name)?.sigterm;
      return after === undefined ? undefined : { afterMs: after, code: 143 };
    },
  });
  return { world: w, external, until: s(600) };
};
