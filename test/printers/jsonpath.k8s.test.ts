/**
 * kubectl's JSONPath (`k8s.io/client-go/util/jsonpath` at v0.36.3), its own cases carried over as data:
 * jsonpath_test.go :: TestJSONInput, TestKubernetes, TestEmptyRange, TestNestedRanges,
 * TestFilterPartialMatchesSometimesMissingAnnotations, TestNegativeIndex, TestRunningPodsJSONPathOutput, TestStep,
 * the failing templates of TestStructInput that apply to decoded JSON, and parser_test.go :: TestFailParser; with
 * missing keys allowed as kubectl get allows them. Go iterates a map in random order (upstream sorts the words of
 * `{..name}`'s output); podj walks an object in its key order.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { jsonPathPrinter, printJsonPath } from '../../src/printers/jsonpath.js';

const points = [
  { id: 'i1', x: 4, y: -5 },
  { id: 'i2', x: -2, y: -5, z: 1 },
  { id: 'i3', x: 8, y: 3 },
  { id: 'i4', x: -6, y: -1 },
  { id: 'i5', x: 0, y: 2, z: 1 },
  { id: 'i6', x: 1, y: 4 },
  { id: 'i7', x: null, y: 4 },
];
const nodes = {
  kind: 'List',
  items: [
    { kind: 'None', metadata: { name: '127.0.0.1', labels: { 'kubernetes.io/hostname': '127.0.0.1' } }, status: { capacity: { cpu: '4' }, ready: true, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.1' }] } },
    {
      kind: 'None',
      metadata: { name: '127.0.0.2', labels: { 'kubernetes.io/hostname': '127.0.0.2' } },
      status: { capacity: { cpu: '8' }, ready: false, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.2' }, { type: 'another', address: '127.0.0.3' }] },
    },
  ],
  users: [{ name: 'myself', user: {} }, { name: 'e2e', user: { username: 'admin', password: 'secret' } }],
};
const podWith = (name: string, containers: string[], another = true) => ({
  metadata: { name },
  spec: { containers: containers.map((c) => ({ name: c, ...(another && { another: [{ name: 'value1' }, { name: 'value2' }] }) })) },
});
const nested = { items: [podWith('pod1', ['foo', 'bar']), podWith('pod2', ['baz'])] };
const annotated = {
  kind: 'List',
  items: [
    { kind: 'Pod', metadata: { name: 'pod1', annotations: { color: 'blue' } } },
    { kind: 'Pod', metadata: { name: 'pod2' } },
    { kind: 'Pod', metadata: { name: 'pod3', annotations: { color: 'green' } } },
    { kind: 'Pod', metadata: { name: 'pod4', annotations: { color: 'blue' } } },
  ],
};
const fakes = { apiVersion: 'v1', kind: 'Pod', spec: { containers: [0, 1, 2, 3].map((i) => ({ image: 'radial/busyboxplus:curl', name: `fake${i}` })) } };
const running = {
  kind: 'List',
  items: [...['pod1', 'pod2', 'pod3'].map((name) => ({ kind: 'Pod', metadata: { name }, status: { phase: 'Running' } })), { resourceVersion: '' }],
};

type Case = readonly [test: string, template: string, data: unknown, expected: string];

const agreeing: Case[] = [
  ['TestJSONInput exists filter', '{[?(@.z)].id}', points, 'i2 i5'],
  ['TestJSONInput bracket key', "{[0]['id']}", points, 'i1'],
  ['TestKubernetes range item', '{range .items[*]}{.metadata.name}, {end}{.kind}', nodes, '127.0.0.1, 127.0.0.2, List'],
  ['TestKubernetes range item with quote', '{range .items[*]}{.metadata.name}{"\\t"}{end}', nodes, '127.0.0.1\t127.0.0.2\t'],
  ['TestKubernetes range addresss', '{.items[*].status.addresses[*].address}', nodes, '127.0.0.1 127.0.0.2 127.0.0.3'],
  ['TestKubernetes double range', '{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}', nodes, '127.0.0.1, 127.0.0.2, 127.0.0.3, '],
  ['TestKubernetes item name', '{.items[*].metadata.name}', nodes, '127.0.0.1 127.0.0.2'],
  ['TestKubernetes range nodes capacity', '{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}', nodes, '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] '],
  ['TestKubernetes user password', '{.users[?(@.name=="e2e")].user.password}', nodes, 'secret'],
  ['TestKubernetes recursive name', '{..name}', nodes, '127.0.0.1 127.0.0.2 myself e2e'],
  ['TestKubernetes hostname (an escaped dot in a key: parser.go :: parseField)', '{.items[0].metadata.labels.kubernetes\\.io/hostname}', nodes, '127.0.0.1'],
  ['TestKubernetes hostname filter', '{.items[?(@.metadata.labels.kubernetes\\.io/hostname=="127.0.0.1")].kind}', nodes, 'None'],
  ['TestEmptyRange empty range', '{range .items[*]}{.metadata.name}{end}', { items: [] }, ''],
  ['TestEmptyRange empty nested range', '{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}', { items: [] }, ''],
  ['TestNestedRanges trailing newline', '{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}', nested, 'pod1:foo,bar,+pod2:baz,+'],
  [
    'TestNestedRanges within another nested range',
    '{range .items[*]}{.metadata.name}{"~"}{range @.spec.containers[*]}{.name}{":"}{range @.another[*]}{.name}{","}{end}{"+"}{end}{"#"}{end}',
    nested,
    'pod1~foo:value1,value2,+bar:value1,value2,+#pod2~baz:value1,value2,+#',
  ],
  [
    'TestNestedRanges two at the same level',
    '{range .items[*]}{.metadata.name}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\n"}{end}',
    nested,
    'pod1\tfoo bar \tfoo bar \npod2\tbaz \tbaz \n',
  ],
  ['TestFilterPartialMatchesSometimesMissingAnnotations', '{.items[?(@.metadata.annotations.color=="blue")].metadata.name}', annotated, 'pod1 pod4'],
  ['TestNegativeIndex containers[0]', '{.spec.containers[0].name}', fakes, 'fake0'],
  ['TestNegativeIndex containers[0:-1]', '{.spec.containers[0:-1].name}', fakes, 'fake0 fake1 fake2'],
  ['TestNegativeIndex containers[-1:]', '{.spec.containers[-1:].name}', fakes, 'fake3'],
  ['TestNegativeIndex containers[-2:]', '{.spec.containers[-2:].name}', fakes, 'fake2 fake3'],
  ['TestNegativeIndex containers[-4:]', '{.spec.containers[-4:].name}', fakes, 'fake0 fake1 fake2 fake3'],
  ['TestNegativeIndex containers[5:5]', '{.spec.containers[5:5].name}', fakes, ''],
  ['TestNegativeIndex containers[-5:-5]', '{.spec.containers[-5:-5].name}', fakes, ''],
];

/** Cases jsonpath-plus answered otherwise, before the port of client-go's parser and evaluator. */
const ported: Case[] = [
  ['TestJSONInput nil value (a negative index)', "{[-1]['x']}", points, 'null'],
  ['TestKubernetes union nodes capacity (union members are paths)', "{.items[*]['metadata.name', 'status.capacity']}", nodes, '127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}'],
  ['TestKubernetes bool item (recursive descent in a filter)', '{.items[?(@..ready==true)].metadata.name}', nodes, '127.0.0.1'],
  ['TestNegativeIndex containers[0:0] (the empty set)', '{.spec.containers[0:0].name}', fakes, ''],
  ['TestNegativeIndex containers[-1]', '{.spec.containers[-1].name}', fakes, 'fake3'],
  ['TestNegativeIndex containers[-2]', '{.spec.containers[-2].name}', fakes, 'fake2'],
  ['TestRunningPodsJSONPathOutput (a filter without @)', '{range .items[?(.status.phase=="Running")]}{.metadata.name}{" is Running\\n"}{end}', running, 'pod1 is Running\npod2 is Running\npod3 is Running\n'],
];

