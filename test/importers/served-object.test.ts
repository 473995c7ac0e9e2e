/**
 * `get pods -A -o json --at T` of an imported file is, at each instant T a pod object was captured, that object
 * field for field (kubectl hides `managedFields`): every pod-object file in test/fixtures/real (PodLists, kubelet
 * `/pods`, watch streams, bare Pods, audit response objects), each imported alone, in one journal per file.
 *
 * Among what this holds: Open OnDemand's `kubectl get pod -o json` answers (a 2020–2021 cluster) show no
 * `metadata.generation` (an API server before v1.33 wrote none), their `selfLink` (removed in v1.20), their
 * `resourceVersion`, and the `qosClass` their API server computed at the creation; the k3s v1.33 bundle's PodLists
 * (containerd 2.0) the user the runtime resolved from the image, not the spec's; a 2018 kubelet's back-off message in
 * its own words (`Back-off 40s restarting …`, where v1.36 writes `back-off`).
 *
 * Two differences are intended, and asserted: a kubelet's own `/pods` keeps the `resourceVersion` of the object it
 * received, not the one the API server holds at the capture, so podj shows none; and it lists a static pod without
 * `creationTimestamp` (the kubelet made it from a file), which `-o json` prints as Go's zero `metav1.Time`, `null`.
 * Fields some files' authors stripped from what their cluster served are asserted too (`EDITED`).
 */
import { describe, expect, it } from 'vitest';
import type { RawPod } from './kubectl-rows.js';
import { NOT_COMPARED, capturesOf, dataFiles, eachCaptureInstant, type Capture } from './real-captures.js';

type Json = Record<string, unknown>;
type Path = ReadonlyArray<string | number>;

/** The captured object as kubectl serves it alone: its kind named (a list's items may not), managedFields hidden. */
const served = (pod: RawPod): Json => {
  const { managedFields: _hidden, ...metadata } = pod.metadata;
  return { apiVersion: 'v1', kind: 'Pod', ...pod, metadata };
};

/**
 * Fields the files' authors took out of what their cluster served (`test/fixtures/real/README.md` says so of
 * each): podj writes them, as any API server or kubelet would have.
 */
const EDITED: Readonly<Record<string, (pod: RawPod) => Path[]>> = {
  // Derived by argo's authors from pod-pending.yaml by adding a deletionTimestamp alone; the API server sets both
  // (staging/src/k8s.io/apiserver/pkg/registry/rest/delete.go :: BeforeDelete).
  'argo-pod-deletion.yaml': () => [['metadata', 'deletionGracePeriodSeconds']],
  // flanksource/is-healthy's authors stripped every condition's times (a kubelet stamps lastTransitionTime, and
  // kubectl prints the zero lastProbeTime as null).
  'is-healthy-pod-init-error.yaml': (pod) => conditionTimes(pod),
  'is-healthy/pod-old-restarts.yaml': (pod) => conditionTimes(pod),
};
const conditionTimes = (pod: RawPod): Path[] =>
  (pod.status?.conditions ?? []).flatMap((_, i) => [['status', 'conditions', i, 'lastTransitionTime'], ['status', 'conditions', i, 'lastProbeTime']]);

/** The value at `path`, taken out of `object` (a copy made by the caller). */
const cut = (object: Json, path: Path): unknown => {
  const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown> | undefined)?.[k], object) as Record<string | number, unknown> | undefined;
  const key = path[path.length - 1] ?? '';
  const value = parent?.[key];
  if (parent !== undefined) delete parent[key];
  return value;
};

/**
 * podj's object and the captured one, with the intended differences set aside: each is checked (what the capture
 * holds there, what podj shows) and taken out of both.
 */
