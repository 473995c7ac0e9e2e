/**
 * Kubernetes' node affinity cases as data: `pkg/scheduler/framework/plugins/nodeaffinity/node_affinity_test.go ::
 * TestNodeAffinity`, put to `requiredNodeAffinityMatches` (the plugin's Filter, which the kubelet's admission shares:
 * `lifecycle/predicate.go :: generalFilter` → `AdmissionCheck`) and `pinnedNodes` (its PreFilter result). Each case
 * keeps upstream's name; `filter` is whether Filter passes (upstream's `wantStatus` nil), `preFilter` upstream's
 * PreFilter outcome (nil result → all, Skip → all, a `NodeNames` set → those, `errReasonConflict` → none).
 *
 * Left out: the three `AddedAffinity` cases (the `NodeAffinityArgs.addedAffinity` of a scheduler profile: podj runs
 * the default profile, which adds none); the two "even if PreFilter is not called" cases are Filter-only cases here.
 * Then the engine: the scheduler binds by required affinity, and a pod pinned by `metadata.name` (as a DaemonSet's
 * pods are) is filtered on its node only (`schedule_one.go :: findNodesThatFitPod`).
 */
import { describe, expect, it } from 'vitest';
import type { NodeSelectorTerm, PodSpec } from '../../src/k8s/pod.js';
import { pinnedNodes, requiredNodeAffinityMatches, type PinnedNodes } from '../../src/engine/scheduling/node-affinity.js';
import { created, node, ofType, run, world } from './harness.js';

interface Case {
  readonly name: string;
  readonly spec: Omit<PodSpec, 'containers'>;
  readonly labels?: Record<string, string>;
  readonly nodeName?: string;
  readonly filter: boolean;
  readonly preFilter?: PinnedNodes;
}

type Req = { key: string; operator: string; values?: string[] };
const expr = (key: string, operator: string, values?: string[]): Req => ({ key, operator, ...(values === undefined ? {} : { values }) });
const nameIn = (node: string): Req => expr('metadata.name', 'In', [node]);
const required = (...nodeSelectorTerms: NodeSelectorTerm[]): Omit<PodSpec, 'containers'> => ({
  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms } } },
});
const some = (...names: string[]): PinnedNodes => ({ kind: 'some', names: new Set(names) });

