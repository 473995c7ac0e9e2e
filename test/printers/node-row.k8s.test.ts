/**
 * Kubernetes' node printer cases as data: `pkg/printers/internalversion/printers_test.go :: TestPrintNodeStatus`,
 * `TestPrintNodeRole`, `TestPrintNodeName`, `TestPrintNodeInternalIP`, `TestPrintNodeExternalIP`,
 * `TestPrintNodeOSImage`, `TestPrintNodeKernelVersion`, `TestPrintNodeContainerRuntimeVersion`, put to `nodeCells`
 * (`podj get nodes`). Nodes without a creationTimestamp print AGE `<unknown>`, as in the Go tests; no journal records
 * a kubelet version, so VERSION is always empty.
 *
 * Skipped, with the reason beside each: what a journal does not record about a node (`spec.unschedulable`, external
 * addresses, more than one internal address, the node info) and a condition without a status.
 */
import { describe, expect, it } from 'vitest';
import { instantOf } from '../../src/k8s/codecs.js';
import type { ConditionStatus } from '../../src/k8s/codecs.js';
import { nodeCells } from '../../src/printers/nodes.js';
import type { NodeState } from '../../src/reducers/index.js';
import { NOW } from './fixtures.js';

interface Case {
  readonly what: string;
  readonly node: NodeState;
  readonly wide?: true;
  readonly cells: readonly string[];
}

const node = (name: string, fields: { conditions?: [string, ConditionStatus][]; labels?: Record<string, string>; internalIP?: string } = {}): NodeState => ({
  name,
  capacity: {},
  allocatable: {},
  labels: fields.labels ?? {},
  ...(fields.internalIP === undefined ? {} : { internalIP: fields.internalIP }),
  conditions: (fields.conditions ?? []).map(([type, status]) => ({ type, status, lastTransitionTime: instantOf(0) })),
  thresholdsLastMet: {},
});

// Columns: Name, Status, Roles, Age, KubeletVersion[, NodeInternalIP, NodeExternalIP, OSImage, KernelVersion, ContainerRuntimeVersion]
const cases: Record<string, Case[]> = {
  TestPrintNodeStatus: [
    { what: 'foo1: Ready True', node: node('foo1', { conditions: [['Ready', 'True']] }), cells: ['foo1', 'Ready', '<none>', '<unknown>', ''] },
    { what: 'foo4: Ready False', node: node('foo4', { conditions: [['Ready', 'False']] }), cells: ['foo4', 'NotReady', '<none>', '<unknown>', ''] },
    { what: 'foo6: only a condition of another type', node: node('foo6', { conditions: [['InvalidValue', 'True']] }), cells: ['foo6', 'Unknown', '<none>', '<unknown>', ''] },
  ],
  TestPrintNodeRole: [
    { what: 'foo9: no labels', node: node('foo9'), cells: ['foo9', 'Unknown', '<none>', '<unknown>', ''] },
    {
      what: 'foo10: node-role labels and kubernetes.io/role, sorted',
      node: node('foo10', {
        labels: { 'node-role.kubernetes.io/master': '', 'node-role.kubernetes.io/control-plane': '', 'node-role.kubernetes.io/proxy': '', 'kubernetes.io/role': 'node' },
      }),
      cells: ['foo10', 'Unknown', 'control-plane,master,node,proxy', '<unknown>', ''],
    },
    { what: 'foo11: kubernetes.io/role alone', node: node('foo11', { labels: { 'kubernetes.io/role': 'node' } }), cells: ['foo11', 'Unknown', 'node', '<unknown>', ''] },
  ],
  TestPrintNodeName: [
    { what: 'an IP as the name', node: node('127.0.0.1'), cells: ['127.0.0.1', 'Unknown', '<none>', '<unknown>', ''] },
    { what: 'an empty name', node: node(''), cells: ['', 'Unknown', '<none>', '<unknown>', ''] },
  ],
  TestPrintNodeInternalIP: [
    {
      what: 'foo1: one InternalIP',
      node: node('foo1', { internalIP: '1.1.1.1' }),
      wide: true,
      cells: ['foo1', 'Unknown', '<none>', '<unknown>', '', '1.1.1.1', '<none>', '<unknown>', '<unknown>', '<unknown>'],
    },
  ],
  TestPrintNodeContainerRuntimeVersion: [
    {
      what: 'foo2: empty node info (its ExternalIP left out: a journal records none)',
      node: node('foo2'),
      wide: true,
      cells: ['foo2', 'Unknown', '<none>', '<unknown>', '', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>'],
    },
  ],
};

describe('nodeCells: Kubernetes node printer cases', () => {
  for (const [suite, list] of Object.entries(cases)) {
    describe(`printers_test.go :: ${suite}`, () => {
      it.each(list.map((c) => [c.what, c] as const))('%s', (_, c) => {
        expect(nodeCells({ node: c.node }, c.wide ?? false, NOW)).toEqual(c.cells);
      });
    });
  }

  // printers.go :: findNodeRoles takes a role only when the prefix is followed by one (`len(role) > 0`)
  it('findNodeRoles: a bare node-role prefix and an empty kubernetes.io/role name no role', () => {
    const bare = node('n', { labels: { 'node-role.kubernetes.io/': '', 'kubernetes.io/role': '', 'node-role.kubernetes.io/worker': '' } });
    expect(nodeCells({ node: bare }, false, NOW)[2]).toBe('worker');
  });

  it.skip.each([
    ['TestPrintNodeStatus foo2, foo5, foo8, foo9: SchedulingDisabled', 'a journal records no spec.unschedulable (cordon)'],
    ['TestPrintNodeStatus foo3: Ready listed twice', 'a journal keeps one condition per type (NodeConditionChanged replaces it)'],
    ['TestPrintNodeStatus foo7: a condition with neither type nor status', 'a journal\'s condition always has a status (True, False or Unknown)'],
    ['TestPrintNodeExternalIP, TestPrintNodeInternalIP foo2/foo3, TestPrintNodeOSImage, TestPrintNodeKernelVersion, TestPrintNodeContainerRuntimeVersion foo1', 'a journal records one InternalIP and no ExternalIP or node info'],
  ])('%s (%s)', () => undefined);
});
