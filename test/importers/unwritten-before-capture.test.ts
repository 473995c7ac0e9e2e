/**
 * The statuses before a pod's first capture were written by the kubelet (and scheduler) that wrote the captured one:
 * what that object shows they did not write is not shown `--at` an instant before it either. Recording: a v1.20
 * kubelet's `/pods` (minikube, 2021), whose etcd static pod ran from 15:28:32 and was captured at 15:28:44: no
 * `hostIPs`, no `observedGeneration`, container statuses without `resources`, `allocatedResources`, `user`,
 * `volumeMounts` (fields of v1.28–v1.34 kubelets), no pod-level `resources` or `allocatedResources` (v1.36's).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { real } from './fixtures.js';
import { podj } from './podj-in-process.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface Status {
  readonly hostIP?: string;
  readonly podIP?: string;
  readonly observedGeneration?: number;
  readonly conditions?: ReadonlyArray<Record<string, unknown>>;
  readonly containerStatuses?: ReadonlyArray<Record<string, unknown>>;
  readonly resources?: unknown;
  readonly allocatedResources?: unknown;
}

const statusAt = async (journal: string, at?: string): Promise<Status> => {
  const got = await podj('get', 'pod', 'etcd-minikube', '-n', 'kube-system', '-o', 'json', '--journal', journal, ...(at === undefined ? [] : ['--at', at]));
  expect(got.code, got.stderr).toBe(0);
  return (JSON.parse(got.stdout) as { status: Status }).status;
};

/** The optional fields a v1.36 kubelet writes, where the status shows them. */
const newerFields = (s: Status): string[] => [
  ...(Object.hasOwn(s, 'hostIPs') ? ['hostIPs'] : []),
  ...(Object.hasOwn(s, 'observedGeneration') ? ['observedGeneration'] : []),
  // the pod-level ones of v1.36 (InPlacePodLevelResourcesVerticalScaling beta)
  ...(['resources', 'allocatedResources'] as const).filter((k) => Object.hasOwn(s, k)),
  ...((s.conditions ?? []).some((c) => Object.hasOwn(c, 'observedGeneration')) ? ['conditions[].observedGeneration'] : []),
  ...['resources', 'allocatedResources', 'user', 'volumeMounts'].filter((k) => (s.containerStatuses ?? []).some((c) => Object.hasOwn(c, k))).map((k) => `containerStatuses[].${k}`),
];

describe('states before the first capture', () => {
  it("show none of the fields the capture's kubelet did not write", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'podj-unwritten-before-'));
    dirs.push(dir);
    const journal = join(dir, 'journal');
    const done = await podj('import', '--journal', journal, real('newrelic-minikube-v1.20-kubelet-pods.json'));
    expect(done.code, done.stderr).toBe(0);
    const captured = await statusAt(journal);
    expect(newerFields(captured)).toEqual([]);
    // Running since 15:28:32, before the capture: the same kubelet's status, with the host and pod IP it wrote.
    const before = await statusAt(journal, '2021-11-30T15:28:40Z');
    expect(before.hostIP).toBe('192.168.49.2');
    expect(before.podIP).toBe('192.168.49.2');
    expect(before.containerStatuses?.length).toBe(1);
    expect(newerFields(before)).toEqual([]);
  });
});
