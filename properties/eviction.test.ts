/**
 * Eviction invariants, for the ranking (`evictionOrder`) and for what the engine does on pressured nodes:
 * among pods of equal priority no Guaranteed pod goes before a BestEffort pod that uses memory; no pod
 * within its requests goes before one exceeding them; critical pods are never evicted.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { evictionScenes } from '../src/check/index.js';
import { evictionOrder, isCriticalPod, podRequestNanos, type Candidate } from '../src/eviction/index.js';
import { qosClassOf } from '../src/k8s/qos.js';
import { parseQuantity } from '../src/k8s/quantity.js';
import { candidateSpec, candidates } from './arbitraries/candidates.js';
import { scenario, type Scenario } from './arbitraries/scenarios.js';
import { check, observedOf, scenarioClean } from './support/clean.js';
import { holds } from './support/property.js';

const usageNanos = (c: Candidate): bigint => parseQuantity(c.usage.memory ?? '0')?.nanos ?? 0n;
const exceeds = (c: Candidate): boolean => usageNanos(c) > podRequestNanos(c.pod, 'memory');
const nameOf = (c: Candidate): string => c.pod.metadata.name ?? '';

/** `first` may go before `second`: the rule each property states, as a fault message when it is broken. */
type Rule = (first: Candidate, second: Candidate) => string | undefined;

const guaranteedAfterBestEffort: Rule = (first, second) =>
  qosClassOf(first.pod) === 'Guaranteed' &&
  qosClassOf(second.pod) === 'BestEffort' &&
  (first.pod.spec.priority ?? 0) === (second.pod.spec.priority ?? 0) &&
  usageNanos(second) > 0n
    ? `Guaranteed ${nameOf(first)} goes before BestEffort ${nameOf(second)} (using ${second.usage.memory ?? '0'}) of the same priority`
    : undefined;

const withinAfterExceeding: Rule = (first, second) =>
  !exceeds(first) && exceeds(second)
    ? `${nameOf(first)} (within its request, using ${first.usage.memory ?? '0'}) goes before ${nameOf(second)} (above its request, using ${second.usage.memory ?? '0'})`
    : undefined;

/** Every ordered pair of the ranking obeys the rule. */
const rankingObeys = (rule: Rule) => (specs: Parameters<typeof candidates>[0]) => {
  const all = candidates(specs);
  const byName = new Map(all.map((c) => [nameOf(c), c]));
  const ranked = evictionOrder(all, 'memory.available').flatMap((n) => byName.get(n) ?? []);
  ranked.forEach((first, i) =>
    ranked.slice(i + 1).forEach((second) => {
      const fault = rule(first, second);
      if (fault !== undefined) throw new Error(fault);
    }),
  );
};

/** Every eviction the engine made obeys the rule against every pod still active on that node, and spares critical pods. */
const engineObeys = (rule: Rule) => (s: Scenario) => {
  for (const scene of evictionScenes(observedOf(s))) {
    if (isCriticalPod(scene.evicted.pod)) throw new Error(`critical pod ${nameOf(scene.evicted)} evicted (#${scene.entry.seq})`);
    for (const other of scene.others.filter((o) => !isCriticalPod(o.pod))) {
      const fault = rule(scene.evicted, other);
      if (fault !== undefined) throw new Error(`eviction #${scene.entry.seq} on ${scene.node}: ${fault}`);
    }
  }
};

const pressured = scenario({ pressure: true, maxPods: 5, deletions: false, nodeLoss: false });

/** At least this share of pressured scenarios must evict something, or the engine properties prove little. */
const evictionsHappen = (sample: readonly Scenario[]): number =>
  sample.filter((s) => evictionScenes(observedOf(s)).length > 0).length / sample.length;

describe('eviction ranking (evictionOrder)', () => {
  const specs = fc.array(candidateSpec, { minLength: 2, maxLength: 8 });

  it('eviction-ranking-guaranteed-after-besteffort', async () => {
    await holds('eviction-ranking-guaranteed-after-besteffort', fc.property(specs, rankingObeys(guaranteedAfterBestEffort)), 300);
  });

  it('eviction-ranking-within-requests-after-exceeding', async () => {
    await holds('eviction-ranking-within-requests-after-exceeding', fc.property(specs, rankingObeys(withinAfterExceeding)), 300);
  });
});

describe('eviction by the engine', () => {
  it('pressured scenarios do evict (the properties below are not vacuous)', () => {
    const share = evictionsHappen(fc.sample(pressured, { numRuns: 20, seed: 7 }));
    if (share < 0.2) throw new Error(`only ${share * 100}% of pressured scenarios evicted a pod`);
  });

  it('eviction-engine-critical-never-evicted', async () => {
    await holds('eviction-engine-critical-never-evicted', fc.property(pressured, engineObeys(() => undefined)), 30);
  });

  it('eviction-engine-guaranteed-after-besteffort', async () => {
    await holds('eviction-engine-guaranteed-after-besteffort', fc.property(pressured, engineObeys(guaranteedAfterBestEffort)), 30);
  });

  it('eviction-engine-within-requests-after-exceeding', async () => {
    await holds('eviction-engine-within-requests-after-exceeding', fc.property(pressured, engineObeys(withinAfterExceeding)), 30);
  });

  it('eviction-engine-follows-ranking (podj check eviction-order)', async () => {
    await holds('eviction-engine-follows-ranking', fc.property(pressured, scenarioClean(check('eviction-order'))), 30);
  });
});

