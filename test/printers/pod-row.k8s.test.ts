/**
 * Kubernetes' own printer cases (`pkg/printers/internalversion/printers_test.go`), carried over as data.
 * Go's placeholder phase "podPhase" is not a valid v1 phase; `Unknown` plays its part (printPod only
 * echoes the phase). Pods without a creationTimestamp print AGE `<unknown>`, as in the Go tests.
 */
import { describe, expect, it } from 'vitest';
import { kubectlRow, kubectlRowCompleted, kubectlWideCells } from '../../src/printers/pod-row.js';
import { tableRows } from '../../src/printers/pod-columns.js';
import type { V1Pod } from '../../src/k8s/pod.js';
import { DAY, MINUTE, NOW, SECOND, ago, cs, pod, type ContainerStatusJson, type PodShape } from './fixtures.js';

type Cells = readonly [name: string, ready: string, status: string, restarts: string, age: string];
interface Case {
  readonly what: string;
  readonly pod: V1Pod;
  readonly cells: Cells;
}

const cellsOf = (p: V1Pod): Cells => {
  const r = kubectlRow(p, NOW);
  return [r.name, r.ready, r.status, r.restarts, r.age];
};

const running = { running: {} };
const sidecar = (name: string) => ({ name, restartPolicy: 'Always' as const });
const lastFinished = (ms: number) => ({ terminated: { exitCode: 0, finishedAt: ago(ms) } });
const deleteTime = ago(10 * SECOND);

/** The shape of Kubernetes' init cases test7 to test10: `podPhase`, init statuses, one waiting container. */
const initializing = (name: string, initContainers: number, initContainerStatuses: ContainerStatusJson[]): V1Pod =>
  pod({
    metadata: { name },
    initContainers,
    containers: 1,
    status: { phase: 'Unknown', initContainerStatuses, containerStatuses: [cs({ ready: false, restartCount: 0, state: { waiting: {} } })] },
  });

/** One container that terminated, in a pod of the given terminal phase (test16 to test18). */
const finished = (metadata: PodShape['metadata'], phase: 'Succeeded' | 'Failed', terminated: { reason: string; exitCode: number }): V1Pod =>
  pod({ metadata, containers: 1, status: { phase, containerStatuses: [cs({ ready: false, restartCount: 0, state: { terminated } })] } });