// node_affinity_test.go :: TestNodeAffinity
const TestNodeAffinity: Case[] = [
  { name: 'missing labels', spec: { nodeSelector: { foo: 'bar' } }, filter: false },
  { name: 'same labels', spec: { nodeSelector: { foo: 'bar' } }, labels: { foo: 'bar' }, filter: true },
  { name: 'node labels are superset', spec: { nodeSelector: { foo: 'bar' } }, labels: { foo: 'bar', baz: 'blah' }, filter: true },
  { name: 'node labels are subset', spec: { nodeSelector: { foo: 'bar', baz: 'blah' } }, labels: { foo: 'bar' }, filter: false },
  {
    name: 'Pod with matchExpressions using In operator that matches the existing node',
    spec: required({ matchExpressions: [expr('foo', 'In', ['bar', 'value2'])] }),
    labels: { foo: 'bar' },
    filter: true,
  },
  {
    name: 'Pod with matchExpressions using Gt operator that matches the existing node',
    spec: required({ matchExpressions: [expr('kernel-version', 'Gt', ['0204'])] }),
    labels: { 'kernel-version': '0206' },
    filter: true,
  },
  {
    name: 'Pod with matchExpressions using NotIn operator that matches the existing node',
    spec: required({ matchExpressions: [expr('mem-type', 'NotIn', ['DDR', 'DDR2'])] }),
    labels: { 'mem-type': 'DDR3' },
    filter: true,
  },
  {
    name: 'Pod with matchExpressions using Exists operator that matches the existing node',
    spec: required({ matchExpressions: [expr('GPU', 'Exists')] }),
    labels: { GPU: 'NVIDIA-GRID-K1' },
    filter: true,
  },
  {
    name: "Pod with affinity that don't match node's labels won't schedule onto the node",
    spec: required({ matchExpressions: [expr('foo', 'In', ['value1', 'value2'])] }),
    labels: { foo: 'bar' },
    filter: false,
  },
  {
    name: 'Pod with empty MatchExpressions is not a valid value will match no objects and won\'t schedule onto the node',
    spec: required({ matchExpressions: [] }),
    labels: { foo: 'bar' },
    filter: false,
  },
  { name: 'Pod with no Affinity will schedule onto a node', spec: {}, labels: { foo: 'bar' }, filter: true },
  { name: 'Pod with Affinity but nil NodeSelector will schedule onto a node', spec: { affinity: { nodeAffinity: {} } }, labels: { foo: 'bar' }, filter: true },
  {
    name: 'Pod with multiple matchExpressions ANDed that matches the existing node',
    spec: required({ matchExpressions: [expr('GPU', 'Exists'), expr('GPU', 'NotIn', ['AMD', 'INTER'])] }),
    labels: { GPU: 'NVIDIA-GRID-K1' },
    filter: true,
  },
  {
    name: "Pod with multiple matchExpressions ANDed that doesn't match the existing node",
    spec: required({ matchExpressions: [expr('GPU', 'Exists'), expr('GPU', 'In', ['AMD', 'INTER'])] }),
    labels: { GPU: 'NVIDIA-GRID-K1' },
    filter: false,
  },
  {
    name: "Pod with multiple NodeSelectorTerms ORed in affinity, matches the node's labels and will schedule onto the node",
    spec: required({ matchExpressions: [expr('foo', 'In', ['bar', 'value2'])] }, { matchExpressions: [expr('diffkey', 'In', ['wrong', 'value2'])] }),
    labels: { foo: 'bar' },
    filter: true,
  },
  {
    name: 'Pod with an Affinity and a PodSpec.NodeSelector(the old thing that we are deprecating) both are satisfied, will schedule onto the node',
    spec: { nodeSelector: { foo: 'bar' }, ...required({ matchExpressions: [expr('foo', 'Exists')] }) },
    labels: { foo: 'bar' },
    filter: true,
  },
  {
    name: "Pod with an Affinity matches node's labels but the PodSpec.NodeSelector(the old thing that we are deprecating) is not satisfied, won't schedule onto the node",
    spec: { nodeSelector: { foo: 'bar' }, ...required({ matchExpressions: [expr('foo', 'Exists')] }) },
    labels: { foo: 'barrrrrr' },
    filter: false,
  },
  {
    name: "Pod with an invalid value in Affinity term won't be scheduled onto the node",
    spec: required({ matchExpressions: [expr('foo', 'NotIn', ['invalid value: ___@#$%^'])] }),
    labels: { foo: 'bar' },
    filter: false,
  },
  {
    name: 'Pod with matchFields using In operator that matches the existing node',
    spec: required({ matchFields: [nameIn('node1')] }),
    nodeName: 'node1',
    filter: true,
    preFilter: some('node1'),
  },
  {
    name: 'Pod with matchFields using In operator that does not match the existing node',
    spec: required({ matchFields: [nameIn('node1')] }),
    nodeName: 'node2',
    filter: false,
    preFilter: some('node1'),
  },
  {
    name: 'Pod with two terms: matchFields does not match, but matchExpressions matches',
    spec: required({ matchFields: [nameIn('node1'), nameIn('node2')] }, { matchExpressions: [expr('foo', 'In', ['bar'])] }),
    nodeName: 'node2',
    labels: { foo: 'bar' },
    filter: true,
  },
  {
    name: 'Pod with one term: matchFields does not match, but matchExpressions matches',
    spec: required({ matchFields: [nameIn('node1')], matchExpressions: [expr('foo', 'In', ['bar'])] }),
    nodeName: 'node2',
    labels: { foo: 'bar' },
    filter: false,
    preFilter: some('node1'),
  },
  {
    name: 'Pod with one term: both matchFields and matchExpressions match',
    spec: required({ matchFields: [nameIn('node1')], matchExpressions: [expr('foo', 'In', ['bar'])] }),
    nodeName: 'node1',
    labels: { foo: 'bar' },
    filter: true,
    preFilter: some('node1'),
  },
  {
    name: 'Pod with two terms: both matchFields and matchExpressions do not match',
    spec: required({ matchFields: [nameIn('node1')] }, { matchExpressions: [expr('foo', 'In', ['not-match-to-bar'])] }),
    nodeName: 'node2',
    labels: { foo: 'bar' },
    filter: false,
  },
  {
    name: 'Pod with two terms of node.Name affinity',
    spec: required({ matchFields: [nameIn('node1')] }, { matchFields: [nameIn('node2')] }),
    nodeName: 'node2',
    filter: true,
    preFilter: some('node1', 'node2'),
  },
  {
    name: 'Pod with two conflicting mach field requirements',
    spec: required({ matchFields: [nameIn('node1'), nameIn('node2')] }),
    nodeName: 'node2',
    labels: { foo: 'bar' },
    filter: false,
    preFilter: { kind: 'none' },
  },
  { name: 'Matches node selector correctly even if PreFilter is not called', spec: { nodeSelector: { foo: 'bar' } }, labels: { foo: 'bar', baz: 'blah' }, filter: true },
  {
    name: 'Matches node affinity correctly even if PreFilter is not called',
    spec: required({ matchExpressions: [expr('GPU', 'Exists'), expr('GPU', 'NotIn', ['AMD', 'INTER'])] }),
    labels: { GPU: 'NVIDIA-GRID-K1' },
    filter: true,
  },
];

