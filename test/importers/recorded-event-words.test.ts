/**
 * Imported Events print as the cluster recorded them. The support bundle of a k3s v1.33.4 cluster
 * (test/fixtures/real/troubleshoot/, README there) holds its pods and their Events; imported together into a real
 * LevelDB journal, `get events -o json` must list each of the bundle's Event objects about a pod once, with its
 * recorded type, reason, message, reporter and count. A v1.33 kubelet words `Created container: NAME`, `Started
 * container NAME` and `Pulled`'s already-present message without v1.36's `and can be accessed by the pod`; k3s'
 * kubelet restarted at 20:40, so several containers have two `Pulling` Event objects 15 s apart.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { real } from './fixtures.js';
import { podj } from './podj-in-process.js';
import { importedJournal } from '../support/imported-journal.js';

const FILES = ['pods-default.json', 'pods-kube-system.json', 'events-default.json', 'events-kube-system.json'].map((f) => real(`troubleshoot/${f}`));
/** The bundle's own time (its folder's name, 15:54:39 at UTC-5): every Event is within the API server's hour. */
const AT = '2025-09-11T20:54:39Z';

/** What kubectl shows of an Event, as the file holds it and as podj lists it. */
interface Shown {
  readonly object: string;
  readonly fieldPath: string;
  readonly type: string;
  readonly reason: string;
  readonly message: string;
  readonly source: string;
  readonly count: number;
}

interface RawEvent {
  readonly involvedObject: { readonly kind?: string; readonly namespace?: string; readonly name?: string; readonly fieldPath?: string };
  readonly type?: string;
  readonly reason: string;
  readonly message?: string;
  readonly source?: { readonly component?: string; readonly host?: string };
  readonly reportingComponent?: string;
  readonly reportingInstance?: string;
  readonly count?: number | null;
}

/** `printers.go :: formatEventSource`: the source's component, else the reporting controller; then its host, else the instance. */
const sourceOf = (e: RawEvent): string => {
  const component = e.source?.component || e.reportingComponent || '';
  const host = e.source?.host || e.reportingInstance || '';
  return host === '' ? component : `${component}, ${host}`;
};

const shownOf = (e: RawEvent): Shown => ({
  object: `${e.involvedObject.namespace ?? ''}/${e.involvedObject.name ?? ''}`,
  fieldPath: e.involvedObject.fieldPath ?? '',
  type: e.type ?? '',
  reason: e.reason,
  message: e.message ?? '',
  source: sourceOf(e),
  count: e.count ?? 1,
});

const key = (s: Shown): string => JSON.stringify(s);

const journal = importedJournal(FILES);