const TestPrintPod: Case[] = [
  {
    what: 'name, num of containers, restarts, container ready status',
    pod: pod({
      metadata: { name: 'test1' },
      containers: 2,
      status: {
        phase: 'Unknown',
        containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ restartCount: 3 })],
      },
    }),
    cells: ['test1', '1/2', 'Unknown', '6', '<unknown>'],
  },
  {
    what: 'container error overwrites pod phase',
    pod: pod({
      metadata: { name: 'test2' },
      containers: 2,
      status: {
        phase: 'Unknown',
        containerStatuses: [
      cs({ ready: true, restartCount: 3, state: running }),
      cs({ state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 }),
        ],
      },
    }),
    cells: ['test2', '1/2', 'ContainerWaitingReason', '6', '<unknown>'],
  },
  {
    what: 'the same with Terminated state, and the first container overwrites the rest',
    pod: pod({
      metadata: { name: 'test3' },
      containers: 2,
      status: {
        phase: 'Unknown',
        containerStatuses: [
      cs({ state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 }),
      cs({ state: { terminated: { reason: 'ContainerTerminatedReason', exitCode: 0 } }, restartCount: 3 }),
        ],
      },
    }),
    cells: ['test3', '0/2', 'ContainerWaitingReason', '6', '<unknown>'],
  },
  {
    what: 'ready is not enough for reporting running',
    pod: pod({
      metadata: { name: 'test4' },
      containers: 2,
      status: {
        phase: 'Unknown',
        containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ ready: true, restartCount: 3 })],
      },
    }),
    cells: ['test4', '1/2', 'Unknown', '6', '<unknown>'],
  },
  {
    what: 'ready is not enough for reporting running; the pod reason shows',
    pod: pod({
      metadata: { name: 'test5' },
      containers: 2,
      status: {
        reason: 'podReason',
        phase: 'Unknown',
        containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ ready: true, restartCount: 3 })],
      },
    }),
    cells: ['test5', '1/2', 'podReason', '6', '<unknown>'],
  },
  {
    what: 'pod has 2 containers, one is running and the other is completed, w/o ready condition',
    pod: pod({
      metadata: { name: 'test6' },
      containers: 2,
      status: {
        phase: 'Running',
        reason: '',
        containerStatuses: [
      cs({ ready: true, restartCount: 3, state: { terminated: { reason: 'Completed', exitCode: 0 } } }),
      cs({ ready: true, restartCount: 3, state: running }),
        ],
      },
    }),
    cells: ['test6', '1/2', 'NotReady', '6', '<unknown>'],
  },
  {
    what: 'pod has 2 containers, one is running and the other is completed, with ready condition',
    pod: pod({
      metadata: { name: 'test6' },
      containers: 2,
      status: {
        phase: 'Running',
        reason: '',
        containerStatuses: [
      cs({ ready: true, restartCount: 3, state: { terminated: { reason: 'Completed', exitCode: 0 } } }),
      cs({ ready: true, restartCount: 3, state: running }),
        ],
        conditions: [{ type: 'Ready', status: 'True', lastProbeTime: NOW.toISOString() }],
      },
    }),
    cells: ['test6', '1/2', 'Running', '6', '<unknown>'],
  },
  {
    what: 'pod has 1 init container restarting and 1 container not running',
    pod: initializing('test7', 1, [
      cs({ ready: false, restartCount: 3, state: running, lastState: lastFinished(10 * SECOND) }),
    ]),
    cells: ['test7', '0/1', 'Init:0/1', '3 (10s ago)', '<unknown>'],
  },
  {
    what: 'pod has 2 init containers, one restarting and the other not running, and 1 container not running',
    pod: initializing('test8', 2, [
      cs({ ready: false, restartCount: 3, state: running, lastState: lastFinished(10 * SECOND) }),
      cs({ ready: false, state: { waiting: {} } }),
    ]),
    cells: ['test8', '0/1', 'Init:0/2', '3 (10s ago)', '<unknown>'],
  },
  {
    what: 'pod has 2 init containers, one completed without restarts and the other restarting, and 1 container not running',
    pod: initializing('test9', 2, [
      cs({ ready: false, state: { terminated: { exitCode: 0 } } }),
      cs({ ready: false, restartCount: 3, state: running, lastState: lastFinished(10 * SECOND) }),
    ]),
    cells: ['test9', '0/1', 'Init:1/2', '3 (10s ago)', '<unknown>'],
  },
  {
    what: 'pod has 2 init containers, one completed with restarts and the other restarting, and 1 container not running',
    pod: initializing('test10', 2, [
      cs({ ready: false, restartCount: 2, state: { terminated: { exitCode: 0 } }, lastState: lastFinished(2 * MINUTE) }),
      cs({ ready: false, restartCount: 3, state: running, lastState: lastFinished(10 * SECOND) }),
    ]),
    cells: ['test10', '0/1', 'Init:1/2', '5 (10s ago)', '<unknown>'],
  },
  {
    what: 'pod has 1 init container completed with restarts and one container restarting',
    pod: pod({
      metadata: { name: 'test11' },
      initContainers: 1,
      containers: 1,
      status: {
        phase: 'Running',
        initContainerStatuses: [
      cs({ ready: false, restartCount: 2, state: { terminated: { exitCode: 0 } }, lastState: lastFinished(2 * MINUTE) }),
        ],
        containerStatuses: [
      cs({ ready: false, restartCount: 4, state: running, lastState: lastFinished(20 * SECOND) }),
        ],
      },
    }),
    cells: ['test11', '0/1', 'Running', '4 (20s ago)', '<unknown>'],
  },
  {
    what: 'pod has 1 container that restarted 5d ago',
    pod: pod({
      metadata: { name: 'test12' },
      containers: 1,
      status: {
        phase: 'Running',
        containerStatuses: [cs({ ready: true, restartCount: 3, state: running, lastState: lastFinished(5 * DAY) })],
      },
    }),
    cells: ['test12', '1/1', 'Running', '3 (5d ago)', '<unknown>'],
  },
  {
    what: 'pod has 2 containers, one has never restarted and the other has restarted 10d ago',
    pod: pod({
      metadata: { name: 'test13' },
      containers: 2,
      status: {
        phase: 'Running',
        containerStatuses: [
      cs({ ready: true, restartCount: 0, state: running }),
      cs({ ready: true, restartCount: 3, state: running, lastState: lastFinished(10 * DAY) }),
        ],
      },
    }),
    cells: ['test13', '2/2', 'Running', '3 (10d ago)', '<unknown>'],
  },
  {
    what: 'pod has 2 containers, one restarted 5d ago and the other restarted 20d ago',
    pod: pod({
      metadata: { name: 'test14' },
      containers: 2,
      status: {
        phase: 'Running',
        containerStatuses: [
      cs({ ready: true, restartCount: 6, state: running, lastState: lastFinished(5 * DAY) }),
      cs({ ready: true, restartCount: 3, state: running, lastState: lastFinished(20 * DAY) }),
        ],
      },
    }),
    cells: ['test14', '2/2', 'Running', '9 (5d ago)', '<unknown>'],
  },
  {
    what: 'PodScheduled condition with reason SchedulingGated',
    pod: pod({
      metadata: { name: 'test15' },
      containers: 2,
      status: { phase: 'Unknown', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] },
    }),
    cells: ['test15', '0/2', 'SchedulingGated', '0', '<unknown>'],
  },
  {
    what: 'pod condition succeed',
    pod: finished({ name: 'test16' }, 'Succeeded', { reason: 'Completed', exitCode: 0 }),
    cells: ['test16', '0/1', 'Completed', '0', '<unknown>'],
  },
  {
    what: 'pod condition failed',
    pod: finished({ name: 'test17' }, 'Failed', { reason: 'Error', exitCode: 1 }),
    cells: ['test17', '0/1', 'Error', '0', '<unknown>'],
  },
  {
    what: 'pod condition succeed with deletion',
    pod: finished({ name: 'test18', deletionTimestamp: deleteTime }, 'Succeeded', { reason: 'Completed', exitCode: 0 }),
    cells: ['test18', '0/1', 'Completed', '0', '<unknown>'],
  },
  {
    what: 'pod condition running with deletion',
    pod: pod({
      metadata: { name: 'test19', deletionTimestamp: deleteTime },
      containers: 1,
      status: { phase: 'Running', containerStatuses: [cs({ ready: false, restartCount: 0, state: running })] },
    }),
    cells: ['test19', '0/1', 'Terminating', '0', '<unknown>'],
  },
  {
    what: 'pod condition pending with deletion',
    pod: pod({ metadata: { name: 'test20', deletionTimestamp: deleteTime }, containers: 1, status: { phase: 'Pending' } }),
    cells: ['test20', '0/1', 'Terminating', '0', '<unknown>'],
  },
];