// component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity_test.go :: TestPodMatchesNodeSelectorAndAffinityTerms
// (the cases TestNodeAffinity does not already hold) and TestNodeSelectorMatch (as a pod's required terms; its first
// case, a nil node, cannot arise, and its second asserts the error of the strict `NewNodeSelector`, which a pod's
// required affinity does not use: `GetRequiredNodeAffinity` parses lazily)
const TestPodMatchesNodeSelectorAndAffinityTerms: Case[] = [
  { name: 'no selector', spec: {}, filter: true },
  {
    name: "Pod with a nil []NodeSelectorTerm in affinity, can't match the node's labels and won't schedule onto the node",
    spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: {} } } },
    labels: { foo: 'bar' },
    filter: false,
  },
  {
    name: "Pod with an empty []NodeSelectorTerm in affinity, can't match the node's labels and won't schedule onto the node",
    spec: required(),
    labels: { foo: 'bar' },
    filter: false,
  },
];
const TestNodeSelectorMatch: Case[] = [
  {
    name: 'node matches field selector, but not labels',
    spec: required({ matchExpressions: [expr('label_1', 'In', ['label_1_val'])], matchFields: [nameIn('host_1')] }),
    nodeName: 'host_1',
    filter: false,
    preFilter: some('host_1'),
  },
  {
    name: 'node matches field selector and label selector',
    spec: required({ matchExpressions: [expr('label_1', 'In', ['label_1_val'])], matchFields: [nameIn('host_1')] }),
    nodeName: 'host_1',
    labels: { label_1: 'label_1_val' },
    filter: true,
    preFilter: some('host_1'),
  },
  {
    name: 'second term matches',
    spec: required({ matchExpressions: [expr('label_1', 'In', ['label_1_val'])] }, { matchFields: [nameIn('host_1')] }),
    nodeName: 'host_1',
    filter: true,
  },
];

describe.each([
  ['node_affinity_test.go :: TestNodeAffinity', TestNodeAffinity],
  ['nodeaffinity_test.go :: TestPodMatchesNodeSelectorAndAffinityTerms', TestPodMatchesNodeSelectorAndAffinityTerms],
  ['nodeaffinity_test.go :: TestNodeSelectorMatch', TestNodeSelectorMatch],
] as const)('%s', (_suite, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const spec: PodSpec = { containers: [], ...c.spec };
    expect(requiredNodeAffinityMatches(spec, { name: c.nodeName ?? '', labels: c.labels ?? {} })).toBe(c.filter);
    expect(pinnedNodes(spec)).toEqual(c.preFilter ?? { kind: 'all' });
  });
});

/**
 * component-helpers `scheduling/corev1/helpers_test.go :: TestMatchNodeSelectorTerms` (v0.36.3): `MatchNodeSelectorTerms`
 * is the required terms' match alone (`NewLazyErrorNodeSelector(…).Match`), which is `requiredNodeAffinityMatches` for
 * a pod without a `nodeSelector`. Left out: "nil terms" (a nil node, which podj never has).
 */
