/**
 * Differential test on real data: every Pod object captured in test/fixtures/real (PodLists, kubelet `/pods`,
 * watch streams, bare Pods, audit response objects) is imported with podj's importers into a real LevelDB
 * journal, and at the object's capture instant `podj get pods -A -o wide --at T` and `podj describe pod --at T`
 * must show what kubectl shows for that very object (./kubectl-rows.ts, an independent reading of printPod and
 * describePod over the raw JSON; describe's container State/Last State lines carry startedAt and finishedAt),
 * and `get pods -A -o json --at T` the object's conditions with their lastTransitionTime, reason and message
 * (describe prints none of them), each container status's image (the name the runtime reported), and the fields
 * the status, each condition and each container status show (a field an older kubelet never wrote is not added),
 * and the pod-level `allocatedResources` and `resources` with their quantities.
 * Divergences still open are listed in `open` with why, and must still diverge.
 */
import { describe, expect, it } from 'vitest';
import { podj, tableRows } from './podj-in-process.js';
import { NOT_COMPARED, capturesOf, dataFiles, eachCaptureInstant } from './real-captures.js';
import {
  conditionTimes,
  conditionWords,
  describedConditions,
  describedContainer,
  describedPod,
  kubectlRow,
  statusImages,
  statusKeys,
  podLevelResources,
} from './kubectl-rows.js';

/** `Key:  value` at the top level of a describe. */
const topLine = (text: string, key: string): string | undefined => new RegExp(`^${key}:[ \\t]*(.*)$`, 'm').exec(text)?.[1]?.trim();

/** describe's section of one container: its State … Restart Count lines, spaces squeezed, Message lines left out. */
const containerLines = (text: string, name: string, names: readonly string[]): string[] | undefined => {
  const start = text.indexOf(`\n  ${name}:\n`);
  if (start < 0) return undefined;
  const lines = text.slice(start + 1).split('\n').slice(1);
  // The section ends at the next container (`  name:`) or section; a Message runs over lines at any indent.
  const end = lines.findIndex((l) => /^(Containers|Conditions|Readiness Gates|Volumes):/.test(l) || names.some((n) => l === `  ${n}:`));
  const body = lines.slice(0, end < 0 ? lines.length : end);
  const from = body.findIndex((l) => /^ {4}State:/.test(l));
  const to = body.findIndex((l) => /^ {4}Restart Count:/.test(l));
  if (from < 0) return [];
  return body
    .slice(from, to + 1)
    .filter((l) => /^ {4}(State|Last State|Ready|Restart Count):|^ {6}(Reason|Exit Code|Signal|Started|Finished):/.test(l))
    .map((l) => l.trim().replace(/:\s+/, ': '));
};

/** describe's Conditions table: `Type Status` per row. */
const conditionLines = (text: string): string[] => {
  const at = text.indexOf('\nConditions:\n');
  if (at < 0) return [];
  const rows = text.slice(at + 13).split('\n');
  const body = rows.slice(1, rows.findIndex((l, i) => i > 0 && !l.startsWith('  ')));
  return body.map((l) => l.trim().split(/\s+/).slice(0, 2).join(' '));
};

interface Divergence {
  readonly file: string;
  readonly at: string;
  readonly pod: string;
  readonly what: string;
  readonly podj: unknown;
  readonly kubectl: unknown;
}

/** Imports one file and compares every captured pod at its capture instant; returns the divergences and the pods checked. */
const compareFile = async (file: string): Promise<{ checked: number; divergences: Divergence[] }> => {
  const divergences: Divergence[] = [];
  let checked = 0;
  await eachCaptureInstant(file, await capturesOf(file), async ({ at, iso, pods, listed, journal }) => {
    const table = await podj('get', 'pods', '-A', '-o', 'wide', '--at', iso, ...journal);
    expect(table.code, table.stderr).toBe(0);
    const rows = tableRows(table.stdout);
    for (const [ref, pod] of pods) {
      checked++;
      const diverge = (what: string, ours: unknown, theirs: unknown): void => {
        if (JSON.stringify(ours) !== JSON.stringify(theirs)) divergences.push({ file, at: iso, pod: ref, what, podj: ours, kubectl: theirs });
      };
      const [namespace = '', name = ''] = ref.split('/');
      const row = rows.find((r) => r['NAMESPACE'] === namespace && r['NAME'] === name);
      const expected = kubectlRow(pod, at);
      for (const [column, cell] of Object.entries(expected)) diverge(column, row?.[column], cell);
      const object = listed.get(ref);
      diverge('condition times (-o json)', object === undefined ? undefined : conditionTimes(object), conditionTimes(pod));
      diverge('condition reasons (-o json)', object === undefined ? undefined : conditionWords(object), conditionWords(pod));
      diverge('status images (-o json)', object === undefined ? undefined : statusImages(object), statusImages(pod));
      diverge('status fields (-o json)', object === undefined ? undefined : statusKeys(object), statusKeys(pod));
      diverge('pod-level resources (-o json)', object === undefined ? undefined : podLevelResources(object), podLevelResources(pod));

      const described = await podj('describe', 'pod', name, '-n', namespace, '--at', iso, ...journal);
      expect(described.code, described.stderr).toBe(0);
      const text = described.stdout.slice(0, described.stdout.indexOf('\nEvents:'));
      for (const [key, value] of Object.entries(describedPod(pod))) diverge(key, topLine(text, key)?.split(' (lasts')[0], value);
      diverge('Conditions', conditionLines(text), describedConditions(pod));
      const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
      const names = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => c.name);
      for (const c of names) {
        const status = statuses.find((s) => s.name === c);
        diverge(`container ${c}`, containerLines(text, c, names), status === undefined ? [] : describedContainer(status));
      }
    }
  });
  return { checked, divergences };
};