const twoSidecars = [sidecar('restartable-init-1'), sidecar('restartable-init-2')];

/** The Pending pod "test1" of the first two cases: two sidecars with the given statuses, not initialized. */
const initializingSidecars = (first: ContainerStatusJson, second: ContainerStatusJson): V1Pod =>
  pod({
    metadata: { name: 'test1' },
    initContainers: twoSidecars,
    containers: 1,
    status: {
      phase: 'Pending',
      initContainerStatuses: [first, second],
      containerStatuses: [cs({ ready: false, restartCount: 0, state: { waiting: {} } })],
      conditions: [{ type: 'Initialized', status: 'False' }],
    },
  });

const TestPrintPodWithRestartableInitContainer: Case[] = [
  {
    what: 'pod has 2 restartable init containers, the first one running but not started',
    pod: initializingSidecars(
      cs({ name: 'restartable-init-1', ready: false, restartCount: 3, state: running, started: false, lastState: lastFinished(10 * SECOND) }),
      cs({ name: 'restartable-init-2', ready: false, state: { waiting: {} }, started: false }),
    ),
    cells: ['test1', '0/3', 'Init:0/2', '3 (10s ago)', '<unknown>'],
  },
  {
    what: 'pod has 2 restartable init containers, the first one started and the second one running but not started',
    pod: initializingSidecars(
      cs({ name: 'restartable-init-1', ready: false, restartCount: 3, state: running, started: true, lastState: lastFinished(10 * SECOND) }),
      cs({ name: 'restartable-init-2', ready: false, state: running, started: false }),
    ),
    cells: ['test1', '0/3', 'Init:1/2', '3 (10s ago)', '<unknown>'],
  },
  {
    what: 'pod has 2 restartable init containers started and 1 container running',
    pod: pod({
      metadata: { name: 'test2' },
      initContainers: twoSidecars,
      containers: 1,
      status: {
        phase: 'Running',
        initContainerStatuses: [
      cs({ name: 'restartable-init-1', ready: false, restartCount: 3, state: running, started: true, lastState: lastFinished(10 * SECOND) }),
      cs({ name: 'restartable-init-2', ready: false, state: running, started: true }),
        ],
        containerStatuses: [cs({ ready: true, restartCount: 4, state: running, lastState: lastFinished(20 * SECOND) })],
        conditions: [{ type: 'Initialized', status: 'True' }],
      },
    }),
    cells: ['test2', '1/3', 'Running', '7 (10s ago)', '<unknown>'],
  },
  {
    what: 'pod has 2 restartable init containers completed with non-zero and 1 container completed',
    pod: pod({
      metadata: { name: 'test3' },
      initContainers: twoSidecars,
      containers: 1,
      status: {
        phase: 'Succeeded',
        initContainerStatuses: [
          cs({
            name: 'restartable-init-1',
            ready: false,
            restartCount: 3,
            state: { terminated: { reason: 'Error', exitCode: 137 } },
            started: false,
            lastState: lastFinished(10 * SECOND),
          }),
      cs({ name: 'restartable-init-2', ready: false, state: { terminated: { reason: 'Error', exitCode: 137 } }, started: false }),
        ],
        containerStatuses: [
      cs({ ready: false, restartCount: 4, state: { terminated: { reason: 'Completed', exitCode: 0 } }, lastState: lastFinished(20 * SECOND) }),
        ],
        conditions: [{ type: 'Initialized', status: 'True' }],
      },
    }),
    cells: ['test3', '0/3', 'Completed', '7 (10s ago)', '<unknown>'],
  },
  {
    what: 'pod has container statuses for non-existent initContainers and containers',
    pod: pod({
      metadata: { name: 'test4' },
      initContainers: [{ name: 'init1', image: 'initimage' }, { ...sidecar('sidecar1'), image: 'sidecarimage' }],
      containers: [{ name: 'container1', image: 'containerimage' }],
      status: {
        phase: 'Running',
        initContainerStatuses: [cs({ name: 'initinvalid' }), cs({ name: 'init1' }), cs({ name: 'sidecar1' })],
        containerStatuses: [cs({ name: 'containerinvalid' }), cs({ name: 'container1' })],
      },
    }),
    cells: ['test4', '0/2', 'Init:0/2', '0', '<unknown>'],
  },
];

