/**
 * `get pods,events` and `get pods,nodes` as kubectl v1.36 prints several resource types (kubectl/pkg/cmd/get/
 * get.go :: Run; get_test.go :: TestGetMultipleTypeObjects, TestGetMultipleTypeObjectsAsList,
 * TestGetMultipleTypeTableObjects): each type's table with `kind/name` names, a blank line between tables,
 * `-o json` one List of every type's items, `-o name` each `kind/name`; `-w` refused as the builder refuses it.
 */
import { describe, expect, it } from 'vitest';
import { replayed } from './podj.js';

const crashLoop = (): ReturnType<typeof replayed> => replayed('crashloop-memleak');

describe('get TYPE,TYPE (get.go :: Run)', () => {
  it('TestGetMultipleTypeObjects: each table with kind/name, a blank line between', () => {
    const { podj } = crashLoop();
    const r = podj('get', 'pods,events', '--at', '+1m');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const pods = podj('get', 'pods', '--at', '+1m', '--show-kind').stdout;
    const events = podj('get', 'events', '--at', '+1m').stdout;
    expect(r.stdout).toBe(`${pods}\n${events}`);
    expect(pods).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\npod\/memleak-pod /);
    // nodes are cluster-scoped: no NAMESPACE column with -A
    const all = podj('get', 'pods,nodes', '-A');
    expect(all.stdout).toMatch(/^NAMESPACE +NAME +READY .*\ndefault +pod\/memleak-pod .*\n\nNAME +STATUS +ROLES +AGE +VERSION\nnode\/node01 +Ready /);
    // --no-headers: no blank line
    expect(podj('get', 'pods,nodes', '--no-headers').stdout).toMatch(/^pod\/memleak-pod .*\nnode\/node01 .*\n$/);
  });

  it('a type with nothing prints nothing, no blank line; nothing at all is "No resources found"', () => {
    const { podj } = crashLoop();
    expect(podj('get', 'pods,events', '--at', '+0s', '-n', 'kube-system')).toMatchObject({ code: 0, stdout: '', stderr: expect.stringMatching(/^No resources found in kube-system namespace\.\n/) });
    expect(podj('get', 'events,nodes', '-n', 'kube-system', '--event-ttl', '1h').stdout).toMatch(/^NAME +STATUS +ROLES +AGE +VERSION\nnode\/node01 .*\n$/);
  });

  it('TestGetMultipleTypeObjectsAsList: -o json is one List of every type\'s items; -o name each kind/name', () => {
    const { podj } = crashLoop();
    const list = JSON.parse(podj('get', 'pods,nodes', '-o', 'json').stdout) as { kind: string; items: Array<{ kind: string; metadata: { name: string } }> };
    expect(list.kind).toBe('List');
    expect(list.items.map((i) => `${i.kind}/${i.metadata.name}`)).toEqual(['Pod/memleak-pod', 'Node/node01']);
    expect(podj('get', 'pods,nodes', '-o', 'name').stdout).toBe('pod/memleak-pod\nnode/node01\n');
  });

  it('-w with several types is the builder\'s "you must specify only one resource"', () => {
    const { podj } = crashLoop();
    expect(podj('get', 'pods,events', '-w')).toEqual({ code: 2, stdout: '', stderr: 'error: you must specify only one resource\n' });
  });
});
