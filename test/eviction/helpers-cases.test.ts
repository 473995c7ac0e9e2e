/** Kubernetes' ranking cases from pkg/kubelet/eviction/helpers_test.go, carried over as data. */
import { describe, expect, it } from 'vitest';
import {
  disk,
  evictionOrder,
  exceedDiskRequests,
  exceedMemoryRequests,
  inodes,
  memory,
  orderedBy,
  priority,
  processes,
  type Candidate,
  type Comparator,
} from '../../src/eviction/index.js';
import { at, container, defaultPriority, diskMi, highPriority, inodeCount, lowPriority, pod, resources } from './builders.js';

interface Case {
  readonly name: string;
  readonly rank: Comparator;
  /** In the order the Go test hands them to Sort. */
  readonly candidates: readonly Candidate[];
  readonly expected: readonly string[];
}

const single = (name: string, prio: number, requests = resources(), limits = resources()) =>
  pod(name, prio, [container(name, requests, limits)]);
const withLocalVolume = (name: string, prio: number, requests = resources(), limits = resources()) =>
  pod(name, prio, [container(name, requests, limits)], { volumes: [{ name: 'local-volume' }] });

/** The expected order of TestOrderedByPriorityDisk and TestOrderedByPriorityMemory (their pods are named alike). */
const overRequestThenPriorityThenUsage = [
  'above-requests-low-priority-high-usage',
  'above-requests-low-priority-low-usage',
  'above-requests-high-priority-high-usage',
  'above-requests-high-priority-low-usage',
  'below-requests-low-priority-high-usage',
  'below-requests-low-priority-low-usage',
  'below-requests-high-priority-high-usage',
  'below-requests-high-priority-low-usage',
];