const twoContainersOneReady = [cs({ ready: true, restartCount: 3, state: running }), cs({ restartCount: 3 })];

const TestPrintPodConditions: (Case & { readonly completed?: string })[] = [
  {
    what: 'should not have TableRowCondition',
    pod: pod({ metadata: { name: 'test1', labels: { a: '1', b: '2' } }, containers: 2, status: { phase: 'Running', containerStatuses: twoContainersOneReady } }),
    cells: ['test1', '1/2', 'Running', '6', '<unknown>'],
  },
  {
    what: 'should have TableRowCondition: podSuccessConditions',
    pod: pod({ metadata: { name: 'test1', labels: { a: '1', b: '2' } }, containers: 2, status: { phase: 'Succeeded', containerStatuses: twoContainersOneReady } }),
    cells: ['test1', '1/2', 'Succeeded', '6', '<unknown>'],
    completed: 'Succeeded',
  },
  {
    what: 'should have TableRowCondition: podFailedCondition',
    pod: pod({ metadata: { name: 'test2', labels: { b: '2' } }, containers: 2, status: { phase: 'Failed', containerStatuses: twoContainersOneReady } }),
    cells: ['test2', '1/2', 'Failed', '6', '<unknown>'],
    completed: 'Failed',
  },
];

const TestPrintNonTerminatedPod: Case[] = (['Running', 'Pending', 'Unknown', 'Succeeded'] as const).map((phase, i) => ({
  what: `pod phase ${phase} should be printed`,
  pod: pod({ metadata: { name: `test${i + 1}` }, containers: 2, status: { phase, containerStatuses: twoContainersOneReady } }),
  cells: [`test${i + 1}`, '1/2', phase, '6', '<unknown>'],
}));
TestPrintNonTerminatedPod.push({
  what: "pod phase Failed shouldn't be printed (but is, by printPod itself)",
  pod: pod({
    metadata: { name: 'test5' },
    containers: 2,
    status: {
      phase: 'Failed',
      containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ ready: true, restartCount: 3 })],
    },
  }),
  cells: ['test5', '1/2', 'Failed', '6', '<unknown>'],
});