describe('a k3s v1.33 support bundle: imported Events print as recorded', () => {
  it('lists each Event object about a pod once, with its recorded type, reason, message, source and count', async () => {
    const recorded = (
      await Promise.all(FILES.filter((f) => f.includes('/events-')).map(async (f) => (JSON.parse(await readFile(f, 'utf8')) as { items: RawEvent[] }).items))
    )
      .flat()
      .filter((e) => e.involvedObject.kind === 'Pod')
      .map(shownOf);
    const listed = await podj('get', 'events', '-A', '-o', 'json', '--at', AT, ...journal());
    expect(listed.code, listed.stderr).toBe(0);
    const rows = (JSON.parse(listed.stdout) as { items: RawEvent[] }).items.map(shownOf);
    const podjCounts = new Map<string, number>();
    for (const r of rows) podjCounts.set(key(r), (podjCounts.get(key(r)) ?? 0) + 1);
    const fileCounts = new Map<string, number>();
    for (const r of recorded) fileCounts.set(key(r), (fileCounts.get(key(r)) ?? 0) + 1);
    // Every reason the bundle holds about a pod (event-reasons.ts maps each of them).
    expect(new Set(recorded.map((r) => r.reason))).toEqual(new Set(['Scheduled', 'FailedScheduling', 'Pulling', 'Pulled', 'Created', 'Started', 'BackOff', 'Killing', 'Unhealthy']));
    expect(recorded).toHaveLength(86);
    const missing = [...fileCounts].filter(([k, n]) => podjCounts.get(k) !== n).map(([k, n]) => `${k} x${n} (podj: ${podjCounts.get(k) ?? 0})`);
    expect(missing).toEqual([]);
  });

  it("words a v1.33 kubelet's Created, Started and already-present Pulled as it did", async () => {
    const described = await podj('describe', 'pod', 'helm-install-traefik-vdfpr', '-n', 'kube-system', '--at', AT, ...journal());
    expect(described.code, described.stderr).toBe(0);
    const messages = described.stdout.slice(described.stdout.indexOf('\nEvents:')).split('\n');
    const line = (reason: string, message: string): string | undefined => messages.find((l) => l.includes(` ${reason} `) && l.endsWith(`spec.containers{helm}: ${message}`));
    expect(line('Created', 'Created container: helm')).toMatch(/\(x3 over /);
    expect(line('Started', 'Started container helm')).toMatch(/\(x3 over /);
    expect(line('Pulled', 'Container image "rancher/klipper-helm:v0.9.8-build20250709" already present on machine')).toMatch(/\(x2 over /);
    expect(messages.filter((l) => l.includes('and can be accessed by the pod') || l.includes('Container created') || l.includes('Container started'))).toEqual([]);
  });

  it("takes a counted Created Event's first occurrence for the first of the runs a restartCount implies, the run between inferred", async () => {
    // helm-install-traefik-vdfpr: restartCount 2 (three runs), startTime 20:39:46; `Created` and `Started` x3 from
    // 20:40:06 to 20:40:23 say when the first and last runs were created and started, not the pod's start.
    const history = await podj('events', '-o', 'journal', '--for', 'pod/helm-install-traefik-vdfpr', '-n', 'kube-system', ...journal());
    expect(history.code, history.stderr).toBe(0);
    const runs = history.stdout.split('\n').filter((l) => / Container(Created|Started) /.test(l)).map((l) => l.split(/\s+/).filter((w) => /^20|^Container|^\(inferred\)$/.test(w)).join(' '));
    expect(runs).toEqual([
      '2025-09-11T20:40:06.000Z ContainerCreated',
      '2025-09-11T20:40:06.000Z ContainerStarted',
      '2025-09-11T20:40:09.500Z ContainerCreated (inferred)',
      '2025-09-11T20:40:09.500Z ContainerStarted (inferred)',
      '2025-09-11T20:40:23.000Z ContainerCreated',
      '2025-09-11T20:40:23.000Z ContainerStarted',
    ]);
    const described = await podj('describe', 'pod', 'helm-install-traefik-vdfpr', '-n', 'kube-system', '--at', '2025-09-11T20:40:38Z', ...journal());
    const created = described.stdout.split('\n').find((l) => /^\s+Normal\s+Created\s/.test(l));
    // as the cluster counted it: first 20:40:06 (32 s before), last 20:40:23; both recorded
    expect(created).toMatch(/^\s+Normal\s+Created\s+15s \(x3 over 32s\)\s+kubelet\s+spec\.containers\{helm\}: Created container: helm$/);
  });

  it('shows two Pulling Event objects of one container (a restarted kubelet) as two rows, as kubectl does', async () => {
    // Before the bundle's PodList of kube-system (20:40:38), which lacks it: its ReplicaSet deleted it at 20:40:04.
    const described = await podj('describe', 'pod', 'coredns-5688667fd4-v5z66', '-n', 'kube-system', '--at', '2025-09-11T20:40:30Z', ...journal());
    expect(described.code, described.stderr).toBe(0);
    const pulling = described.stdout.split('\n').filter((l) => /^\s+Normal\s+Pulling\s/.test(l));
    expect(pulling).toHaveLength(2);
    for (const l of pulling) {
      expect(l).not.toMatch(/\(x\d+ over/);
      expect(l).toMatch(/kubelet\s+spec\.containers\{coredns\}: Pulling image "rancher\/mirrored-coredns-coredns:1\.12\.1"$/);
    }
  });
});