const printed = (template: string, data: unknown): string => {
  const out = printJsonPath(template, data);
  return E.isRight(out) ? out.right : `error: ${out.left}`;
};

describe('client-go jsonpath_test.go cases podj prints as kubectl does', () => {
  it.each(agreeing)('%s: %s', (_test, template, data, expected) => {
    expect(printed(template, data)).toBe(expected);
  });
});

describe('client-go jsonpath_test.go cases jsonpath-plus answered otherwise', () => {
  it.each(ported)('%s: %s', (_test, template, data, expected) => {
    expect(printed(template, data)).toBe(expected);
  });
});

const sixFakes = { spec: { containers: [0, 1, 2, 3, 4, 5].map((i) => ({ image: 'radial/busyboxplus:curl', name: `fake${i}` })) } };

/** jsonpath_test.go :: TestStep: a subscript of six containers and the names it finds. */
const stepCases: ReadonlyArray<readonly [subscript: string, names: string]> = [
  ['0:', 'fake0 fake1 fake2 fake3 fake4 fake5'],
  ['0:6:', 'fake0 fake1 fake2 fake3 fake4 fake5'],
  ['0:6:1', 'fake0 fake1 fake2 fake3 fake4 fake5'],
  ['1:4:2', 'fake1 fake3'],
  ['1:4:3', 'fake1'],
  ['1:4:4', 'fake1'],
  ['0:6:2', 'fake0 fake2 fake4'],
  ['0:6:3', 'fake0 fake3'],
  ['0:6:5', 'fake0 fake5'],
  ['0:6:6', 'fake0'],
];

