/**
 * Kubernetes' pod describe cases as data: `staging/src/k8s.io/kubectl/pkg/describe/describe_test.go` at kubectl
 * v0.36.3 (the kubectl of Kubernetes v1.36.3, tag `v0.36.3` of kubernetes/kubectl), put to `describePod`. Upstream
 * describes a pod a fake clientset serves (`PodDescriber.Describe`), with its events when `ShowEvents` is set;
 * here the pod is decoded with the project's codec and described with the events given. Upstream's checks are
 * kept: substrings the output holds (or must not hold), or the whole output.
 *
 * `TestDescribeContainers` is carried in describe-containers.k8s.test.ts. Upstream cases this cannot state are
 * listed with the reason and skipped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { describePod } from '../../src/printers/describe-pod.js';
import { describeContainers, describeResources } from '../../src/printers/describe-containers.js';
import { printAnnotationsMultiline } from '../../src/printers/describe-multiline.js';
import type { KubeEventRow } from '../../src/printers/kube-event-row.js';
import type { PrefixWriter } from '../../src/printers/prefix-writer.js';
import type { Container, ResourceRequirements, V1Pod } from '../../src/k8s/pod.js';
import { NOW, decodePod, type PodJson } from './fixtures.js';

interface Case {
  readonly name: string;
  readonly pod: PodJson;
  readonly events?: readonly KubeEventRow[];
  readonly expect?: readonly string[];
  readonly unexpect?: readonly string[];
  readonly notApplicable?: string;
}

const describeOf = (c: Pick<Case, 'pod' | 'events'>): string => describePod(decodePod(c.pod), c.events ?? [], NOW);

/** A pod of `spec`, named bar in namespace foo, as most upstream cases build it. */
const bar = (spec: Partial<PodJson['spec']> = {}, status: PodJson['status'] = {}, metadata: PodJson['metadata'] = {}): PodJson => ({
  metadata: { name: 'bar', namespace: 'foo', ...metadata },
  spec: { containers: [], ...spec },
  status,
});

const SCHEDULING_GROUP = "spec.schedulingGroup (the workload-aware scheduling API) is not in the project's pod codec";

// describe_test.go :: TestDescribePod: a running pod being deleted, with two readiness gates; 10 years since
// the deletion timestamp (upstream: now minus 10 years).
const tenYearsAgo = new Date(Date.UTC(NOW.getUTCFullYear() - 10, NOW.getUTCMonth(), NOW.getUTCDate(), NOW.getUTCHours())).toISOString();
const deletedPod = (name: string, namespace: string, phase: 'Running' | 'Pending' | 'Succeeded' | 'Failed'): PodJson =>
  bar(
    { readinessGates: [{ conditionType: 'condition1' }, { conditionType: 'condition2' }] },
    { phase, conditions: [{ type: 'condition1', status: 'True' }] },
    { name, namespace, deletionTimestamp: tenYearsAgo, deletionGracePeriodSeconds: 1234 },
  );

const TestDescribePod: Case[] = [
  { name: 'foo/bar Running', pod: deletedPod('foo', 'bar', 'Running'), expect: ['bar', 'Status:', 'Terminating (lasts 10y)', 'Termination Grace Period', '1234s'] },
  { name: 'pod1/ns1 Pending', pod: deletedPod('pod1', 'ns1', 'Pending'), expect: ['pod1', 'ns1', 'Terminating (lasts 10y)', 'Termination Grace Period', '1234s'] },
  { name: 'pod2/ns2 Succeeded', pod: deletedPod('pod2', 'ns2', 'Succeeded'), expect: ['pod2', 'ns2', 'Succeeded'] },
  { name: 'pod3/ns3 Failed', pod: deletedPod('pod3', 'ns3', 'Failed'), expect: ['pod3', 'ns3', 'Failed'] },
];

const localhost = (localhostProfile: string) => ({ seccompProfile: { type: 'Localhost', localhostProfile } });

