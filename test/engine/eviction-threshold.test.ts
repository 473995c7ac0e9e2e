/**
 * `memory.available` stated as a percentage, as `--eviction-hard` allows (`helpers.go :: parseThresholdStatement`,
 * `parsePercentage`, `GetThresholdQuantity`): the threshold is that share of the signal's capacity (available plus
 * working set: the node's allocatable memory in the engine), and `0%` / `100%` turn the threshold off.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { parseThreshold, thresholdBytes } from '../../src/k8s/eviction-threshold.js';
import { created, node, ofType, offset, run, world } from './harness.js';

const MI = 1n << 20n;

describe('parseThreshold', () => {
  it.each([
    ['100Mi', { bytes: 100n * MI }],
    ['1Gi', { bytes: 1024n * MI }],
    ['10%', { percentage: Math.fround(10 / 100) }],
    ['5.5%', { percentage: Math.fround(Math.fround(5.5) / 100) }],
    ['5%%', { percentage: Math.fround(5 / 100) }], // strings.TrimRight drops every trailing %
    ['0%', undefined],
    ['100%', undefined],
  ])('%s', (text, value) => expect(parseThreshold('memory.available', text)).toEqual(E.right(value)));

  it.each([
    ['-5%', 'eviction percentage threshold memory.available must be >= 0%: -5%'],
    ['150%', 'eviction percentage threshold memory.available must be <= 100%: 150%'],
    ['abc%', 'eviction threshold memory.available: "abc%" is not a percentage'],
    ['0', 'eviction threshold memory.available must be positive: 0'],
    ['-1Mi', 'eviction threshold memory.available must be positive: -1Mi'],
    ['12Q', 'eviction threshold memory.available: "12Q" is not a quantity'],
  ])('refuses %s', (text, message) => expect(parseThreshold('memory.available', text)).toEqual(E.left(message)));

  it('takes a percentage of the capacity, truncated as int64(float64(capacity) * percentage)', () => {
    const parsed = parseThreshold('memory.available', '10%');
    expect(E.isRight(parsed) && parsed.right !== undefined ? thresholdBytes(parsed.right, 1000n * MI) : undefined).toBe(
      BigInt(Math.trunc(Number(1000n * MI) * Math.fround(0.1))),
    );
  });
});

describe('a node whose memory.available threshold is a percentage', () => {
  const hog = created({ metadata: { name: 'hog' }, spec: { containers: [{ name: 'app', image: 'app:1' }] } });
  // 1000Mi allocatable: the hog's working set leaves 150Mi, then 50Mi, available
  const w = world({ memoryBytes: (_p, _c, now) => (now - Date.parse('2026-01-01T00:00:00.000Z') < 30_000 ? 850n : 950n) * MI });
  const withThreshold = (threshold: string) => node('n1', { cpu: '4', memory: '1000Mi', pods: '110' }, 0, { evictionHard: { 'memory.available': threshold } });

  it('evicts once available falls under that share of the allocatable memory, naming the quantity', () => {
    const events = run([withThreshold('10%'), hog], w, 60);
    const evicted = ofType(events, 'PodEvicted');
    expect(evicted.map(offset)).toEqual([30]);
    // 10 % of 1000Mi in float32 arithmetic, truncated: 104857601 bytes, as the kubelet formats it
    expect(evicted[0]?.message).toMatch(/^The node was low on resource: memory\. Threshold quantity: 104857601, available: 50Mi\. /);
  });

  it('never evicts with 0% or 100% (the kubelet ignores the threshold)', () => {
    for (const threshold of ['0%', '100%']) {
      const events = run([withThreshold(threshold), hog], w, 60);
      expect(ofType(events, 'PodEvicted')).toEqual([]);
      expect(ofType(events, 'NodeConditionChanged').filter((e) => e.conditionType === 'MemoryPressure')).toEqual([]);
    }
  });
});