const steps: Case[] = [
  ...stepCases.map(([subscript, names]): Case => [`TestStep containers[${subscript}]`, `{.spec.containers[${subscript}].name}`, sixFakes, names]),
  ['TestNegativeIndex containers[-3]', '{.spec.containers[-3].name}', fakes, 'fake1'],
  ['TestNegativeIndex containers[-4]', '{.spec.containers[-4].name}', fakes, 'fake0'],
  // parser.go :: parseArray: an empty subscript is [0:1] (its end derived from the start), the first element
  ['an empty subscript', '{.spec.containers[].name}', fakes, 'fake0'],
  ['an empty action prints the object', '{}', { b: 1, a: [true, null] }, '{"b":1,"a":[true,null]}'],
  ['TestStructInput recurdotfields (... is .. then .)', '{...name}', nested, 'pod1 foo value1 value2 bar value1 value2 pod2 baz value1 value2'],
  ['TestStructInput nonexistent field 2', 'before-{.hello}after', points, 'before-after'],
  ['a float64 as fmt prints it', '{.a} {.b} {.c} {.d}', { a: 0.5, b: 1234567.5, c: 0.00001, d: 12 }, '0.5 1.2345675e+06 1e-05 12'],
  ['a float literal compares with a float only', '{[?(@.x>=0.5)].id}', [{ id: 'a', x: 0.75 }, { id: 'b', x: 0.25 }], 'a'],
  // jsonpath.go :: FindResults: with no {end} to skip to, it carries on after the range over the ranged object
  ['a range without {end}', '{range .items[*]}{.metadata.name}{"\\n"}', nested, 'pod1\npod2\n\n'],
];

describe('client-go jsonpath_test.go :: TestStep and further cases of parser.go and jsonpath.go', () => {
  it.each(steps)('%s: %s', (_test, template, data, expected) => {
    expect(printed(template, data)).toBe(expected);
  });
});

const executing = (template: string, message: string): string => `error: error executing jsonpath ${JSON.stringify(template)}: Error executing template: ${message}`;

/** Templates client-go parses and then refuses to execute, with its words. */
const refused: Case[] = [
  ['TestNegativeIndex containers[-1:0]', '{.spec.containers[-1:0].name}', fakes, executing('{.spec.containers[-1:0].name}', 'starting index 3 is greater than ending index 0')],
  ['TestNegativeIndex containers[-5]', '{.spec.containers[-5].name}', fakes, executing('{.spec.containers[-5].name}', 'array index out of bounds: index -1, length 4')],
  ['TestNegativeIndex containers[3:1]', '{.spec.containers[3:1].name}', fakes, executing('{.spec.containers[3:1].name}', 'starting index 3 is greater than ending index 1')],
  ['TestNegativeIndex containers[-1:-2]', '{.spec.containers[-1:-2].name}', fakes, executing('{.spec.containers[-1:-2].name}', 'starting index 3 is greater than ending index 2')],
  ['TestStep containers[0:6:0]', '{.spec.containers[0:6:0].name}', sixFakes, executing('{.spec.containers[0:6:0].name}', 'step must be > 0')],
  ['TestStep containers[0:6:-1]', '{.spec.containers[0:6:-1].name}', sixFakes, executing('{.spec.containers[0:6:-1].name}', 'step must be > 0')],
  ['TestStructInput invalid identifier', '{hello}', points, executing('{hello}', 'unrecognized identifier hello')],
  ['TestStructInput invalid array', '{.spec[0]}', fakes, executing('{.spec[0]}', 'map[string]interface {} is not array or slice')],
  ['TestStructInput invalid filter operator', '{[?(@.x<>10)]}', points, executing('{[?(@.x<>10)]}', 'unrecognized filter operator <>')],
  ['TestStructInput redundant end', '{range .items[*]}{.metadata.name}{end}{end}', nested, executing('{range .items[*]}{.metadata.name}{end}{end}', 'not in range, nothing to end')],
  ['the first item of an empty list', '{.items[0].metadata.name}', { items: [] }, executing('{.items[0].metadata.name}', 'array index out of bounds: index 0, length 0')],
  ['an int compared with a string', '{[?(@.x=="4")].id}', points, executing('{[?(@.x=="4")].id}', 'incompatible types for comparison')],
  ['a filter over a map', '{.spec[?(@.a)]}', fakes, executing('{.spec[?(@.a)]}', 'map[containers:[map[image:radial/busyboxplus:curl name:fake0] map[image:radial/busyboxplus:curl name:fake1] map[image:radial/busyboxplus:curl name:fake2] map[image:radial/busyboxplus:curl name:fake3]]] is not array or slice and cannot be filtered')],
];