const single: Case[] = [
  // describe_test.go :: TestDescribePodServiceAccount
  { name: 'TestDescribePodServiceAccount', pod: bar({ serviceAccountName: 'fooaccount' }), expect: ['Service Account:', 'fooaccount'] },
  // describe_test.go :: TestDescribePodEphemeralContainers
  {
    name: 'TestDescribePodEphemeralContainers',
    pod: bar({ ephemeralContainers: [{ name: 'debugger', image: 'busybox' }] }),
    expect: ['debugger:', 'busybox'],
  },
  // describe_test.go :: TestDescribePodNode
  { name: 'TestDescribePodNode', pod: bar({ nodeName: 'all-in-one' }, { hostIP: '127.0.0.1', nominatedNodeName: 'nodeA' }), expect: ['all-in-one/127.0.0.1', 'nodeA'] },
  // describe_test.go :: TestDescribePodTolerations
  {
    name: 'TestDescribePodTolerations',
    pod: bar({
      tolerations: [
        { operator: 'Exists' },
        { effect: 'NoSchedule', operator: 'Exists' },
        { key: 'key0', operator: 'Exists' },
        { key: 'key1', value: 'value1' },
        { key: 'key2', operator: 'Equal', value: 'value2', effect: 'NoSchedule' },
        { key: 'key3', value: 'value3', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'key4', effect: 'NoExecute', tolerationSeconds: 60 },
      ],
    }),
    expect: ['  op=Exists\n', ':NoSchedule op=Exists\n', 'key0 op=Exists\n', 'key1=value1\n', 'key2=value2:NoSchedule\n', 'key3=value3:NoExecute for 300s\n', 'key4:NoExecute for 60s\n', 'Tolerations:'],
  },
  // describe_test.go :: TestDescribeTopologySpreadConstraints
  {
    name: 'TestDescribeTopologySpreadConstraints',
    pod: bar({
      topologySpreadConstraints: [
        { maxSkew: 3, topologyKey: 'topology.kubernetes.io/test1', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { key1: 'val1', key2: 'val2' } } },
        { maxSkew: 1, topologyKey: 'topology.kubernetes.io/test2', whenUnsatisfiable: 'ScheduleAnyway' },
      ],
    }),
    expect: [
      'topology.kubernetes.io/test1:DoNotSchedule when max skew 3 is exceeded for selector key1=val1,key2=val2\n',
      'topology.kubernetes.io/test2:ScheduleAnyway when max skew 1 is exceeded\n',
    ],
  },
  // describe_test.go :: TestDescribePodPriority
  { name: 'TestDescribePodPriority', pod: { metadata: { name: 'bar' }, spec: { containers: [], priorityClassName: 'high-priority', priority: 1000 } }, expect: ['high-priority', '1000'] },
  // describe_test.go :: TestDescribePodRuntimeClass
  { name: 'TestDescribePodRuntimeClass: test1', pod: { metadata: { name: 'bar' }, spec: { containers: [], runtimeClassName: 'test1' } }, expect: ['Name', 'bar', 'Runtime Class Name', 'test1'] },
  { name: 'TestDescribePodRuntimeClass: test2', pod: { metadata: { name: 'bar' }, spec: { containers: [], runtimeClassName: '' } }, expect: ['Name', 'bar'], unexpect: ['Runtime Class Name'] },
  { name: 'TestDescribePodRuntimeClass: test3', pod: { metadata: { name: 'bar' }, spec: { containers: [] } }, expect: ['Name', 'bar'], unexpect: ['Runtime Class Name'] },
  // describe_test.go :: TestDescribePodSchedulingGroup
  {
    name: 'TestDescribePodSchedulingGroup: pod with a scheduling group',
    pod: { metadata: { name: 'bar' }, spec: { containers: [] } },
    expect: ['SchedulingGroup:\n  PodGroupName:  pg'],
    notApplicable: SCHEDULING_GROUP,
  },
  { name: 'TestDescribePodSchedulingGroup: pod without a scheduling group', pod: { metadata: { name: 'bar' }, spec: { containers: [] } }, unexpect: ['SchedulingGroup:'] },
  // describe_test.go :: TestDescribeSeccompProfile ("ephemeralOther" is, upstream, a regular container too)
  { name: 'TestDescribeSeccompProfile: podLocalhostSeccomp', pod: { metadata: {}, spec: { containers: [], securityContext: localhost('lauseafoodpod') } }, expect: ['SeccompProfile', 'Localhost', 'LocalhostProfile', 'lauseafoodpod'] },
  { name: 'TestDescribeSeccompProfile: podOther', pod: { metadata: {}, spec: { containers: [], securityContext: { seccompProfile: { type: 'RuntimeDefault' } } } }, expect: ['SeccompProfile', 'RuntimeDefault'] },
  {
    name: 'TestDescribeSeccompProfile: containerLocalhostSeccomp',
    pod: { metadata: {}, spec: { containers: [{ name: '', securityContext: localhost('tikkamasalaconatiner') }] } },
    expect: ['SeccompProfile', 'Localhost', 'LocalhostProfile', 'tikkamasalaconatiner'],
  },
  {
    name: 'TestDescribeSeccompProfile: containerOther',
    pod: { metadata: {}, spec: { containers: [{ name: '', securityContext: { seccompProfile: { type: 'Unconfined' } } }] } },
    expect: ['SeccompProfile', 'Unconfined'],
  },
  {
    name: 'TestDescribeSeccompProfile: ephemeralLocalhostSeccomp',
    pod: { metadata: {}, spec: { containers: [], ephemeralContainers: [{ name: '', securityContext: localhost('dropshotephemeral') }] } },
    expect: ['SeccompProfile', 'Localhost', 'LocalhostProfile', 'dropshotephemeral'],
  },
  {
    name: 'TestDescribeSeccompProfile: ephemeralOther',
    pod: { metadata: {}, spec: { containers: [{ name: '', securityContext: { seccompProfile: { type: 'Unconfined' } } }] } },
    expect: ['SeccompProfile', 'Unconfined'],
  },
  // describe_test.go :: TestDescribeProjectedVolumesOptionalSecret
  {
    name: 'TestDescribeProjectedVolumesOptionalSecret',
    pod: bar({ volumes: [{ name: 'optional-secret', projected: { sources: [{ secret: { name: 'optional-secret', optional: true } }] } }] }),
    expect: ['SecretName:  optional-secret\n    Optional:    true'],
  },
  // describe_test.go :: TestDescribeTerminalEscape (upstream's object is a ConfigMap; every describer writes through
  // the same PrefixWriter, whose Write escapes the terminal's control characters: cli-runtime printers.WriteEscaped)
  { name: 'TestDescribeTerminalEscape', pod: bar({}, {}, { annotations: { annotation1: 'terminal escape: \x1b' } }), expect: ['^['], unexpect: ['\x1b'] },
];

