/** Eviction candidates for the ranking alone: valid pods of every QoS class and priority, with memory use a real node could show. */
import fc from 'fast-check';
import type { Candidate } from '../../src/eviction/index.js';
import type { QOSClass, V1Pod } from '../../src/k8s/pod.js';
import { applyDefaults } from '../../src/manifest/index.js';
import { IMAGE } from './manifests.js';

export interface CandidateSpec {
  readonly qos: QOSClass;
  readonly priority: number;
  readonly requestMi: number;
  readonly usageMi: number;
}

const resources = (qos: QOSClass, mi: number) =>
  qos === 'Guaranteed'
    ? { limits: { cpu: '100m', memory: `${mi}Mi` } }
    : qos === 'Burstable'
      ? { requests: { memory: `${mi}Mi` } }
      : {};

const podOf = (name: string, s: CandidateSpec): V1Pod =>
  applyDefaults({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}` },
    spec: { priority: s.priority, containers: [{ name: 'app', image: IMAGE, resources: resources(s.qos, s.requestMi) }] },
  });

/**
 * One candidate's shape. A Guaranteed pod never uses more than its limit (the kernel OOM-kills it first),
 * so its use stays within its request; the others may use anything.
 */
export const candidateSpec: fc.Arbitrary<CandidateSpec> = fc
  .record({
    qos: fc.constantFrom<QOSClass>('Guaranteed', 'Burstable', 'BestEffort'),
    priority: fc.constantFrom(-1, 0, 0, 1, 2_000_000_000),
    requestMi: fc.integer({ min: 1, max: 512 }),
    usageMi: fc.integer({ min: 0, max: 1024 }),
  })
  .map((s) => (s.qos === 'Guaranteed' ? { ...s, usageMi: Math.min(s.usageMi, s.requestMi) } : s));

/** Candidates named `c0`, `c1`, … in input order. */
export const candidates = (specs: readonly CandidateSpec[]): Candidate[] =>
  specs.map((s, i) => ({ pod: podOf(`c${i}`, s), usage: { memory: `${s.usageMi}Mi` } }));