describe('kubectlRow: Kubernetes printer cases', () => {
  for (const [suite, cases] of Object.entries({
    TestPrintPod,
    TestPrintPodWithRestartableInitContainer,
    TestPrintPodConditions,
    TestPrintNonTerminatedPod,
  })) {
    describe(suite, () => {
      it.each(cases.map((c) => [c.what, c] as const))('%s', (_, c) => {
        expect(cellsOf(c.pod)).toEqual(c.cells);
      });
    });
  }

  it('TestPrintPodConditions: Succeeded and Failed pods carry the Completed row condition', () => {
    for (const c of TestPrintPodConditions) {
      expect(kubectlRowCompleted(c.pod)?.reason, c.what).toBe(c.completed);
    }
  });

  it('TestPrintPodList: each pod of a list gives its own row', () => {
    const items = [
      pod({
        metadata: { name: 'test1' },
        containers: 2,
        status: { phase: 'Unknown', containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ ready: true, restartCount: 3, state: running })] },
      }),
      pod({ metadata: { name: 'test2' }, containers: 1, status: { phase: 'Unknown', containerStatuses: [cs({ ready: true, restartCount: 1, state: running })] } }),
    ];
    expect(items.map(cellsOf)).toEqual([
      ['test1', '2/2', 'Unknown', '6', '<unknown>'],
      ['test2', '1/1', 'Unknown', '1', '<unknown>'],
    ]);
  });
});

describe('kubectlWideCells: TestPrintPodwide', () => {
  const gates = { readinessGates: [{ conditionType: 'condition1' }, { conditionType: 'condition2' }, { conditionType: 'condition3' }] };
  const gateConditions = [
    { type: 'condition1', status: 'False' as const },
    { type: 'condition2', status: 'True' as const },
  ];
  const wide = (p: V1Pod) => {
    const w = kubectlWideCells(p);
    return [...cellsOf(p), w.ip, w.node, w.nominatedNode, w.readinessGates];
  };

  it('NodeName and PodIP are not none', () => {
    const p = pod({
      metadata: { name: 'test1' },
      containers: 2,
      spec: { nodeName: 'test1', ...gates },
      status: { conditions: gateConditions, phase: 'Unknown', podIPs: [{ ip: '1.1.1.1' }], containerStatuses: twoContainersOneReady, nominatedNodeName: 'node1' },
    });
    expect(wide(p)).toEqual(['test1', '1/2', 'Unknown', '6', '<unknown>', '1.1.1.1', 'test1', 'node1', '1/3']);
  });

  it('dual-stack: the first pod IP is shown', () => {
    const p = pod({
      metadata: { name: 'test1' },
      containers: 2,
      spec: { nodeName: 'test1', ...gates },
      status: {
        conditions: gateConditions,
        phase: 'Unknown',
        podIPs: [{ ip: '1.1.1.1' }, { ip: '2001:db8::' }],
        containerStatuses: twoContainersOneReady,
        nominatedNodeName: 'node1',
      },
    });
    expect(wide(p)).toEqual(['test1', '1/2', 'Unknown', '6', '<unknown>', '1.1.1.1', 'test1', 'node1', '1/3']);
  });

  it('NodeName and PodIP are none', () => {
    const p = pod({
      metadata: { name: 'test2' },
      containers: 2,
      spec: { nodeName: '' },
      status: {
        phase: 'Unknown',
        containerStatuses: [
      cs({ ready: true, restartCount: 3, state: running }),
      cs({ state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 }),
        ],
      },
    });
    expect(wide(p)).toEqual(['test2', '1/2', 'ContainerWaitingReason', '6', '<unknown>', '<none>', '<none>', '<none>', '<none>']);
  });
});