describe('describe_test.go (kubectl v0.36.3): pod describe cases', () => {
  for (const c of [...TestDescribePod.map((x) => ({ ...x, name: `TestDescribePod: ${x.name}` })), ...single]) {
    (c.notApplicable === undefined ? test : test.skip)(`${c.name}${c.notApplicable !== undefined ? ` (not applicable: ${c.notApplicable})` : ''}`, () => {
      const out = describeOf(c);
      for (const s of c.expect ?? []) expect(out).toContain(s);
      for (const s of c.unexpect ?? []) expect(out).not.toContain(s);
    });
  }

  // describe_test.go :: TestDescribePodVolumes (the whole output)
  test('TestDescribePodVolumes', () => {
    const pod = bar({ volumes: [{ name: 'image', image: { reference: 'image', pullPolicy: 'IfNotPresent' } }] });
    expect(describeOf({ pod })).toBe(
      [
        'Name:         bar',
        'Namespace:    foo',
        'Node:         <none>',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Status:       ',
        'IP:           ',
        'IPs:          <none>',
        'Containers: <none>',
        'Volumes:',
        '  image:',
        '    Type:        Image (a container image or OCI artifact)',
        '    Reference:   image',
        '    PullPolicy:  IfNotPresent',
        'QoS Class:       BestEffort',
        'Node-Selectors:  <none>',
        'Tolerations:     <none>',
        'Events:          <none>',
        '',
      ].join('\n'),
    );
  });

  // describe_test.go :: TestPodDescribeResultsSorted. Upstream's check (VerifyDatesInOrder) reads an RFC 1123
  // date at the start of each line, which the Events table no longer prints (its Age column holds ages); what
  // it means is DescribeEvents' sort (SortableEvents: by last timestamp), checked here on the rows' order.
  test('TestPodDescribeResultsSorted', () => {
    const event = (message: string, component: string, at: string): KubeEventRow => ({
      involvedObject: { kind: 'Pod', namespace: 'foo', name: 'bar', uid: '' },
      type: 'Normal',
      reason: '',
      message,
      source: { component },
      count: 1,
      firstTimestamp: at,
      lastTimestamp: at,
    });
    const out = describeOf({
      pod: bar(),
      events: [event('Item 1', 'kubelet', '2014-01-15T00:00:00Z'), event('Item 2', 'scheduler', '1987-06-17T00:00:00Z'), event('Item 3', 'kubelet', '2002-12-25T00:00:00Z')],
    });
    const rows = out.split('\n').filter((l) => l.includes('Item '));
    expect(rows.map((l) => /Item \d/.exec(l)?.[0])).toEqual(['Item 2', 'Item 3', 'Item 1']);
  });
});

