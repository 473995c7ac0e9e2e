/**
 * `describe` as a kubectl user types it (`kubectl/pkg/cmd/describe/describe.go :: Run`): `pod/NAME`, several
 * names, `-l`; a lone `describe pod NAME` no pod has describes the pods whose names start with it
 * (`DescribeMatchingResources`), the other forms look names up exactly, and each name not found is kubectl's NotFound.
 */
import { describe, expect, it } from 'vitest';
import { sample, workspace } from './podj.js';

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
