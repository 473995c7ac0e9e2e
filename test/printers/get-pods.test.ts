/** `kubectl get pods` output: table alignment, columns, sorting, empty lists and the json/yaml/name formats. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { getPods } from '../../src/printers/get-pods.js';
import { getPodsYaml } from '../../src/printers/get-pods-yaml.js';
import fc from 'fast-check';
import { renderTable, tabwrite } from '../../src/printers/tabwriter.js';
import { expectGolden } from './golden.js';
import { NOW } from './fixtures.js';
import { crashing, samplePods, web } from './sample-pods.js';

describe('renderTable (Go tabwriter, minwidth 6, padding 3)', () => {
  it('pads every cell but the last to the widest cell plus 3, at least 6', () => {
    expect(renderTable([['IP', 'NAME', 'X'], ['10.0.0.1', 'a', 'y']])).toBe('IP         NAME   X\n10.0.0.1   a      y\n');
  });
  it('counts runes, not UTF-16 units', () => {
    expect(renderTable([['😀😀😀😀', 'b'], ['a', 'b']])).toBe('😀😀😀😀   b\na      b\n');
  });
  it('prints a table of equal rows as the tabwriter port prints its tab-joined text (the widths computed from the rows)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '-', '<', 'é', '😀', '\ud800'), maxLength: 12 });
    const table = fc.integer({ min: 0, max: 5 }).chain((cells) => fc.array(fc.array(cell, { minLength: cells, maxLength: cells }), { maxLength: 8 }));
    fc.assert(
      fc.property(table, (rows) => {
        expect(renderTable(rows)).toBe(tabwrite(rows.map((row) => `${row.join('\t')}\n`).join(''), { minwidth: 6, padding: 3 }));
      }),
    );
  });
});

describe('getPods tables', () => {
  it('prints NAME READY STATUS RESTARTS AGE, sorted by namespace then name', () => {
    expect(getPods(samplePods, {}, NOW)).toEqual({
      stdout: [
        'NAME         READY   STATUS             RESTARTS      AGE',
        'db-0         0/2     Init:0/2           0             40s',
        'api-5f6d     1/2     CrashLoopBackOff   6 (75s ago)   12m',
        'web-7d4b9c   1/1     Running            0             2d3h',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('-A puts NAMESPACE first', () => {
    const lines = getPods(samplePods, { allNamespaces: true }, NOW).stdout.split('\n');
    expect(lines[0]).toBe('NAMESPACE   NAME         READY   STATUS             RESTARTS      AGE');
    expect(lines[1]).toBe('data        db-0         0/2     Init:0/2           0             40s');
  });

  it('-o wide golden', () => {
    expectGolden('get-pods-wide.txt', getPods(samplePods, { output: 'wide', allNamespaces: true }, NOW).stdout);
  });

  it('--show-labels adds LABELS last; -L adds one upper-cased column per key, empty when unset', () => {
    const out = getPods([web, crashing], { showLabels: true, labelColumns: ['app', 'example.com/team'] }, NOW).stdout;
    expect(out.split('\n')).toEqual([
      'NAME         READY   STATUS             RESTARTS      AGE    APP   TEAM   LABELS',
      'api-5f6d     1/2     CrashLoopBackOff   6 (75s ago)   12m    api   core   app=api,example.com/team=core',
      'web-7d4b9c   1/1     Running            0             2d3h   web          app=web,tier=frontend',
      '',
    ]);
  });

  it('an empty list prints nothing on stdout and "No resources found" on stderr', () => {
    expect(getPods([], { namespace: 'prod' }, NOW)).toEqual({ stdout: '', stderr: 'No resources found in prod namespace.\n' });
    expect(getPods([], { allNamespaces: true }, NOW)).toEqual({ stdout: '', stderr: 'No resources found\n' });
  });
});

describe('getPods json, yaml, name', () => {
  it('-o json prints a v1 List with 4-space indentation', () => {
    const out = getPods([web], { output: 'json' }, NOW).stdout;
    expect(out.startsWith('{\n    "apiVersion": "v1",\n    "items": [\n        {\n            "apiVersion": "v1",\n            "kind": "Pod",\n            "metadata": {')).toBe(true);
    expect(out.endsWith('    ],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n')).toBe(true);
    expect(JSON.parse(out).items[0].status.podIP).toBe('10.244.1.7');
  });

  it("-o json writes every object's keys sorted, as kubectl prints the unstructured object it reads, whatever order the object has", () => {
    const shuffled = {
      status: { podIP: '10.0.0.9', phase: 'Running' as const },
      spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'busybox' }] },
      metadata: { name: 'p', namespace: 'default', labels: { zeta: '1', alpha: '2' } },
    };
    const item = getPods([shuffled], { output: 'json', singleItem: true }, NOW).stdout;
    const keysInOrder = [...item.matchAll(/"(\w+)":/g)].map((m) => m[1]);
    expect(keysInOrder).toEqual(['apiVersion', 'kind', 'metadata', 'labels', 'alpha', 'zeta', 'name', 'namespace', 'spec', 'containers', 'image', 'name', 'nodeName', 'status', 'phase', 'podIP']);
  });

  it('-o json of nothing is an empty List, with no stderr', () => {
    expect(getPods([], { output: 'json' }, NOW)).toEqual({
      stdout: '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
      stderr: '',
    });
  });

  it('-o json escapes <, > and & as Go does', () => {
    const tagged = { ...web, metadata: { ...web.metadata, annotations: { note: 'a<b&c>d' } } };
    expect(getPods([tagged], { output: 'json' }, NOW).stdout).toContain('"note": "a\\u003cb\\u0026c\\u003ed"');
  });

  it('-o yaml sorts keys, does not indent sequences, and round-trips', () => {
    const out = getPodsYaml([web], {}).stdout;
    expect(out.startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    creationTimestamp: "')).toBe(true);
    expect(out.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true);
    expect(parse(out).items[0].metadata.name).toBe('web-7d4b9c');
  });

  it('a single pod asked for by name prints as the Pod itself', () => {
    const out = getPods([web], { output: 'json', singleItem: true }, NOW).stdout;
    expect(out.startsWith('{\n    "apiVersion": "v1",\n    "kind": "Pod",\n    "metadata": {')).toBe(true);
    expect(getPodsYaml([web], { singleItem: true }).stdout.startsWith('apiVersion: v1\nkind: Pod\nmetadata:\n')).toBe(true);
    expect(JSON.parse(getPods([web, crashing], { output: 'json', singleItem: true }, NOW).stdout).kind).toBe('List');
  });

  it('-o name prints pod/NAME per pod, sorted', () => {
    expect(getPods(samplePods, { output: 'name' }, NOW).stdout).toBe('pod/db-0\npod/api-5f6d\npod/web-7d4b9c\n');
  });
});