// describe.go (kubectl v0.36.3) :: describePod: each ephemeral container described as a Container (its
// EphemeralContainerCommon, the target not shown) with its status from ephemeralContainerStatuses, after Containers.
describe('describe.go (kubectl v0.36.3) :: describePod, the Ephemeral Containers section', () => {
  test('a kubectl debug container and its running status, after Containers and before Conditions', () => {
    const pod = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/import/ephemeral-debug-pod.json'), 'utf8')) as PodJson;
    const out = describeOf({ pod });
    expect(out.slice(out.indexOf('Ephemeral Containers:'), out.indexOf('Conditions:'))).toBe(
      [
        'Ephemeral Containers:',
        '  debugger-x7kqp:',
        '    Container ID:   containerd://e1',
        '    Image:          busybox:1.36',
        '    Image ID:       docker.io/library/busybox@sha256:bb',
        '    Port:           <none>',
        '    Host Port:      <none>',
        '    State:          Running',
        '      Started:      Mon, 02 Mar 2026 10:05:11 +0000',
        '    Ready:          False',
        '    Restart Count:  0',
        '    Environment:    <none>',
        '    Mounts:         <none>',
        '',
      ].join('\n'),
    );
    expect(out.indexOf('Ephemeral Containers:')).toBeGreaterThan(out.indexOf('\nContainers:\n'));
  });

  test('a codec error names the path of a bad ephemeral container field', () => {
    expect(() => decodePod(bar({ ephemeralContainers: [{ name: 'debugger', stdin: 'yes' as unknown as boolean }] }))).toThrow(/ephemeralContainers/);
  });
});

/** Go's `NewPrefixWriter(out)` on a bare buffer: indentation and text, no tabwriter (as upstream's unit cases write). */
const rawWriter = (): { readonly w: PrefixWriter; readonly out: () => string } => {
  let text = '';
  return {
    w: { write: (level, s) => (text += '  '.repeat(level) + s), writeLine: (s) => (text += `${s}\n`), flush: () => {} },
    out: () => text,
  };
};

// describe_test.go :: TestDescribeResources: how often each element occurs in describeResources' output.
describe('describe_test.go (kubectl v0.36.3) :: TestDescribeResources', () => {
  const both = { cpu: '1000', memory: '100Mi' };
  const cases: ReadonlyArray<readonly [ResourceRequirements, Readonly<Record<string, number>>]> = [
    [{}, {}],
    [{ requests: both, limits: both }, { cpu: 2, memory: 2, Requests: 1, Limits: 1, '1k': 2, '100Mi': 2 }],
    [{ limits: both }, { cpu: 1, memory: 1, Limits: 1, '1k': 1, '100Mi': 1 }],
    [{ requests: both }, { cpu: 1, memory: 1, Requests: 1, '1k': 1, '100Mi': 1 }],
  ];
  test.each(cases.map((c, i) => [i, ...c] as const))('%i', (_i, resources, counts) => {
    const { w, out } = rawWriter();
    describeResources(w, resources, 1);
    const got = Object.fromEntries(Object.keys(counts).map((k) => [k, out().split(k).length - 1]));
    expect(got).toEqual(counts);
  });
});

