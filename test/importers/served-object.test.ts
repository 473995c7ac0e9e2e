/**
 * `get pod -o json` of an imported pod at its capture is the object the cluster served, field for field (kubectl
 * hides `managedFields`): Open OnDemand's `kubectl get pod -o json` answers (a 2020–2021 cluster) show no
 * `metadata.generation` (an API server before v1.33 wrote none), their `selfLink` (removed in v1.20), their
 * `resourceVersion`, and the `qosClass` their API server computed at the creation: `BestEffort` for a pod whose app
 * requests cpu and memory, where the spec reads Burstable today. The k3s v1.33 bundle's PodLists (containerd 2.0,
 * which reports each run's user) show the user the runtime resolved from the image, not the spec's: coredns 65532,
 * the helm-install pods 1000 (no `runAsUser` in their specs); the k8shark and crash-loop captures, every other field.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { real } from './fixtures.js';
import { podj } from './podj-in-process.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface Served {
  readonly metadata: { readonly uid: string; readonly managedFields?: unknown };
}

/** The file's pod objects as kubectl serves them one by one (a list's items name their kind; managedFields hidden). */
const objectsOf = (file: string): Served[] => {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as Served & { readonly items?: Served[] };
  return (doc.items ?? [doc]).map((o) => {
    const { managedFields: _hidden, ...metadata } = o.metadata;
    return { apiVersion: 'v1', kind: 'Pod', ...o, metadata };
  });
};

describe('an imported object, served at its capture', () => {
  it.each([
    'ood/single_running_pod.json',
    'ood/several_pods.json',
    'ood/single_completed_pod.json',
    'ood/single_crash_loop_pod.json',
    'ood/single_error_pod.json',
    'ood/single_image_error_pod.json',
    'ood/single_queued_pod.json',
    'ood/single_queued_w_running_init_ctrs_pod.json',
    'ood/single_running_pod_not_ready.json',
    'ood/single_unscheduleable_pod.json',
    'ood/ns_prefixed_pod.json',
    'troubleshoot/pods-default.json',
    'troubleshoot/pods-kube-system.json',
    'k8shark-basic-workloads-pods.json',
    'k8shark-team-backend-pods.json',
    'crash-loop-pods.json',
  ])('%s: get pods -o json is the object the cluster served', async (name) => {
    const dir = mkdtempSync(join(tmpdir(), 'podj-served-object-'));
    dirs.push(dir);
    const journal = join(dir, 'journal');
    const done = await podj('import', '--journal', journal, real(name));
    expect(done.code, done.stderr).toBe(0);
    const listed = await podj('get', 'pods', '-A', '-o', 'json', '--journal', journal);
    expect(listed.code, listed.stderr).toBe(0);
    const served = new Map((JSON.parse(listed.stdout) as { items: Served[] }).items.map((p) => [p.metadata.uid, p]));
    for (const object of objectsOf(real(name))) expect(served.get(object.metadata.uid)).toEqual(object);
  });
});
