/**
 * Disk and PID eviction from the usage a scenario states (`eviction_manager.go :: synchronize`,
 * `localStorageEviction`, `helpers.go :: makeSignalObservations`, `rankDiskPressureFunc`, `evictionMessage`), and
 * the manager's loop after an eviction (`Start`, `waitForPodsCleanup`).
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import type { Event, EventOf } from '../../src/events/index.js';
import { renderScenarioError } from '../../src/scenario/index.js';
import { loadText } from '../scenario/support.js';

const START = Date.parse('2026-02-03T09:00:00Z');

const simulated = (text: string): Event[] => {
  const loaded = loadText(text);
  if (E.isLeft(loaded)) throw new Error(renderScenarioError(loaded.left));
  return simulate(loaded.right.simulation);
};

const of = <K extends Event['type']>(events: readonly Event[], type: K): EventOf<K>[] => events.filter((e): e is EventOf<K> => e.type === type);
const at = (e: Event): number => (Date.parse(e.at) - START) / 1000;

/** A scenario on one node with `nodeFields`, the pods given as inline manifests applied at 0s, and `rest` after them. */
const scenario = (nodeFields: string, pods: readonly string[], rest: string, until = '6m') => `start: 2026-02-03T09:00:00Z
until: ${until}
nodes:
  - { name: node01, ${nodeFields} }
timeline:
${pods.map((p) => `  - at: 0s\n    apply:\n${p.replace(/^/gm, '      ')}`).join('\n')}
${rest}`;

const pod = (name: string, containers: string, volumes = '') => `apiVersion: v1
kind: Pod
metadata: { name: ${name} }
spec:
  containers:
${containers.replace(/^/gm, '  ')}${volumes === '' ? '' : `\n  volumes:\n${volumes.replace(/^/gm, '  ')}`}`;

const container = (name: string, resources = '') => `- name: ${name}
  image: busybox${resources === '' ? '' : `\n  resources: ${resources}`}`;

describe('local storage limits (localStorageEviction), without node pressure', () => {
  const events = simulated(
    scenario(
      'capacity: { ephemeral-storage: 100Gi }',
      [
        pod('pair', `${container('a', '{ limits: { ephemeral-storage: 1Gi } }')}\n${container('b', '{ limits: { ephemeral-storage: 1Gi } }')}`),
        pod('one', container('c', '{ limits: { ephemeral-storage: 1Gi } }')),
        pod('scratchy', container('d'), '- name: tmp\n  emptyDir: { sizeLimit: 100Mi }\n- name: big\n  emptyDir: {}'),
      ],
      `behavior:
  pair:
    a: { disk: { grows: 10Mi/s } }
    b: { disk: { grows: 10Mi/s } }
  one:
    c: { disk: { grows: 10Mi/s } }
volumes:
  scratchy:
    tmp: { grows: 1Mi/s }
    big: 50Gi
`,
    ),
  );

  it('evicts every pod over a limit in one cycle, the pod check before the container check, with the kubelet words', () => {
    // pair: 2 × 1.1Gi over the 2Gi its containers' limits add up to; one: 1.1Gi over 1Gi (both cross at 103.4 s)
    expect(of(events, 'PodEvicted').map((e) => [at(e), e.pod.name, e.signal, e.message, e.disruptionTarget])).toEqual([
      [110, 'pair', 'ephemeralpodfs.limit', 'Pod ephemeral local storage usage exceeds the total limit of containers 2Gi. ', false],
      [110, 'one', 'ephemeralpodfs.limit', 'Pod ephemeral local storage usage exceeds the total limit of containers 1Gi. ', false],
      // an emptyDir past its sizeLimit (1Mi/s from the pod's start at 0): the unlimited one counts for nothing
      [110, 'scratchy', 'emptydirfs.limit', 'Usage of EmptyDir volume "tmp" exceeds the limit "100Mi". ', false],
    ]);
  });

  it('sets no node condition: the node has room (about 47Gi of 100Gi free)', () => {
    expect(of(events, 'NodeConditionChanged').filter((e) => e.conditionType !== 'Ready')).toEqual([]);
    expect(of(events, 'EvictionThresholdMet')).toEqual([]);
  });
});

