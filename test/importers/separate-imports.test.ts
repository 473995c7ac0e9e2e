/**
 * Pods and their Events imported apart (a `podj import` each), in either order, answer as one joint import: `get pods
 * --at` and `describe --at` at every instant the objects were captured, `get events` (table and `-o json`), and each
 * pod's `-o json`. Imported first, the objects imply runs their Events later record (`restartCount` runs placed on the
 * back-off curve, a start without the kubelet's words): the Events' import supersedes those records
 * (`RecordsSuperseded`, src/importers/README.md), and `verify` (the chain and every snapshot), an export imported into
 * another journal, and importing the Events again keep the answers. Recordings: the k3s v1.33 support bundle (both
 * namespaces, a crash-looping pod, a Job pod that ran three times) and k8shark's crash loop (v1.36.1).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { real } from './fixtures.js';
import { importedIn, scratch } from './imported-journals.js';
import { podj } from './podj-in-process.js';

/** The instants the objects were captured (the PodList's items: its latest time). */
const captureInstants = async (journal: string): Promise<string[]> => {
  const listed = await podj('events', '--journal', journal, '-o', 'jsonl');
  const instants = listed.stdout
    .split('\n')
    .filter((l) => l.includes('"PodObserved"'))
    .map((l) => (JSON.parse(l) as { event: { at: string } }).event.at);
  return [...new Set(instants)].sort();
};

/** What the cluster showed, as podj answers it: per capture instant, then at the end. */
const answers = async (journal: string, namespace: string, instants: readonly string[]): Promise<string[]> => {
  const ns = ['-n', namespace, '--journal', journal];
  const out: string[] = [];
  for (const at of instants) {
    const listed = await podj('get', 'pods', '-o', 'wide', '--at', at, ...ns);
    const described = await podj('describe', 'pods', '--at', at, ...ns);
    out.push(`get pods --at ${at}\n${listed.stdout}${listed.stderr}`, `describe --at ${at}\n${described.stdout}${described.stderr}`);
  }
  const names = (await podj('get', 'pods', '-o', 'name', ...ns)).stdout.split('\n').filter((l) => l !== '');
  for (const name of names) out.push(`${name} -o json\n${(await podj('get', name, '-o', 'json', ...ns)).stdout}`);
  const events = await podj('get', 'events', ...ns);
  const eventsJson = await podj('get', 'events', '-o', 'json', ...ns);
  out.push(`get events\n${events.stdout}${events.stderr}`, `get events -o json\n${eventsJson.stdout}`);
  return out;
};

/**
 * `atCaptures`: compared at every capture instant too. Not the k3s bundle's `default`: backend-api's first run, which
 * the PodList's import placed at the pod's creation instant (20:50:19), keeps that time in the fold where the Events
 * time it at 20:50:20, until the next exit (src/importers/README.md, Re-importing); its answers from 20:50:44 on agree.
 */
const RECORDINGS = [
  { name: 'the k3s bundle, kube-system', namespace: 'kube-system', pods: real('troubleshoot/pods-kube-system.json'), events: real('troubleshoot/events-kube-system.json'), atCaptures: true },
  { name: 'the k3s bundle, default', namespace: 'default', pods: real('troubleshoot/pods-default.json'), events: real('troubleshoot/events-default.json'), atCaptures: false },
  { name: "k8shark's crash loop", namespace: 'crash-demo', pods: real('crash-loop-pods.json'), events: real('crash-loop-events.json'), atCaptures: true },
];

describe('pods and their Events imported apart answer as one import', () => {
  for (const r of RECORDINGS) {
    it(`${r.name}: pods first, Events first and both at once`, async () => {
      const joint = await importedIn([r.pods, r.events]);
      const instants = await captureInstants(joint);
      expect(instants.length).toBeGreaterThan(0);
      const podsFirst = await importedIn([r.pods], [r.events]);
      const shown = r.atCaptures ? instants : [];
      expect(await answers(podsFirst, r.namespace, shown), 'pods first').toEqual(await answers(joint, r.namespace, shown));
      // Events first: the end as a joint import shows it (the runs the Events imply are placed apart from the objects' exits)
      expect(await answers(await importedIn([r.events], [r.pods]), r.namespace, []), 'Events first').toEqual(await answers(joint, r.namespace, []));

      // The chain and every snapshot check out; the Events again add nothing; an export restored elsewhere answers alike.
      const verified = await podj('verify', '--journal', podsFirst);
      expect(verified.code, verified.stdout + verified.stderr).toBe(0);
      const again = await podj('import', '--journal', podsFirst, r.events);
      expect(again.stdout).toMatch(/imported 0 new events/);
      const exported = join(scratch('podj-separate-'), 'export.jsonl');
      const exportLines = await podj('export', '--journal', podsFirst);
      expect(exportLines.code).toBe(0);
      writeFileSync(exported, exportLines.stdout);
      expect(await answers(await importedIn([exported]), r.namespace, shown)).toEqual(await answers(podsFirst, r.namespace, shown));
    });
  }

  it("the Events' records replace the runs the PodList's import placed: helm-install-traefik's three runs as its Events time them", async () => {
    const journal = await importedIn([real('troubleshoot/pods-kube-system.json')], [real('troubleshoot/events-kube-system.json')]);
    const described = await podj('describe', 'pod', 'helm-install-traefik-vdfpr', '-n', 'kube-system', '--journal', journal);
    // recorded: the first creation at 20:40:06 (32s before the bundle's end), none placed at 20:39:46 (52s)
    expect(described.stdout).toMatch(/Normal +Created +15s \(x3 over 32s\) +kubelet +spec\.containers\{helm\}: Created container: helm$/m);
    expect(described.stdout).toMatch(/Normal +Started +15s \(x3 over 32s\) +kubelet +spec\.containers\{helm\}: Started container helm$/m);
    expect(described.stdout).not.toContain('(inferred)');
    const listed = await podj('events', '--journal', journal, '-o', 'jsonl');
    expect(listed.stdout).toContain('"RecordsSuperseded"');
  });

  it('a pod captured waiting CrashLoopBackOff shows it at the capture, whatever Events report the wait later', async () => {
    // backend-api exited at 20:53:27 and the PodList (20:53:31) shows it waiting `CrashLoopBackOff` 2m40s: the Events'
    // BackOff (x25, last 20:53:53) has its occurrences between placed, none in those 4 s.
    for (const journal of [
      await importedIn([real('troubleshoot/pods-default.json'), real('troubleshoot/events-default.json')]),
      await importedIn([real('troubleshoot/events-default.json')], [real('troubleshoot/pods-default.json')]),
    ]) {
      const listed = await podj('get', 'pods', 'backend-api-75fb46b7bd-xtkrh', '-n', 'default', '--at', '2025-09-11T20:53:31Z', '--journal', journal);
      expect(listed.stdout).toMatch(/^backend-api-75fb46b7bd-xtkrh +0\/1 +CrashLoopBackOff +5 \(4s ago\) +3m12s$/m);
      const events = await podj('describe', 'pod', 'backend-api-75fb46b7bd-xtkrh', '-n', 'default', '--journal', journal);
      expect(events.stdout).toMatch(/Warning +BackOff +0s \(x25 over 3m30s\)/);
    }
  });
});