const setAside = (file: string, recorded: RawPod, shown: Json): { readonly ours: Json; readonly theirs: Json; readonly intended: string[] } => {
  const ours = structuredClone(shown);
  const theirs = structuredClone(served(recorded));
  const intended: string[] = [];
  const differs = (path: Path, expected: { readonly captured: (v: unknown) => boolean; readonly podj: (v: unknown) => boolean }, why: string): void => {
    const at = path.join('.');
    const pair = { captured: cut(theirs, path), podj: cut(ours, path) };
    expect({ at, captured: expected.captured(pair.captured), podj: expected.podj(pair.podj) }, `${file} ${why}: ${JSON.stringify(pair)}`).toEqual({ at, captured: true, podj: true });
    intended.push(`${at}: ${why}`);
  };
  const absent = (v: unknown): boolean => v === undefined;
  const present = (v: unknown): boolean => v !== undefined;
  // A kubelet marks each pod it got from the API server `config.source: api` (pkg/kubelet/config/common.go).
  if (recorded.metadata.annotations?.['kubernetes.io/config.source'] === 'api' && recorded.metadata.resourceVersion !== undefined)
    differs(['metadata', 'resourceVersion'], { captured: present, podj: absent }, "a kubelet's /pods keeps the version it received");
  if (recorded.metadata.creationTimestamp === undefined)
    differs(['metadata', 'creationTimestamp'], { captured: absent, podj: (v) => v === null }, 'a static pod its kubelet lists holds no creationTimestamp');
  for (const path of EDITED[file]?.(recorded) ?? []) differs(path, { captured: absent, podj: present }, 'its authors took it out');
  return { ours, theirs, intended };
};

/** Imports one file and compares every captured object at its capture instant; returns what differed, and what was set aside. */
const compareFile = async (file: string, all: readonly Capture[]): Promise<{ readonly differences: string[]; readonly intended: Set<string> }> => {
  const differences: string[] = [];
  const intended = new Set<string>();
  await eachCaptureInstant(file, all, async ({ iso, pods, listed }) => {
    for (const [ref, pod] of pods) {
      const shown = listed.get(ref);
      if (shown === undefined) {
        differences.push(`${iso} ${ref}: not listed`);
        continue;
      }
      const { ours, theirs, intended: set } = setAside(file, pod, shown as unknown as Json);
      set.forEach((s) => intended.add(s));
      differences.push(...fieldDifferences(ours, theirs, '').map((d) => `${iso} ${ref} ${d}`));
    }
  });
  return { differences, intended };
};

/** Each field where podj's object and the captured one differ, as `path: podj X, captured Y`. */
const fieldDifferences = (ours: unknown, theirs: unknown, path: string): string[] => {
  if (JSON.stringify(ours) === JSON.stringify(theirs)) return [];
  const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null;
  if (isRecord(ours) && isRecord(theirs) && Array.isArray(ours) === Array.isArray(theirs))
    return [...new Set([...Object.keys(ours), ...Object.keys(theirs)])].flatMap((k) => fieldDifferences(ours[k], theirs[k], `${path}.${k}`));
  return [`${path}: podj ${JSON.stringify(ours)}, captured ${JSON.stringify(theirs)}`];
};

describe('an imported object, served at its capture', async () => {
  const read = async (file: string) => ({ file, all: await capturesOf(file) });
  const files = (await Promise.all((await dataFiles()).filter((f) => NOT_COMPARED[f] === undefined).map(read))).filter((f) => f.all.length > 0);
  const intended = new Set<string>();
  for (const { file, all } of files)
    it(`${file}: get pods -A -o json --at each capture is the object the cluster served`, async () => {
      const { differences, intended: set } = await compareFile(file, all);
      set.forEach((s) => intended.add(s));
      expect(differences).toEqual([]);
    });
  it('the intended differences were each met (the files hold them)', () => {
    expect([...intended].sort()).toEqual([
      'metadata.creationTimestamp: a static pod its kubelet lists holds no creationTimestamp',
      "metadata.deletionGracePeriodSeconds: its authors took it out",
      "metadata.resourceVersion: a kubelet's /pods keeps the version it received",
      ...[0, 1, 2, 3].flatMap((i) => [`status.conditions.${i}.lastProbeTime: its authors took it out`, `status.conditions.${i}.lastTransitionTime: its authors took it out`]),
    ].sort());
  });
  it('the files of pod objects are found', () => expect(files.length).toBeGreaterThanOrEqual(120));
});