const TestMatchNodeSelectorTerms: readonly { readonly name: string; readonly terms: NodeSelectorTerm[]; readonly nodeName?: string; readonly labels?: Record<string, string>; readonly want: boolean }[] = [
  { name: 'node label matches matchExpressions terms', terms: [{ matchExpressions: [expr('label_1', 'In', ['label_1_val'])] }], labels: { label_1: 'label_1_val' }, want: true },
  { name: 'node field matches matchFields terms', terms: [{ matchFields: [nameIn('host_1')] }], nodeName: 'host_1', want: true },
  { name: 'invalid node field requirement', terms: [{ matchFields: [expr('metadata.name', 'In', ['host_1', 'host_2'])] }], nodeName: 'host_1', want: false },
  { name: 'fieldSelectorTerm with node labels', terms: [{ matchFields: [nameIn('host_1')] }], nodeName: 'not_host_1', labels: { 'metadata.name': 'host_1' }, want: false },
  { name: 'labelSelectorTerm with node fields', terms: [{ matchExpressions: [expr('metadata.name', 'In', ['host_1'])] }], nodeName: 'host_1', want: false },
  {
    name: 'labelSelectorTerm and fieldSelectorTerm was set, but only node fields',
    terms: [{ matchExpressions: [expr('label_1', 'In', ['label_1_val'])], matchFields: [nameIn('host_1')] }],
    nodeName: 'host_1',
    want: false,
  },
  {
    name: 'labelSelectorTerm and fieldSelectorTerm was set, both node fields and labels (both matched)',
    terms: [{ matchExpressions: [expr('label_1', 'In', ['label_1_val'])], matchFields: [nameIn('host_1')] }],
    nodeName: 'host_1',
    labels: { label_1: 'label_1_val' },
    want: true,
  },
  {
    name: 'labelSelectorTerm and fieldSelectorTerm was set, both node fields and labels (one mismatched)',
    terms: [{ matchExpressions: [expr('label_1', 'In', ['label_1_val'])], matchFields: [nameIn('host_1')] }],
    nodeName: 'host_1',
    labels: { label_1: 'label_1_val-failed' },
    want: false,
  },
  {
    name: 'multi-selector was set, both node fields and labels (one mismatched)',
    terms: [{ matchExpressions: [expr('label_1', 'In', ['label_1_val'])] }, { matchFields: [nameIn('host_1')] }],
    nodeName: 'host_1',
    labels: { label_1: 'label_1_val-failed' },
    want: true,
  },
];

describe('helpers_test.go :: TestMatchNodeSelectorTerms', () => {
  it.each(TestMatchNodeSelectorTerms.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(requiredNodeAffinityMatches({ containers: [], ...required(...c.terms) }, { name: c.nodeName ?? '', labels: c.labels ?? {} })).toBe(c.want);
  });
});

describe('the scheduler and the kubelet read required node affinity (node_affinity.go :: Filter, predicate.go :: generalFilter)', () => {
  const labelled = (name: string, labels: Record<string, string>, memory = '1Gi') => node(name, { cpu: '2', memory, pods: '110' }, 0, { labels });
  const pod = (name: string, spec: Omit<PodSpec, 'containers'>, memory = '10Mi') =>
    created({ metadata: { name }, spec: { containers: [{ name: 'app', image: 'app:1', resources: { requests: { cpu: '100m', memory } } }], ...spec } });

  it('binds to the one node whose labels the required terms match, whatever the room elsewhere', () => {
    const events = run(
      [labelled('a-roomy', { disk: 'hdd' }, '8Gi'), labelled('b-ssd', { disk: 'ssd' }), pod('fast', required({ matchExpressions: [expr('disk', 'In', ['ssd', 'nvme'])] }))],
      world(),
      5,
    );
    expect(ofType(events, 'PodBound').map((e) => [e.pod.name, e.node])).toEqual([['fast', 'b-ssd']]);
  });

  it('a pod pinned by metadata.name that does not fit its node: the other nodes are not filtered', () => {
    const events = run([labelled('n1', {}), labelled('n2', {}), labelled('n3', {}), pod('ds-pod', required({ matchFields: [nameIn('n2')] }), '2Gi')], world(), 1);
    expect(ofType(events, 'PodUnschedulable').map((e) => e.message)).toEqual([
      "0/3 nodes are available: 1 Insufficient memory, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
    ]);
  });

  it('terms whose node names cancel out: PreFilter rejects the pod before any node is filtered', () => {
    const events = run([labelled('n1', {}), labelled('n2', {}), pod('nowhere', required({ matchFields: [nameIn('n1'), nameIn('n2')] }))], world(), 1);
    expect(ofType(events, 'PodUnschedulable').map((e) => e.message)).toEqual([
      '0/2 nodes are available: pod affinity terms conflict. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    ]);
  });

  it('the kubelet refuses a pod bound by spec.nodeName to a node its required affinity excludes', () => {
    const events = run(
      [labelled('n1', { zone: 'a' }), pod('named', { nodeName: 'n1', ...required({ matchExpressions: [expr('zone', 'NotIn', ['a'])] }) })],
      world(),
      1,
    );
    expect(ofType(events, 'PodRejected').map((e) => [e.reason, e.message])).toEqual([
      ['NodeAffinity', "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector"],
    ]);
  });
});
