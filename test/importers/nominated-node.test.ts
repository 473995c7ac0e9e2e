/**
 * `status.nominatedNodeName`, the node the scheduler nominated for a pod that preempted others there
 * (`pkg/scheduler/schedule_one.go :: handleSchedulingFailure` writes it with the PodScheduled condition; core/v1
 * `types.go :: PodStatus.NominatedNodeName`): an imported object that states it keeps it (`get pods -o wide`'s
 * NOMINATED NODE, describe's `NominatedNodeName:`, `-o json`), and a later object without it clears it; a binding
 * clears it too (`storage.go :: setPodNodeAndMetadata`, gate ClearingNominatedNodeNameAfterBinding, on since v1.35).
 *
 * No public recording of a nominated pod was found (the code corpus holds the field only in type definitions, client
 * tests and tutorials), so the stream here is derived from a real one, and says so: Open OnDemand's unschedulable pod
 * (`ood/single_unscheduleable_pod.json`, Pending, `Unschedulable`) as a watch stream would show the scheduler's later
 * writes: the same object with a nomination (and the scheduler's `managedFields` entry timing the write, as API
 * servers since v1.18 record it), then without (a later attempt's write, `ModeOverride` with no node).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import { instantOf } from '../../src/k8s/codecs.js';
import { emptyCluster, findPod, foldCluster } from '../../src/reducers/index.js';
import { imported, real } from './fixtures.js';
import { podj, tableRows } from './podj-in-process.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

type Json = Record<string, unknown>;
const RECORDED = JSON.parse(readFileSync(real('ood/single_unscheduleable_pod.json'), 'utf8')) as Json & { metadata: Json; status: Json };
const NOMINATED_AT = '2020-04-22T18:37:05Z';
const CLEARED_AT = '2020-04-22T18:38:40Z';

/** The recorded object as the scheduler's status write at `at` left it, nominating `node` (or none). */
const written = (at: string, node: string | undefined): Json => ({
  ...RECORDED,
  metadata: { ...RECORDED.metadata, managedFields: [{ manager: 'kube-scheduler', operation: 'Update', apiVersion: 'v1', subresource: 'status', time: at }] },
  status: node === undefined ? RECORDED.status : { ...RECORDED.status, nominatedNodeName: node },
});

const streamFile = (lines: readonly Json[]): string => {
  const dir = mkdtempSync(join(tmpdir(), 'podj-nominated-'));
  dirs.push(dir);
  const file = join(dir, 'pods.watch.jsonl');
  writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return file;
};

const STREAM = [
  { type: 'ADDED', object: RECORDED },
  { type: 'MODIFIED', object: written(NOMINATED_AT, 'kubeworker02-dev') },
  { type: 'MODIFIED', object: written(CLEARED_AT, undefined) },
];

describe("the scheduler's nominated node, imported", () => {
  it('shows from the object that states it until one that does not (get -o wide, describe, -o json)', async () => {
    const file = streamFile(STREAM);
    const journal = join(dirs[dirs.length - 1] ?? '', 'journal');
    const done = await podj('import', '--journal', journal, file);
    expect(done.code, done.stderr).toBe(0);
    const at = async (instant: string) => {
      const wide = await podj('get', 'pods', '-n', 'johrstrom', '-o', 'wide', '--at', instant, '--journal', journal);
      const described = await podj('describe', 'pod', 'bash', '-n', 'johrstrom', '--at', instant, '--journal', journal);
      const json = await podj('get', 'pod', 'bash', '-n', 'johrstrom', '-o', 'json', '--at', instant, '--journal', journal);
      for (const out of [wide, described, json]) expect(out.code, out.stderr).toBe(0);
      return {
        column: tableRows(wide.stdout)[0]?.['NOMINATED NODE'],
        line: /^NominatedNodeName:\s*(.*)$/m.exec(described.stdout)?.[1] ?? null,
        field: (JSON.parse(json.stdout) as { status: { nominatedNodeName?: string } }).status.nominatedNodeName ?? null,
      };
    };
    const none = { column: '<none>', line: null, field: null };
    expect(await at('2020-04-22T18:36:30Z')).toEqual(none);
    expect(await at(NOMINATED_AT)).toEqual({ column: 'kubeworker02-dev', line: 'kubeworker02-dev', field: 'kubeworker02-dev' });
    expect(await at('2020-04-22T18:38:39Z')).toEqual({ column: 'kubeworker02-dev', line: 'kubeworker02-dev', field: 'kubeworker02-dev' });
    expect(await at(CLEARED_AT)).toEqual(none);
  });

  it("-o json places it where the API's PodStatus holds it: after the reason fields, before the addresses", async () => {
    const { events } = await imported([streamFile(STREAM.slice(0, 2))]);
    const pod = findPod(foldCluster(events, emptyCluster), 'johrstrom', 'bash')?.pod;
    const keys = Object.keys(pod?.status ?? {}).filter((k) => ['phase', 'message', 'reason', 'nominatedNodeName', 'hostIP', 'qosClass'].includes(k));
    expect(keys).toEqual(['phase', 'nominatedNodeName', 'qosClass']);
  });

  it('a binding clears it (the API server v1.35+)', async () => {
    const { events } = await imported([streamFile(STREAM.slice(0, 2))]);
    const created = events.find((e) => e.type === 'PodCreated');
    expect(created?.type).toBe('PodCreated');
    if (created?.type !== 'PodCreated') return;
    const bound: Event = { type: 'PodBound', v: 1, at: instantOf(Date.parse('2020-04-22T18:39:00Z')), source: 'scheduler', pod: created.pod, node: 'kubeworker02-dev' };
    expect(findPod(foldCluster(events, emptyCluster), 'johrstrom', 'bash')?.pod.status?.nominatedNodeName).toBe('kubeworker02-dev');
    const after = findPod(foldCluster([...events, bound], emptyCluster), 'johrstrom', 'bash')?.pod;
    expect(after?.spec.nodeName).toBe('kubeworker02-dev');
    expect(after?.status?.nominatedNodeName).toBeUndefined();
  });

  it("the kubelet's statuses keep it (it never writes it): a bound pod an older API server left nominated", async () => {
    // Open OnDemand's running pod (2020: API servers kept the nomination after the binding until v1.35), nominated.
    const running = JSON.parse(readFileSync(real('ood/single_running_pod.json'), 'utf8')) as Json & { status: Json };
    const { events } = await imported([streamFile([{ type: 'ADDED', object: { ...running, status: { ...running.status, nominatedNodeName: 'kubeworker01-dev' } } }])]);
    const started = events.find((e) => e.type === 'ContainerStarted' && e.container === 'jupyter');
    expect(started?.type).toBe('ContainerStarted');
    if (started?.type !== 'ContainerStarted') return;
    const exited: Event = { v: 1, type: 'ContainerExited', at: instantOf(Date.parse('2020-04-16T19:00:00Z')), source: 'runtime', pod: started.pod, container: started.container, containerID: started.containerID, exitCode: 0, reason: 'Completed' };
    const pod = findPod(foldCluster([...events, exited], emptyCluster), 'johrstrom', 'jupyter-bmurb8sa')?.pod;
    expect(pod?.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False'); // a status generated after the exit
    expect(pod?.status?.nominatedNodeName).toBe('kubeworker01-dev');
  });
});
