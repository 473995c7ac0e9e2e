/**
 * A static pod and its mirror, imported from the two places that show them: newrelic's minikube v1.35 run
 * (test/fixtures/real/, README there) holds the API server's objects (`kubectl get pods -A -o yaml`: each static
 * pod's mirror, uid of its own, `creationTimestamp`, `kubernetes.io/config.mirror`) and the kubelet's own `/pods`
 * of the same node and minute (each static pod under the uid of its config hash, without `creationTimestamp`).
 * They are one pod (pkg/kubelet/pod/mirror_client.go :: IsMirrorPodOf) and kubectl shows the mirror: however the
 * two files are imported, together or one after the other, podj must show what the API server's objects alone
 * show. Before, the kubelet's copy took the name over (AGE `<unknown>`, the config-hash uid, no mirror annotation).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { real } from './fixtures.js';
import { podj } from './podj-in-process.js';

const API = real('newrelic-minikube-v1.35-pods.yaml');
const KUBELET = real('newrelic-minikube-v1.35-kubelet-pods.json');
const STATIC_PODS = ['etcd-datagen-1-35', 'kube-apiserver-datagen-1-35', 'kube-controller-manager-datagen-1-35', 'kube-scheduler-datagen-1-35'];

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A fresh journal with each group of files imported in turn (one `podj import` per group). */
const journalOf = async (...imports: ReadonlyArray<readonly string[]>): Promise<string[]> => {
  const dir = mkdtempSync(join(tmpdir(), 'podj-static-mirror-'));
  dirs.push(dir);
  const journal = ['--journal', join(dir, 'journal')];
  for (const files of imports) {
    const out = await podj('import', ...journal, ...files);
    expect(out.code, out.stderr).toBe(0);
  }
  return journal;
};

/** What podj answers about the static pods: the wide table, and each one's object and describe. */
const answers = async (journal: readonly string[]): Promise<unknown[]> => {
  const table = await podj('get', 'pods', '-A', '-o', 'wide', ...journal);
  const each = await Promise.all(
    STATIC_PODS.map(async (name) => [
      (await podj('get', 'pod', name, '-n', 'kube-system', '-o', 'json', ...journal)).stdout,
      (await podj('describe', 'pod', name, '-n', 'kube-system', ...journal)).stdout,
    ]),
  );
  return [table.stdout, ...each.flat()];
};

describe('a static pod imported from its kubelet and its mirror from the API server', async () => {
  const apiOnly = await journalOf([API]);
  const expected = await answers(apiOnly);

  it('the API server alone shows each mirror with its own uid and creationTimestamp', async () => {
    const out = await podj('get', 'pod', 'etcd-datagen-1-35', '-n', 'kube-system', '-o', 'json', ...apiOnly);
    const pod = JSON.parse(out.stdout) as { metadata: { uid: string; creationTimestamp: string; annotations: Record<string, string> } };
    expect(pod.metadata.uid).toBe('0a29c6e7-a93e-426e-9148-c4186efc55c4');
    expect(pod.metadata.creationTimestamp).toBe('2026-06-26T10:12:13Z');
    expect(pod.metadata.annotations['kubernetes.io/config.mirror']).toBe('eaf7d48161d81d9c3359e1c008571fd6');
  });

  it.each([
    ['both at once, API objects first', [[API, KUBELET]]],
    ['both at once, kubelet first', [[KUBELET, API]]],
    ['the API objects, then the kubelet', [[API], [KUBELET]]],
    ['the kubelet, then the API objects', [[KUBELET], [API]]],
  ] as const)('%s: podj shows what the API server showed', async (_, imports) => {
    expect(await answers(await journalOf(...imports))).toEqual(expected);
  });

  it("the kubelet's /pods alone still shows its static pods, under their config-hash uids", async () => {
    const journal = await journalOf([KUBELET]);
    const out = await podj('get', 'pod', 'etcd-datagen-1-35', '-n', 'kube-system', '-o', 'json', ...journal);
    expect(out.code, out.stderr).toBe(0);
    expect((JSON.parse(out.stdout) as { metadata: { uid: string } }).metadata.uid).toBe('eaf7d48161d81d9c3359e1c008571fd6');
  });
});

/**
 * A kubelet's own `/pods` imported before the API server's objects of the same pods (newrelic's minikube v1.35 run:
 * test/fixtures/real/, README there). The kubelet's copy of each pod it got from the API server carries its own
 * annotations, `kubernetes.io/config.seen` and `kubernetes.io/config.source: api` (pkg/kubelet/config/config.go ::
 * podStorage.merge), and the object as the kubelet first saw it (a Job pod's `batch.kubernetes.io/job-tracking`
 * finalizer, removed since); the API server's object has none of them. The API server's object wins: imported
 * kubelet first, API objects first, or together, podj answers the same.
 */
interface Listed {
  readonly items: ReadonlyArray<{ readonly metadata: { readonly name: string; readonly annotations?: Record<string, string>; readonly finalizers?: string[] } }>;
}

describe("ordinary pods: a kubelet's /pods imported before the API server's objects", async () => {
  const apiFirst = await journalOf([API], [KUBELET]);
  const kubeletFirst = await journalOf([KUBELET], [API]);
  const together = await journalOf([API, KUBELET]);

  it("shows no pod with the kubelet's own annotations, as the API server's objects show them", async () => {
    const listed = JSON.parse((await podj('get', 'pods', '-A', '-o', 'json', ...kubeletFirst)).stdout) as Listed;
    const marked = listed.items.filter((p) => p.metadata.annotations?.['kubernetes.io/config.source'] === 'api').map((p) => p.metadata.name);
    expect(marked).toEqual([]);
    const coredns = await podj('describe', 'pod', 'coredns-7d764666f9-qdcxt', '-n', 'kube-system', ...kubeletFirst);
    expect(coredns.stdout).toMatch(/^Annotations:\s+<none>$/m);
    const job = listed.items.find((p) => p.metadata.name === 'e2e-failjob-4kj9v');
    expect(job?.metadata.finalizers).toBeUndefined();
  });

  it.each([
    ['-o', 'json'],
    ['-o', 'wide'],
  ])('get pods -A %s %s: the same whichever was imported first, or both together', async (...flags) => {
    const answer = async (journal: readonly string[]): Promise<string> => (await podj('get', 'pods', '-A', ...flags, ...journal)).stdout;
    const expected = await answer(apiFirst);
    expect(await answer(kubeletFirst)).toBe(expected);
    expect(await answer(together)).toBe(expected);
  });

  it('importing either file again adds nothing', async () => {
    for (const file of [API, KUBELET]) {
      const again = await podj('import', ...kubeletFirst, file);
      expect(`${again.stdout}${again.stderr}`).toMatch(/: 0 imported, \d+ already present/);
    }
  });
});