// `localStorageEviction` calls `evictPod` for each pod in turn, and each blocks until the pod worker has completed
// the pod's termination (or for 10 s, `max(grace × 1.5, 10 s)`), so a pod whose processes ignore SIGTERM (SIGKILL 2 s
// after the 1 s eviction kill) holds the next eviction back; the cycle's stats decide them all
describe('local storage limits: the pods of one cycle are evicted in turn, each after the last one’s termination', () => {
  const slowPods = [
    pod('pair', `${container('a', '{ limits: { ephemeral-storage: 1Gi } }')}\n${container('b', '{ limits: { ephemeral-storage: 1Gi } }')}`),
    pod('one', container('c', '{ limits: { ephemeral-storage: 1Gi } }')),
    pod('scratchy', container('d'), '- name: tmp\n  emptyDir: { sizeLimit: 100Mi }'),
  ];
  const behavior = (before: string) => `${before}behavior:
  pair:
    a: { disk: { grows: 10Mi/s }, sigterm: ignore }
    b: { disk: { grows: 10Mi/s }, sigterm: ignore }
  one:
    c: { disk: { grows: 10Mi/s }, sigterm: ignore }
volumes:
  scratchy:
    tmp: { grows: 1Mi/s }
`;

  it('SIGKILL 2 s after each kill: pair at 110 s, one at 112 s, scratchy at 114 s', () => {
    const events = simulated(scenario('capacity: { ephemeral-storage: 100Gi }', slowPods, behavior('')));
    expect(of(events, 'PodEvicted').map((e) => [at(e), e.pod.name])).toEqual([
      [110, 'pair'],
      [112, 'one'],
      [114, 'scratchy'],
    ]);
    expect(of(events, 'ContainerKilling').map((e) => [at(e), e.container])).toEqual([
      [110, 'a'],
      [110, 'b'],
      [112, 'c'],
      [114, 'd'],
    ]);
  });

  it('a termination that outlasts the 10 s wait: the next pod is evicted when the wait runs out', () => {
    // one is being deleted since 100 s (grace 60 s, SIGTERM ignored: SIGKILL at 160 s); evicting it at 112 s sends no
    // new kill (its kill in flight runs on), so its `evictPod` gives up at 122 s and scratchy is evicted then; the
    // cleanup wait then runs from 122 s for its 30 s, one still stopping: the next cycle at 152 s evicts nothing
    const deletion = `  - at: 100s\n    delete: { pod: one, gracePeriodSeconds: 60 }\n`;
    const events = simulated(scenario('capacity: { ephemeral-storage: 100Gi }', slowPods, deletion + behavior('')));
    expect(of(events, 'PodEvicted').map((e) => [at(e), e.pod.name])).toEqual([
      [110, 'pair'],
      [112, 'one'],
      [122, 'scratchy'],
      [152, 'one'],
    ]);
  });
});

describe('node filesystem pressure (nodefs.available, imagefs.available on the same disk)', () => {
  const pods = [
    pod('greedy-within', container('app', '{ requests: { ephemeral-storage: 8Gi } }')),
    pod('small-over', container('app', '{ requests: { ephemeral-storage: 100Mi } }')),
  ];
  const behavior = `behavior:
  greedy-within:
    app: { disk: 6Gi }
  small-over:
    app: { disk: { from: 100Mi, grows: 10Mi/s } }
`;

  it('ranks pods over their ephemeral-storage request first, even when another uses more (rankDiskPressureFunc)', () => {
    const events = simulated(scenario('capacity: { ephemeral-storage: 10Gi }', pods, behavior));
    // 10Gi disk, 6Gi + 100Mi + 10Mi/s (from its start at 1 s) used: less than 15 % free (1610612800 bytes, about
    // 1536Mi) past 247 s; greedy-within uses 6Gi but stays within its 8Gi request
    expect(of(events, 'PodEvicted').map((e) => [at(e), e.pod.name, e.signal, e.message, e.annotations])).toEqual([
      [
        250,
        'small-over',
        'imagefs.available',
        'The node was low on resource: ephemeral-storage. Threshold quantity: 1610612800, available: 1506Mi. ' +
          'Container app was using 2590Mi, request is 100Mi, has larger consumption of ephemeral-storage. ',
        { offending_containers: 'app', offending_containers_usage: '2590Mi', starved_resource: 'ephemeral-storage' },
      ],
    ]);
    expect(of(events, 'NodeConditionChanged').filter((e) => e.conditionType === 'DiskPressure').map((e) => [at(e), e.status])).toEqual([[250, 'True']]);
  });

  it('with imagefs.available turned off (0%), nodefs.available<10% decides', () => {
    const events = simulated(scenario('capacity: { ephemeral-storage: 10Gi }, evictionHard: { imagefs.available: 0% }', pods, behavior));
    const [first] = of(events, 'PodEvicted');
    expect([first && at(first), first?.signal, first?.message.slice(0, 100)]).toEqual([
      // 10 % of 10Gi in float32 arithmetic: 1073741840 bytes (about 1024Mi); crossed past 298 s
      300,
      'nodefs.available',
      'The node was low on resource: ephemeral-storage. Threshold quantity: 1073741840, available: 1006Mi. ',
    ]);
  });

  it('a node without an ephemeral-storage capacity has no filesystem observation: no DiskPressure, whatever is written', () => {
    const events = simulated(scenario('diskUsed: 500Gi', pods, behavior));
    expect(of(events, 'PodEvicted')).toEqual([]);
    expect(of(events, 'NodeConditionChanged').filter((e) => e.conditionType === 'DiskPressure')).toEqual([]);
  });
});

describe('the loop after an eviction (eviction_manager.go :: Start)', () => {
  it('waits at most 10 s for the kill and 30 s for the cleanup: a pod still stopping for its deletion delays the next cycle to +40 s', () => {
    const events = simulated(
      scenario(
        'capacity: { memory: 1Gi }',
        [pod('slow', container('app')), pod('next', container('app'))],
        `  - at: 20s
    delete: { pod: slow, gracePeriodSeconds: 120 }
behavior:
  slow:
    app: { memory: 500Mi, sigterm: ignore }
  next:
    app: { memory: { from: 100Mi, grows: 10Mi/s } }
`,
      ),
    );
    // 1Gi − 500Mi − (100Mi + 10Mi/s): under 100Mi past about 33 s; at 40 slow (500Mi) still uses more than next
    // (490Mi). Its deletion's kill in flight keeps its 120 s grace, so `killPodNow` gives up after 10 s and
    // `waitForPodsCleanup` after 30 more: the next cycle is at 40 + 40 = 80 s, off the 10 s grid, and ranks the
    // pods again (slow, still stopping, among them): next, at 890Mi, goes
    expect(of(events, 'PodEvicted').map((e) => [at(e), e.pod.name])).toEqual([
      [40, 'slow'],
      [80, 'next'],
    ]);
  });
});