/**
 * Divergences known and not fixed yet, each a rule over the divergence with why. A divergence no rule covers
 * fails the test; a rule that no longer covers one where it is seen fails too (fixed: remove it).
 */
interface Open {
  readonly why: string;
  /** The files it is seen in, each of which must still show it; without, any file, and some must. */
  readonly files?: readonly string[];
  readonly covers: (d: Divergence) => boolean;
}
/**
 * What a `status fields (-o json)` divergence adds or lacks, as `<where> +key` (podj shows a field the object did
 * not) or `<where> -key` (it lacks one): `where` is `status`, `condition` or `container`.
 */
const fieldChanges = (d: Divergence): string[] => {
  const byPlace = (lines: unknown): Map<string, Set<string>> =>
    new Map((Array.isArray(lines) ? lines : []).map((l) => String(l)).map((l) => [l.slice(0, l.lastIndexOf(' ')), new Set(l.slice(l.lastIndexOf(' ') + 1).split(','))]));
  const ours = byPlace(d.podj);
  const theirs = byPlace(d.kubectl);
  return [...new Set([...ours.keys(), ...theirs.keys()])].flatMap((place) => {
    const a = ours.get(place) ?? new Set<string>();
    const b = theirs.get(place) ?? new Set<string>();
    const where = place.split(' ')[0] ?? '';
    return [...[...a].filter((k) => !b.has(k)).map((k) => `${where} +${k}`), ...[...b].filter((k) => !a.has(k)).map((k) => `${where} -${k}`)];
  });
};
const onlyFieldChanges = (d: Divergence, allowed: readonly string[]): boolean =>
  d.what === 'status fields (-o json)' && fieldChanges(d).every((c) => allowed.includes(c));

const open: readonly Open[] = [
  {
    why: "flanksource/is-healthy's stripped lastTransitionTime (below): podj shows one on each condition",
    files: ['is-healthy-pod-init-error.yaml', 'is-healthy/pod-old-restarts.yaml'],
    covers: (d) => onlyFieldChanges(d, ['condition +lastTransitionTime']),
  },
  {
    why:
      "flanksource/is-healthy's authors stripped every condition's lastTransitionTime from these pods (kubectl -o json prints " +
      'null; a kubelet always stamps one), so podj shows the transitions at the facts it imported (startTime, the run shown)',
    files: ['is-healthy-pod-init-error.yaml', 'is-healthy/pod-old-restarts.yaml'],
    covers: (d) => d.what === 'condition times (-o json)' && Array.isArray(d.kubectl) && d.kubectl.every((l) => typeof l === 'string' && l.endsWith(' null')),
  },
];

/** The files that hold no pod object: Events (a must-gather's about leader election and bootstrap), audit lines of reads, of pods/exec and of a lease (the AKS record), a GKE node pool operation, a kubelet's `/pods` of no pod. */
const NO_PODS = new Set([
  'audit2rbac-demo.v1beta1.log', 'crash-loop-events.json', 'datadog/kubelet-pods-startup.json', 'elastic/aks-kube-audit.log', 'falco-exec-pod.no-apiversion.json', 'k8shark-auto-discovery-events-v1.json',
  'khi/gke-audit-nodepool-creation.yaml', 'must-gather-clean/kube-system-events.yaml', 'openshift-events-machine-api.json', 'rolling-update-events.json', 'troubleshoot/events-default.json',
  'troubleshoot/events-kube-system.json',
]);

describe("podj shows each captured pod as kubectl shows that object (printPod, describePod)", async () => {
  const files = (await dataFiles()).filter((f) => NOT_COMPARED[f] === undefined);
  const seen = new Set<Open>();
  for (const file of files) {
    it(file, async () => {
      const { checked, divergences } = await compareFile(file);
      const unexpected = divergences.filter((d) => !open.some((o) => (o.files?.includes(d.file) ?? true) && o.covers(d)));
      const fixed = open.filter((o) => o.files?.includes(file) === true && !divergences.some((d) => o.covers(d))).map((o) => o.why);
      for (const o of open) if (divergences.some((d) => o.covers(d))) seen.add(o);
      expect({ file, unexpected, fixed }).toEqual({ file, unexpected: [], fixed: [] });
      // Every file with pod objects had its captures found.
      expect(checked === 0, file).toBe(NO_PODS.has(file));
    }, 120_000);
  }
  it('every open divergence is still seen (fixed ones leave the list)', () => {
    expect(open.filter((o) => !seen.has(o)).map((o) => o.why)).toEqual([]);
  });
});