// printers_test.go :: TestPrintPodShowLabels. Upstream's table generator adds the LABELS cell
// (`labels.FormatLabels`, keys sorted) only with ShowLabels, and checks that each label is in the row.
describe('tableRows: TestPrintPodShowLabels', () => {
  const cases: { labels: Record<string, string>; showLabels: boolean; expectLabels: string[] }[] = [
    { labels: { col1: 'asd', COL2: 'zxc' }, showLabels: true, expectLabels: ['col1=asd', 'COL2=zxc'] },
    { labels: { col3: 'asd', COL4: 'zxc' }, showLabels: false, expectLabels: [] },
  ];
  it.each(cases.map((c) => [JSON.stringify(c.labels), c] as const))('%s', (_, c) => {
    const p = pod({ metadata: { name: 'test1', labels: c.labels }, containers: 2, status: { phase: 'Unknown', containerStatuses: twoContainersOneReady } });
    const [header, row] = tableRows([p], { wide: false, withNamespace: false, showLabels: c.showLabels, labelColumns: [] }, NOW);
    expect(row?.slice(0, 5)).toEqual(['test1', '1/2', 'Unknown', '6', '<unknown>']);
    expect(header?.length, 'a LABELS column only with --show-labels').toBe(c.showLabels ? 6 : 5);
    // FormatLabels sorts the keys bytewise: upper case first
    if (c.showLabels) expect(row?.[5]).toBe('COL2=zxc,col1=asd');
    for (const label of c.expectLabels) expect(row?.[5]?.split(',')).toContain(label);
  });
});

// printers_test.go :: TestPrintPodWithLabels: with ColumnLabels (`-L col1 -L COL2`) a column per key, headed by the
// key upper-cased, holding the label's value; without them neither the columns nor the values are printed.
describe('tableRows: TestPrintPodWithLabels', () => {
  const cases: { labelsPrinted: boolean }[] = [{ labelsPrinted: true }, { labelsPrinted: false }];
  it.each(cases.map((c) => [c.labelsPrinted ? 'label columns printed' : 'label columns not printed', c] as const))('%s', (_, c) => {
    const p = pod({ metadata: { name: 'test1', labels: { col1: 'asd', COL2: 'zxc' } }, containers: 2, status: { phase: 'Unknown', containerStatuses: twoContainersOneReady } });
    const [header, row] = tableRows([p], { wide: false, withNamespace: false, showLabels: false, labelColumns: c.labelsPrinted ? ['col1', 'COL2'] : [] }, NOW);
    const printed = [...(header ?? []), ...(row ?? [])];
    for (const column of ['COL1', 'COL2']) expect(printed.includes(column), column).toBe(c.labelsPrinted);
    for (const value of ['asd', 'zxc']) expect(printed.includes(value), value).toBe(c.labelsPrinted);
    if (c.labelsPrinted) expect([header?.slice(5), row?.slice(5)]).toEqual([['COL1', 'COL2'], ['asd', 'zxc']]);
  });
});