const cases: readonly Case[] = [
  {
    name: 'TestOrderedByExceedsRequestMemory',
    rank: orderedBy(exceedMemoryRequests),
    candidates: [
      at(single('below-requests', -1, resources('', '200Mi')), { memory: '199Mi' }),
      at(single('exceeds-requests', 1, resources('', '100Mi')), { memory: '101Mi' }),
    ],
    expected: ['exceeds-requests', 'below-requests'],
  },
  {
    name: 'TestOrderedByExceedsRequestDisk',
    rank: orderedBy(exceedDiskRequests),
    candidates: [
      at(single('below-requests', -1, resources('', '', '200Mi')), diskMi(100, 99, 0)),
      at(single('exceeds-requests', 1, resources('', '', '100Mi')), diskMi(90, 11, 0)),
    ],
    expected: ['exceeds-requests', 'below-requests'],
  },
  {
    name: 'TestOrderedByPriority',
    rank: orderedBy(priority),
    candidates: [
      at(single('high-priority', 12534, resources('200m', '200Mi'), resources('200m', '200Mi')), {}),
      at(single('medium-priority', 1, resources('100m', '100Mi'), resources('200m', '200Mi')), {}),
      at(single('low-priority', -134), {}),
    ],
    expected: ['low-priority', 'medium-priority', 'high-priority'],
  },
  {
    name: 'TestOrderedbyDisk',
    rank: orderedBy(disk),
    candidates: [
      at(withLocalVolume('best-effort-high', defaultPriority), diskMi(50, 100, 150)), // 300Mi - 0
      at(withLocalVolume('best-effort-low', defaultPriority), diskMi(25, 25, 50)), // 100Mi - 0
      at(withLocalVolume('burstable-high', defaultPriority, resources('', '', '100Mi'), resources('', '', '400Mi')), diskMi(150, 150, 50)), // 250Mi
      at(withLocalVolume('burstable-low', defaultPriority, resources('', '', '100Mi'), resources('', '', '400Mi')), diskMi(25, 35, 50)), // 10Mi
      at(withLocalVolume('guaranteed-high', defaultPriority, resources('', '', '400Mi'), resources('', '', '400Mi')), diskMi(225, 100, 50)), // -25Mi
      at(withLocalVolume('guaranteed-low', defaultPriority, resources('', '', '400Mi'), resources('', '', '400Mi')), diskMi(25, 45, 50)), // -280Mi
    ],
    expected: ['best-effort-high', 'burstable-high', 'best-effort-low', 'burstable-low', 'guaranteed-high', 'guaranteed-low'],
  },
  {
    name: 'TestOrderedbyInodes',
    rank: orderedBy(inodes),
    candidates: [
      at(withLocalVolume('low', defaultPriority), inodeCount(50000, 100000, 50000)),
      at(withLocalVolume('medium', defaultPriority), inodeCount(100000, 150000, 50000)),
      at(withLocalVolume('high', defaultPriority), inodeCount(200000, 150000, 50000)),
    ],
    expected: ['high', 'medium', 'low'],
  },
  {
    name: 'TestOrderedByPriorityDisk',
    rank: orderedBy(exceedDiskRequests, priority, disk),
    candidates: [
      at(withLocalVolume('below-requests-high-priority-low-usage', highPriority, resources('', '', '1Gi')), diskMi(100, 60, 40)),
      at(withLocalVolume('below-requests-high-priority-high-usage', highPriority, resources('', '', '1Gi')), diskMi(250, 500, 50)),
      at(withLocalVolume('below-requests-low-priority-low-usage', lowPriority, resources('', '', '1Gi')), diskMi(50, 100, 50)),
      at(withLocalVolume('below-requests-low-priority-high-usage', lowPriority, resources('', '', '1Gi')), diskMi(500, 200, 100)),
      at(withLocalVolume('above-requests-high-priority-low-usage', highPriority, resources('', '', '100Mi')), diskMi(90, 50, 10)),
      at(withLocalVolume('above-requests-high-priority-high-usage', highPriority, resources('', '', '100Mi')), diskMi(200, 150, 250)),
      at(withLocalVolume('above-requests-low-priority-low-usage', lowPriority), diskMi(10, 10, 30)),
      at(withLocalVolume('above-requests-low-priority-high-usage', lowPriority), diskMi(200, 100, 200)),
    ],
    expected: overRequestThenPriorityThenUsage,
  },
  {
    name: 'TestOrderedByPriorityInodes',
    rank: orderedBy(priority, inodes),
    candidates: [
      at(withLocalVolume('high-priority-low-usage', highPriority), inodeCount(10000, 40000, 100000)),
      at(withLocalVolume('high-priority-high-usage', highPriority), inodeCount(150000, 150000, 50000)),
      at(withLocalVolume('low-priority-low-usage', lowPriority), inodeCount(60000, 30000, 10000)),
      at(withLocalVolume('low-priority-high-usage', lowPriority), inodeCount(50000, 100000, 250000)),
    ],
    expected: ['low-priority-high-usage', 'low-priority-low-usage', 'high-priority-high-usage', 'high-priority-low-usage'],
  },
  {
    name: 'TestOrderedByMemory',
    rank: orderedBy(memory),
    candidates: [
      at(single('best-effort-high', defaultPriority), { memory: '500Mi' }),
      at(single('best-effort-low', defaultPriority), { memory: '300Mi' }),
      at(single('burstable-high', defaultPriority, resources('', '100Mi'), resources('', '1Gi')), { memory: '800Mi' }),
      at(single('burstable-low', defaultPriority, resources('', '100Mi'), resources('', '1Gi')), { memory: '300Mi' }),
      at(single('guaranteed-high', defaultPriority, resources('', '1Gi'), resources('', '1Gi')), { memory: '800Mi' }),
      at(single('guaranteed-low', defaultPriority, resources('', '1Gi'), resources('', '1Gi')), { memory: '200Mi' }),
    ],
    expected: ['burstable-high', 'best-effort-high', 'best-effort-low', 'burstable-low', 'guaranteed-high', 'guaranteed-low'],
  },
  {
    name: 'TestOrderedByPriorityMemory',
    rank: orderedBy(exceedMemoryRequests, priority, memory),
    candidates: [
      at(single('below-requests-high-priority-low-usage', highPriority, resources('', '1Gi')), { memory: '200Mi' }),
      at(single('below-requests-high-priority-high-usage', highPriority, resources('', '1Gi')), { memory: '800Mi' }),
      at(single('below-requests-low-priority-low-usage', lowPriority, resources('', '1Gi')), { memory: '200Mi' }),
      at(single('below-requests-low-priority-high-usage', lowPriority, resources('', '1Gi')), { memory: '800Mi' }),
      at(single('above-requests-high-priority-low-usage', highPriority, resources('', '100Mi')), { memory: '150Mi' }),
      at(single('above-requests-high-priority-high-usage', highPriority, resources('', '100Mi')), { memory: '600Mi' }),
      at(single('above-requests-low-priority-low-usage', lowPriority), { memory: '50Mi' }),
      at(single('above-requests-low-priority-high-usage', lowPriority), { memory: '500Mi' }),
    ],
    expected: overRequestThenPriorityThenUsage,
  },
  {
    name: 'TestOrderedByPriorityProcess',
    rank: orderedBy(priority, processes),
    candidates: [
      at(pod('high-priority-low-usage', highPriority, []), { pids: 5 }),
      at(pod('high-priority-high-usage', highPriority, []), { pids: 20 }),
      at(pod('low-priority-low-usage', lowPriority, []), { pids: 6 }),
      at(pod('low-priority-high-usage', lowPriority, []), { pids: 20 }),
    ],
    expected: ['low-priority-high-usage', 'low-priority-low-usage', 'high-priority-high-usage', 'high-priority-low-usage'],
  },
];

describe('ranking cases from helpers_test.go', () => {
  it.each(cases)('$name', ({ rank, candidates, expected }) => {
    expect([...candidates].sort(rank).map((c) => c.pod.metadata.name)).toEqual(expected);
  });
});

/**
 * The pods of eviction_manager_test.go's TestMemoryPressure. The Go test only checks the first pod evicted (carried
 * with the other eviction-manager cases in test/engine/eviction-manager-cases.test.ts); the rest of the order
 * follows from the same comparators (k8s-semantics.md, open points).
 */
describe('ranking cases from eviction_manager_test.go', () => {
  it('TestMemoryPressure: the low-priority best-effort pod goes first', () => {
    const podsToMake = [
      at(single('guaranteed-low-priority-high-usage', lowPriority, resources('100m', '1Gi'), resources('100m', '1Gi')), { memory: '900Mi' }),
      at(single('burstable-below-requests', defaultPriority, resources('100m', '100Mi'), resources('200m', '1Gi')), { memory: '50Mi' }),
      at(single('burstable-above-requests', defaultPriority, resources('100m', '100Mi'), resources('200m', '1Gi')), { memory: '400Mi' }),
      at(single('best-effort-high-priority-high-usage', highPriority), { memory: '400Mi' }),
      at(single('best-effort-low-priority-low-usage', lowPriority), { memory: '100Mi' }),
    ];
    expect(evictionOrder(podsToMake, 'memory.available')).toEqual([
      'best-effort-low-priority-low-usage',
      'burstable-above-requests',
      'best-effort-high-priority-high-usage',
      'guaranteed-low-priority-high-usage',
      'burstable-below-requests',
    ]);
  });
});
