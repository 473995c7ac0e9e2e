/**
 * Kubernetes' `--sort-by` cases as data: `staging/src/k8s.io/kubectl/pkg/cmd/get/sorter_test.go` at kubectl
 * v0.36.3 (`TestSortingPrinter`, `TestRuntimeSortLess`), put to `sortByPath` over the objects' JSON. Upstream's
 * `createPodSpecResource(memReq, memLimit, cpuReq, cpuLimit)` is `pod(memory, cpu)` here.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, test } from 'vitest';
import { sortByPath } from '../../src/printers/sort-by.js';

type Json = Record<string, unknown>;

const named = (name: string): Json => ({ metadata: { name } });
const pod = (memory: string, cpu: string, name = ''): Json => ({
  metadata: { name },
  spec: { containers: [{ resources: { requests: { ...(memory !== '' && { memory }), ...(cpu !== '' && { cpu }) } } }] },
});
const sorted = (items: readonly Json[], field: string, table = false): Json[] | string => {
  const r = sortByPath(items, field, (item) => item, { table });
  return E.isLeft(r) ? r.left : r.right;
};

describe('sorter_test.go (kubectl v0.36.3) :: TestSortingPrinter', () => {
  test('empty: nothing to sort, no error', () => {
    expect(sorted([], '{.metadata.name}')).toEqual([]);
  });
  test('in-order-already and reverse-order', () => {
    expect(sorted([named('a'), named('b'), named('c')], '{.metadata.name}')).toEqual([named('a'), named('b'), named('c')]);
    expect(sorted([named('c'), named('b'), named('a')], '{.metadata.name}')).toEqual([named('a'), named('b'), named('c')]);
  });
  test('random-order-timestamp', () => {
    const at = (t: string): Json => ({ metadata: { creationTimestamp: t } });
    expect(sorted([at('1970-01-01T00:05:00Z'), at('1970-01-01T00:03:20Z'), at('1970-01-01T00:01:40Z')], '{.metadata.creationTimestamp}')).toEqual([
      at('1970-01-01T00:01:40Z'),
      at('1970-01-01T00:03:20Z'),
      at('1970-01-01T00:05:00Z'),
    ]);
  });
  test('random-order-numbers', () => {
    const replicas = (n: number): Json => ({ spec: { replicas: n } });
    expect(sorted([replicas(5), replicas(1), replicas(9)], '{.spec.replicas}')).toEqual([replicas(1), replicas(5), replicas(9)]);
  });
  test('some-missing-fields: objects without the field first', () => {
    const available = (n?: number): Json => ({ status: n === undefined ? {} : { availableReplicas: n } });
    expect(sorted([available(2), available(), available(1)], '{.status.availableReplicas}')).toEqual([available(), available(1), available(2)]);
  });
  test.each([
    ['all-missing-fields', '{.status.availableReplicas}'],
    ['model-invalid-fields', '{.invalid}'],
  ])('%s', (_, field) => {
    expect(sorted([{ status: {} }, { status: {} }], field)).toBe(`couldn't find any field with path "${field}" in the list of objects`);
  });
  test('empty fields: an Event without lastTimestamp (null) first', () => {
    const seen = (last: string | null): Json => ({ lastTimestamp: last });
    expect(sorted([seen('1970-01-01T00:05:00Z'), seen(null)], '{.lastTimestamp}')).toEqual([seen(null), seen('1970-01-01T00:05:00Z')]);
  });
  // RuntimeSort.Less / TableSorter.Less take values[0][0]: a JSON null is a value found (a nil interface for isLess)
  test('only nulls: the field is found (no error), the order kept (isLess of two nils is false)', () => {
    const created = (name: string): Json => ({ metadata: { name, creationTimestamp: null } });
    expect(sorted([created('b'), created('a')], '{.metadata.creationTimestamp}')).toEqual([created('b'), created('a')]);
  });
  test('the first value found is the key, a null one included: it sorts before the values', () => {
    const images = (...tags: Array<string | null>): Json => ({ tags });
    expect(sorted([images('b'), images(null, 'z'), images('c')], '{.tags[*]}')).toEqual([images(null, 'z'), images('b'), images('c')]);
  });
  test('pod-resources-cpu-random-order-with-missing-fields: quantities by value', () => {
    const field = '{.spec.containers[].resources.requests.cpu}';
    expect(sorted([pod('', '0.5'), pod('', '10'), pod('', '100m'), pod('', '')], field)).toEqual([pod('', ''), pod('', '100m'), pod('', '0.5'), pod('', '10')]);
  });
  test('pod-resources-memory-random-order-with-missing-fields: quantities by value', () => {
    const field = '{.spec.containers[].resources.requests.memory}';
    const input = ['128Mi', '10Ei', '8Ti', '64Gi', '55Pi', '2Ki', ''].map((m) => pod(m, ''));
    expect(sorted(input, field)).toEqual(['', '2Ki', '128Mi', '64Gi', '8Ti', '55Pi', '10Ei'].map((m) => pod(m, '')));
  });
});

describe('sorter_test.go (kubectl v0.36.3) :: TestRuntimeSortLess', () => {
  const b = pod('1Gi', '0.5', 'b');
  const c = pod('1Ti', '2', 'c');
  const a = pod('1Ki', '10m', 'a');
  test.each([
    ['name', '{.metadata.name}', [a, b, c]],
    ['cpu', '{.spec.containers[].resources.requests.cpu}', [a, b, c]],
    ['memory', '{.spec.containers[].resources.requests.memory}', [a, b, c]],
  ])('%s', (_, field, expected) => {
    expect(sorted([b, c, a], field)).toEqual(expected);
  });
});

describe('since kubectl v1.31 (sorter.go, "Change non-quantity strings to sort alphanumerically")', () => {
  test('strings that are not quantities compare byte by byte: pod-10 before pod-2', () => {
    expect(sorted([named('pod-2'), named('pod-10'), named('pod-1')], '.metadata.name')).toEqual([named('pod-1'), named('pod-10'), named('pod-2')]);
  });
  test('values isLess cannot order are refused, naming the path', () => {
    const host = (v: boolean): Json => ({ spec: { hostNetwork: v } });
    expect(sorted([host(true), host(false)], '.spec.hostNetwork')).toBe('the values at {.spec.hostNetwork} are of a type kubectl cannot sort: boolean');
    expect(sorted([{ x: 1 }, { x: 'a' }], 'x')).toBe('the values at {.x} mix numbers and strings, which kubectl cannot sort');
  });
});

// get.go :: NewRuntimeSorter and sorter.go :: NewTableSorter (get's table) against SortingPrinter :: sortObj and
// SortObjects (json, yaml, name, jsonpath, custom-columns): one path, two sets of words
describe('--sort-by over a table and over a list', () => {
  const three = [named('b'), named('a'), named('c')];
  test('a path RelaxedJSONPathExpression refuses: the list says so, the table uses it as written', () => {
    expect(sorted(three, '{.metadata.name', false)).toBe("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
    expect(sorted(three, '{.metadata.name', true)).toBe('sorting error: unclosed action');
    // text with no action: every row's value is the text itself, so the rows stay as listed
    expect(sorted(three, 'metadata.name}', true)).toEqual(three);
  });
  test('a path that fails on an object: the error itself, or NewTableSorter\'s Go-syntax line', () => {
    const listed = [{ items: [1] }, { items: [2, 3] }];
    expect(sorted(listed, '{.items[1]}', false)).toBe('array index out of bounds: index 1, length 1');
    expect(sorted(listed, '{.items[1]}', true)).toBe('Failed to get values for [][]reflect.Value(nil) using {.items[1]} (&errors.errorString{s:"array index out of bounds: index 1, length 1"})');
  });
  test('an unparsable template: the parser\'s error, prefixed by NewTableSorter for a table', () => {
    expect(sorted(three, '{.metadata[}', false)).toBe('unterminated array');
    expect(sorted(three, '{.metadata[}', true)).toBe('sorting error: unterminated array');
  });
});