describe('templates client-go refuses to execute', () => {
  it.each(refused)('%s: %s', (_test, template, data, expected) => {
    expect(printed(template, data)).toBe(expected);
  });
});

// parser_test.go :: TestFailParser
const unparsable: ReadonlyArray<readonly [template: string, message: string]> = [
  ['{.hello', 'unclosed action'],
  ['{*}', "unrecognized character in action: U+002A '*'"],
  ['{+12.3.0}', 'cannot parse number +12.3.0'],
  ['{[1}', 'unterminated array'],
  ['{[?(.price]}', 'unterminated filter'],
  ['{........}', 'invalid multiple recursive descent'],
];

describe('parser_test.go :: TestFailParser', () => {
  it.each(unparsable)('%s', (template, message) => {
    expect(printed(template, {})).toBe(`error: error parsing jsonpath ${template}, ${message}`);
  });
});

/**
 * cli-runtime's JSONPathPrinter parses its template once and executes it on every object it prints, as
 * `kubectl get -w` prints each pod: jsonpath.go :: FindResults re-points the parser's root at a range's body
 * (`j.parser.Root.Nodes = nodes[i+1:]`) and never restores it, so the next object is read from there.
 */
describe('one template over a watch\'s pods, one after another (jsonpath.go :: FindResults keeps its root)', () => {
  const over = (template: string, ...objects: unknown[]): string[] => {
    const print = jsonPathPrinter(template);
    if (E.isLeft(print)) throw new Error(print.left);
    return objects.map((o) => {
      const out = print.right(o);
      return E.isRight(out) ? out.right : `error: ${out.left}`;
    });
  };
  const pod1 = podWith('pod1', ['foo', 'bar'], false);
  const pod2 = podWith('pod2', ['baz'], false);
  const pod3 = podWith('pod3', ['qux'], false);

  it('{range .items[*]}…{end}: a pod has no items, so nothing; the next pod is read from the body, and its {end} is outside any range', () => {
    const template = '{range .items[*]}{.metadata.name}{"\\n"}{end}';
    expect(over(template, pod1, pod2, pod3)).toEqual(['', executing(template, 'not in range, nothing to end'), executing(template, 'not in range, nothing to end')]);
    // a List first (what `get` without -w prints): its items, then the same for a pod
    expect(over(template, nested, pod3)).toEqual(['pod1\npod2\n', executing(template, 'not in range, nothing to end')]);
  });

  it('a range over each pod\'s own list: the first pod prints, the next is read from the range\'s body', () => {
    const template = '{range .spec.containers[*]}{.name}{" "}{end}{"\\n"}';
    expect(over(template, pod1, pod2)).toEqual(['foo bar \n', executing(template, 'not in range, nothing to end')]);
  });

  it('a range never ended: the next pods are read from its body on, over the pod itself', () => {
    expect(over('{.metadata.name}{range .spec.containers[*]}{.name}{","}', pod1, pod2, pod3)).toEqual(['pod1foo,bar,,', ',', ',']);
  });

  it('a template without a range is the same for every pod', () => {
    expect(over('{.metadata.name}{"\\n"}', pod1, pod2, pod3)).toEqual(['pod1\n', 'pod2\n', 'pod3\n']);
    expect(over('{.metadata.name}', pod1, pod2, pod3).join('')).toBe('pod1pod2pod3');
  });
});
