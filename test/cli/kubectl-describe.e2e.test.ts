/**
 * `describe` as a kubectl user types it (`kubectl/pkg/cmd/describe/describe.go :: Run`): `pod/NAME`, several
 * names, `-l`; a lone `describe pod NAME` no pod has describes the pods whose names start with it
 * (`DescribeMatchingResources`), the other forms look names up exactly, and each name not found is kubectl's NotFound.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, sample, workspace } from './podj.js';

const described = (out: string): string[] => [...out.matchAll(/^Name: +(\S+)$/gm)].map((m) => m[1] ?? '');

describe('describe pods the ways kubectl takes them', () => {
  it('pod/NAME, several names, -l; pod/PREFIX is not a prefix; a missing name among found ones is NotFound (exit 1)', () => {
    const { podj } = workspace();
    podj('replay', sample('memory-pressure'));
    const slash = podj('describe', 'pod/qos-demo');
    expect([slash.code, described(slash.stdout)]).toEqual([0, ['qos-demo']]);
    expect(slash.stdout).toBe(podj('describe', 'pod', 'qos-demo').stdout);
    expect(described(podj('describe', 'pods', 'qos-demo-3', 'qos-demo').stdout)).toEqual(['qos-demo-3', 'qos-demo']);
    expect(podj('describe', 'pods', '-l', 'app=nothing')).toMatchObject({ code: 0, stdout: '', stderr: 'No resources found in default namespace.\n' });
    expect(described(podj('describe', 'pods', '-l', '!app').stdout)).toEqual(['qos-demo', 'qos-demo-2', 'qos-demo-3']);
    expect(podj('describe', 'pod/qos-demo-')).toMatchObject({ code: 1, stderr: 'Error from server (NotFound): pods "qos-demo-" not found\n' });
    const partly = podj('describe', 'pods', 'qos-demo', 'nope');
    expect([partly.code, described(partly.stdout), partly.stderr]).toEqual([1, ['qos-demo'], 'Error from server (NotFound): pods "nope" not found\n']);
  });
});

describe('describe -A as kubectl takes --all-namespaces (describe.go :: Run with AllNamespaces)', () => {
  it("every namespace's pods in the API server's list order, no Events for several; a NAME with -A is refused", () => {
    const { dir, podj } = workspace();
    const pods = [['default', 'web'], ['argo', 'workflow-controller'], ['argo-events', 'eventbus-0'], ['argo', 'argo-server']];
    const manifest = (ns: string, name: string): string =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${ns}, labels: {app: ${name}}}\nspec: {containers: [{name: c, image: nginx}]}\n`;
    writeFileSync(join(dir, 'pods.yaml'), pods.map(([ns, name]) => manifest(ns ?? '', name ?? '')).join('---\n'));
    expect(podj('apply', '-f', 'pods.yaml').code).toBe(0);
    const namespaced = (out: string): string[] => [...out.matchAll(/^Name: +(\S+)\nNamespace: +(\S+)$/gm)].map((m) => `${m[2] ?? ''}/${m[1] ?? ''}`);
    const all = podj('describe', 'pods', '-A');
    // storage keys: argo-events/… before argo/… ('-' sorts before '/')
    expect([all.code, namespaced(all.stdout), all.stdout.includes('\nEvents:')]).toEqual([0, ['argo-events/eventbus-0', 'argo/argo-server', 'argo/workflow-controller', 'default/web'], false]);
    const one = (ns: string, name: string): string => podj('describe', 'pod', name, '-n', ns, '--show-events=false').stdout;
    expect(all.stdout).toBe([one('argo-events', 'eventbus-0'), one('argo', 'argo-server'), one('argo', 'workflow-controller'), one('default', 'web')].join('\n\n'));
    expect(podj('describe', 'pods', '--all-namespaces', '-n', 'argo').stdout).toBe(all.stdout);
    // one pod found: its Events, as for one pod named
    const selected = podj('describe', 'pods', '-A', '-l', 'app=argo-server');
    expect([namespaced(selected.stdout), selected.stdout.includes('\nEvents:')]).toEqual([['argo/argo-server'], true]);
    expect(podj('describe', 'pods', '-A', '-l', 'app=none')).toMatchObject({ code: 0, stdout: '', stderr: 'No resources found\n' });
    // cli-runtime builder.go :: visitByName
    const refused = { code: 2, stdout: '', stderr: 'error: a resource cannot be retrieved by name across all namespaces\n' };
    expect(podj('describe', 'pod', 'web', '-A')).toMatchObject(refused);
    expect(podj('describe', 'pod/web', '-A')).toMatchObject(refused);
    expect(podj('get', 'pods', 'web', '-A')).toMatchObject(refused);
    expect(podj('get', 'events', 'web.1', '-A')).toMatchObject(refused);
    expect(podj('get', 'nodes', 'node01', '-A').stderr).not.toMatch(/across all namespaces/);
  });
});

describe('--show-events as kubectl v1.36 defaults it (describe.go :: Run, ShowEventsExplicitlySet)', () => {
  const eventsSections = (out: string): number => (out.match(/^Events:/gm) ?? []).length;

  it('Events for one pod named exactly; none for several, a missing name among them, or a prefix, unless asked', () => {
    const { podj } = workspace();
    podj('replay', sample('memory-pressure'));
    expect(eventsSections(podj('describe', 'pod', 'qos-demo').stdout)).toBe(1);
    expect(eventsSections(podj('describe', 'pod', 'qos-demo', '--show-events=false').stdout)).toBe(0);
    // several objects, a NotFound among them, the prefix's matches: kubectl sets ShowEvents false
    const several = podj('describe', 'pods', 'qos-demo-3', 'qos-demo');
    expect([described(several.stdout), eventsSections(several.stdout)]).toEqual([['qos-demo-3', 'qos-demo'], 0]);
    expect(eventsSections(podj('describe', 'pods', 'qos-demo', 'nope').stdout)).toBe(0);
    expect(eventsSections(podj('describe', 'pods').stdout)).toBe(0);
    expect(eventsSections(podj('describe', 'pods', '-l', '!app').stdout)).toBe(0);
    const prefix = podj('describe', 'pod', 'qos-demo-');
    expect([described(prefix.stdout), eventsSections(prefix.stdout)]).toEqual([['qos-demo-2', 'qos-demo-3'], 0]);
    // asked for, whatever the count
    expect(eventsSections(podj('describe', 'pods', '--show-events').stdout)).toBe(3);
    expect(eventsSections(podj('describe', 'pod', 'qos-demo-', '--show-events=true').stdout)).toBe(2);
    expect(podj('describe', 'pods', '--show-events=maybe')).toMatchObject({ code: 2, stderr: 'error: --show-events: invalid argument "maybe": strconv.ParseBool: parsing "maybe": invalid syntax\n' });
  });

  it('several pods are joined by a blank line; a prefix\'s matches each end with a newline (DescribeMatchingResources)', () => {
    const { podj } = workspace();
    podj('replay', sample('memory-pressure'));
    const one = (name: string): string => podj('describe', 'pod', name, '--show-events=false').stdout;
    expect(podj('describe', 'pods', 'qos-demo-2', 'qos-demo-3').stdout).toBe(`${one('qos-demo-2')}\n\n${one('qos-demo-3')}`);
    expect(podj('describe', 'pod', 'qos-demo-').stdout).toBe(`${one('qos-demo-2')}\n${one('qos-demo-3')}\n`);
  });
});

describe('describe pod of an imported pod with an ephemeral container (describe.go :: describePod)', () => {
  it('an Ephemeral Containers section after Containers, each described as a container', () => {
    const { podj } = workspace();
    expect(podj('import', join(REPO, 'test/fixtures/import/ephemeral-debug-pod.json')).code).toBe(0);
    const r = podj('describe', 'pod', 'web');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\nContainers:\n {2}app:\n(.*\n)*Ephemeral Containers:\n {2}debugger-x7kqp:\n(.*\n)* {4}Image: +busybox:1\.36\n(.*\n)*Conditions:\n/);
  });
});