// describe_test.go :: TestDescribeContainerPorts: describeContainerPorts and describeContainerHostPorts, read
// off the Port(s) and Host Port(s) lines of describeContainers.
describe('describe_test.go (kubectl v0.36.3) :: TestDescribeContainerPorts', () => {
  type Port = NonNullable<Container['ports']>[number];
  const cases: ReadonlyArray<readonly [string, readonly Port[], string, string]> = [
    ['no ports', [], '', ''],
    ['container and host port, with name', [{ name: 'web', containerPort: 8080, hostPort: 8080, protocol: 'TCP' }], '8080/TCP (web)', '8080/TCP (web)'],
    ['container and host port, no name', [{ containerPort: 8080, hostPort: 8080, protocol: 'TCP' }], '8080/TCP', '8080/TCP'],
    [
      'multiple ports with mixed configuration',
      [
        { name: 'controller', containerPort: 9093, hostPort: 9093, protocol: 'TCP' },
        { containerPort: 9092, protocol: 'TCP' },
        { name: 'interbroker', containerPort: 9094, hostPort: 9094, protocol: 'TCP' },
      ],
      '9093/TCP (controller), 9092/TCP, 9094/TCP (interbroker)',
      '9093/TCP (controller), 0/TCP, 9094/TCP (interbroker)',
    ],
    [
      'all ports with mixed configuration',
      [
        { name: 'controller', containerPort: 9093, hostPort: 9093, protocol: 'TCP' },
        { name: 'client', containerPort: 9092, hostPort: 9092, protocol: 'TCP' },
        { name: 'interbroker', containerPort: 9094, hostPort: 9094, protocol: 'TCP' },
      ],
      '9093/TCP (controller), 9092/TCP (client), 9094/TCP (interbroker)',
      '9093/TCP (controller), 9092/TCP (client), 9094/TCP (interbroker)',
    ],
  ];
  const linesOf = (ports: readonly Port[]): { container: string; host: string } => {
    const { w, out } = rawWriter();
    const container: Container = { name: 'c', ports: [...ports] };
    const pod: V1Pod = { metadata: {}, spec: { containers: [container] } };
    describeContainers(w, 'Containers', [container], [], pod);
    const value = (re: RegExp): string => {
      const shown = re.exec(out())?.[1] ?? '';
      return shown === '<none>' ? '' : shown;
    };
    return { container: value(/ Ports?:\t(.*)\n/), host: value(/Host Ports?:\t(.*)\n/) };
  };
  test.each(cases)('%s', (_name, ports, expectedContainer, expectedHost) => {
    expect(linesOf(ports)).toEqual({ container: expectedContainer, host: expectedHost });
  });
});

// describe_test.go :: TestPrintLabelsMultiline (upstream prints annotations with it)
describe('describe_test.go (kubectl v0.36.3) :: TestPrintLabelsMultiline', () => {
  const key = 'MaxLenAnnotation';
  const value = 'a'.repeat(140 - key.length - 2);
  const cases: ReadonlyArray<readonly [Record<string, string>, string]> = [
    [{ col1: 'asd', COL2: 'zxc' }, 'Annotations:\tCOL2: zxc\n\tcol1: asd\n'],
    [{ MaxLenAnnotation: value }, `Annotations:\t${key}: ${value}\n`],
    [{ MaxLenAnnotation: `${value}1` }, `Annotations:\t${key}:\n\t  ${value}1\n`],
    [{ MaxLenAnnotation: value + value }, `Annotations:\t${key}:\n\t  ${'a'.repeat(138)}...\n`],
    [{ key: 'value\nwith\nnewlines\n' }, 'Annotations:\tkey:\n\t  value\n\t  with\n\t  newlines\n'],
    [{}, 'Annotations:\t<none>\n'],
  ];
  test.each(cases.map((c, i) => [i, ...c] as const))('%i', (_i, annotations, expected) => {
    const { w, out } = rawWriter();
    printAnnotationsMultiline(w, 'Annotations', annotations);
    expect(out()).toBe(expected);
  });
});

// describe.go :: printAnnotationsMultiline and shorten measure with Go's len, in UTF-8 bytes (upstream's cases are all
// ASCII): é is 2 bytes, € 3; a cut inside a character leaves its kept bytes, shown as U+FFFD each
describe('describe.go (kubectl v0.36.3) :: printAnnotationsMultiline, shorten: lengths in bytes', () => {
  const key = 'MaxLenAnnotation';
  const cases: ReadonlyArray<readonly [string, string, string]> = [
    ['61 × é: 140 bytes with the key, inline', 'é'.repeat(61), `Annotations:\t${key}: ${'é'.repeat(61)}\n`],
    ['62 × é: 142 bytes with the key (80 characters), on its own line', 'é'.repeat(62), `Annotations:\t${key}:\n\t  ${'é'.repeat(62)}\n`],
    ['100 × é: cut at 138 bytes, 69 characters', 'é'.repeat(100), `Annotations:\t${key}:\n\t  ${'é'.repeat(69)}...\n`],
    ['50 × €: cut at 138 bytes, 46 characters', '€'.repeat(50), `Annotations:\t${key}:\n\t  ${'€'.repeat(46)}...\n`],
    ['a + 100 × é: the cut keeps one byte of the 69th é', `a${'é'.repeat(100)}`, `Annotations:\t${key}:\n\t  a${'é'.repeat(68)}\uFFFD...\n`],
  ];
  test.each(cases)('%s', (_name, value, expected) => {
    const { w, out } = rawWriter();
    printAnnotationsMultiline(w, 'Annotations', { [key]: value });
    expect(out()).toBe(expected);
  });
});
