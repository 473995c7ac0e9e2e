/** Invariants of the memory ranking over random pods: the first keys partition the order as the kubelet's do. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evictionOrder, podRequestNanos, type Candidate } from '../../src/eviction/index.js';
import { parseQuantity } from '../../src/k8s/quantity.js';
import { at, container, pod, resources } from './builders.js';

const candidate = fc
  .record({
    priority: fc.integer({ min: -10, max: 10 }),
    requestMi: fc.option(fc.integer({ min: 1, max: 512 }), { nil: undefined }),
    usageMi: fc.option(fc.integer({ min: 0, max: 1024 }), { nil: undefined }),
  })
  .map(({ priority, requestMi, usageMi }) => ({ priority, requestMi, usageMi }));

const build = (specs: ReadonlyArray<{ priority: number; requestMi: number | undefined; usageMi: number | undefined }>): Candidate[] =>
  specs.map((s, i) =>
    at(pod(`p${i}`, s.priority, [container('c', resources('', s.requestMi === undefined ? '' : `${s.requestMi}Mi`))]), {
      ...(s.usageMi === undefined ? {} : { memory: `${s.usageMi}Mi` }),
    }),
  );

/** 0: no stats, 1: above its request, 2: within it. */
const tier = (c: Candidate): number => {
  if (c.usage.memory === undefined) return 0;
  return (parseQuantity(c.usage.memory)?.nanos ?? 0n) > podRequestNanos(c.pod, 'memory') ? 1 : 2;
};

describe('memory ranking properties', () => {
  it('puts unmeasured pods first, then pods above their request, each tier by ascending priority', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 12 }), (specs) => {
        const candidates = build(specs);
        const byName = new Map(candidates.map((c) => [c.pod.metadata.name, c]));
        const ranked = evictionOrder(candidates, 'memory.available').map((name) => byName.get(name));
        const keys = ranked.map((c) => (c === undefined ? [-1, 0] : [tier(c), c.pod.spec.priority ?? 0]));
        for (let i = 1; i < keys.length; i++) {
          const [prevTier = 0, prevPriority = 0] = keys[i - 1] ?? [];
          const [curTier = 0, curPriority = 0] = keys[i] ?? [];
          expect(curTier > prevTier || (curTier === prevTier && curPriority >= prevPriority)).toBe(true);
        }
      }),
    );
  });

  it('ranks every candidate exactly once, in an order that only ties may make depend on the input order', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 12 }), (specs) => {
        const candidates = build(specs);
        const ranked = evictionOrder(candidates, 'memory.available');
        expect([...ranked].sort()).toEqual(candidates.map((c) => c.pod.metadata.name).sort());
        // The ranking keys themselves: tier, priority, and usage above request (unmeasured pods have none).
        const keyOf = (s: (typeof specs)[number]) =>
          s.usageMi === undefined ? `none/${s.priority}` : `${s.priority}/${s.usageMi - (s.requestMi ?? 0)}`;
        if (new Set(specs.map(keyOf)).size === specs.length) {
          expect(evictionOrder([...candidates].reverse(), 'memory.available')).toEqual(ranked);
        }
      }),
    );
  });
});
