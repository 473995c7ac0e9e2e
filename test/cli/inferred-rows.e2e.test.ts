/**
 * `get pods --at` on imported data says when a row rests on facts the import inferred after the pod's last
 * capture (the source showed the pod only at other instants): runs a restart count implies, their back-off
 * waits. At a capture, and for what a watch stream showed, the row is what the cluster showed: no note (a watch
 * prints a row per write, and a write the import placed between two captures is noted). The
 * table keeps kubectl's columns, `-o json` stays a genuine v1 Pod; the note goes to stderr.
 */
import { describe, expect, it } from 'vitest';
import { realFixture, workspace } from './podj.js';
import { start } from './spawn.js';

const NOTE = /^note: inferred on import \(pod objects captured only at other instants, rows rest on placed facts\): (.*)\n$/m;
const noted = (stderr: string): string[] => NOTE.exec(stderr)?.[1]?.split(', ') ?? [];

describe('get pods --at marks rows resting on facts inferred since the last capture', () => {
  it('a PodList crash loop (restartCount 6): inside an earlier placed wait marked, at the capture not', () => {
    const { podj } = workspace();
    expect(podj('import', realFixture('crash-loop-pods.json')).code).toBe(0);
    const pod = 'crash-demo/flaky-worker-897c5486c-lfk2f';
    // The third run's exit at 21:06:12 and the 40 s wait after it were placed on the back-off curve.
    const inWait = podj('get', 'pods', '-A', '--at', '2026-07-22T21:06:20Z');
    expect(inWait.stdout).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\ncrash-demo\s+flaky-worker-897c5486c-lfk2f\s+0\/1\s+CrashLoopBackOff\s+3 \(8s ago\)\s+58s\n$/);
    expect(noted(inWait.stderr)).toEqual([pod]);
    // Every output says so on stderr; -o json is the Pod, nothing added to it.
    const json = podj('get', 'pods', '-A', '--at', '2026-07-22T21:06:20Z', '-o', 'json');
    expect(noted(json.stderr)).toEqual([pod]);
    const [item] = (JSON.parse(json.stdout) as { items: { metadata: { annotations?: object } }[] }).items;
    expect(Object.keys(item ?? {})).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(item?.metadata.annotations ?? {}).toEqual({});
    expect(noted(podj('get', 'pods', '-A', '--at', '2026-07-22T21:06:20Z', '--sort-by', '.metadata.name').stderr)).toEqual([pod]);
    // The capture (its latest time, managedFields at 21:12:32): what the cluster showed.
    const captured = podj('get', 'pods', '-A', '--at', '2026-07-22T21:12:32Z');
    expect(captured.stdout).toMatch(/CrashLoopBackOff\s+6 \(83s ago\)\s+7m10s\n$/);
    expect(captured.stderr).toBe('');
    expect(podj('get', 'pods', '-A').stderr).toBe('');
  });

  it('the PodList with its Events: placed back-offs before the capture are vouched for by it, those after it are not', () => {
    const { podj } = workspace();
    expect(podj('import', realFixture('crash-loop-pods.json'), realFixture('crash-loop-events.json')).code).toBe(0);
    const at = (t: string): string[] => noted(podj('get', 'pods', '-n', 'crash-demo', '--at', t).stderr);
    expect(at('2026-07-22T21:06:20Z')).toEqual(['crash-demo/flaky-worker-897c5486c-lfk2f']);
    expect(at('2026-07-22T21:12:32Z')).toEqual([]);
    expect(at('2026-07-22T21:12:40Z')).toEqual([]);
    // A BackOff occurrence the Events' count places after the capture, before their recorded last (21:13:57).
    expect(at('2026-07-22T21:13:20Z')).toEqual(['crash-demo/flaky-worker-897c5486c-lfk2f']);
    expect(at('2026-07-22T21:13:57Z')).toEqual([]);
  });

  it('an init container crash loop of a month (7,527 restarts, rows from snapshots): marked before the capture, not at it', () => {
    const { podj } = workspace();
    expect(podj('import', realFixture('openshift-vsystem-init-crashloop.json')).code).toBe(0);
    const before = podj('get', 'pods', '-A', '--at', '2024-04-10T00:00:00Z');
    expect(before.stdout).toMatch(/vsystem-867f4b77cc-pqcns\s+0\/2\s+Init:0\/1\s+3429 /);
    expect(noted(before.stderr)).toEqual(['di-288312/vsystem-867f4b77cc-pqcns']);
    expect(podj('get', 'pods', '-A', '--at', '2024-04-27T09:54:24Z').stderr).toBe('');
  });

  it("a watch stream's states were each observed: no row is marked at any instant of it", () => {
    const { podj } = workspace();
    expect(podj('import', realFixture('rolling-update-pods.watch.jsonl')).code).toBe(0);
    const instants = new Set(
      podj('events', '-o', 'jsonl')
        .stdout.split('\n')
        .filter((l) => l !== '')
        .map((l) => (JSON.parse(l) as { event: { at: string } }).event.at),
    );
    expect(instants.size).toBeGreaterThan(5);
    for (const t of instants) {
      const r = podj('get', 'pods', '-A', '--at', t);
      expect({ t, code: r.code, stderr: r.stderr }).toEqual({ t, code: 0, stderr: '' });
    }
  });
});

describe('get pods -w says it on stderr too, as get pods --at does', () => {
  /** The notes of a watch played to its last row (`last`), then interrupted. */
  const watched = async (journal: string, last: RegExp, ...flags: string[]): Promise<{ stdout: string; notes: string[] }> => {
    const watch = start(['get', 'pods', '-A', '-w', ...flags, '--journal', journal]);
    await watch.waitFor(last);
    watch.proc.kill('SIGINT');
    expect(await watch.exit).toBe(1);
    return { stdout: watch.stdout(), notes: watch.stderr().split('\n').filter((l) => l !== '') };
  };

  it('a PodList crash loop: a row resting on placed runs is noted as it is printed, and only such rows', async () => {
    const { podj, journal } = workspace();
    expect(podj('import', realFixture('crash-loop-pods.json')).code).toBe(0);
    const { stdout, notes } = await watched(journal, /CrashLoopBackOff\s+6 .*\n$/);
    const rows = stdout.trimEnd().split('\n').slice(1);
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((n) => noted(`${n}\n`).join() === 'crash-demo/flaky-worker-897c5486c-lfk2f')).toBe(true);
    // The first rows (created, bound, admitted, the first start: recorded) are what the cluster showed.
    expect(notes.length).toBeLessThan(rows.length);
    // -o json: each changed Pod on stdout, as kubectl's watch prints them, the same notes on stderr.
    const json = await watched(journal, /"reason": "CrashLoopBackOff"/, '-o', 'json');
    expect(json.notes.length).toBeGreaterThan(0);
    expect(json.notes.every((n) => noted(`${n}\n`).join() === 'crash-demo/flaky-worker-897c5486c-lfk2f')).toBe(true);
  });

  it("a watch stream: no row is noted; a pod known only from its Events: noted as such", async () => {
    const stream = workspace();
    expect(stream.podj('import', realFixture('rolling-update-pods.watch.jsonl')).code).toBe(0);
    // A row per captured object: a new pod's IP and container creation, placed by the import from the capture that
    // shows it Running, are that capture's write, whatever other pods' facts of its second come between them; and
    // each capture follows its own facts, so no row rests on a fact placed after the pod's last capture.
    const streamed = await watched(stream.journal, /api-5c59c454f5-2wffn\s+1\/1\s+Running/);
    // One captured object, one row: the line showing g5b8z Running gives its run's start and readiness at one
    // instant, and no state between them (Pending after ContainerCreating) is printed; the stream had none.
    const statuses = streamed.stdout.split('\n').filter((l) => l.includes('api-5c59c454f5-g5b8z')).map((l) => l.split(/\s+/)[3]);
    expect(statuses).toEqual(['Pending', 'Pending', 'ContainerCreating', 'ContainerCreating', 'Running']);
    expect(streamed.notes).toEqual([]);
    const events = workspace();
    expect(events.podj('import', realFixture('k8shark-auto-discovery-events-v1.json')).code).toBe(0);
    const { notes } = await watched(events.journal, /Running/);
    expect(notes[0]).toMatch(/^note: known only from their Events \(pod objects never captured, rows inferred\): auto-demo\//);
  });
});

describe("an imported journal's end is its last capture", () => {
  it('a bare Pod: AGE counts to the latest time the object states (Ready at 11:55:22), not to its last container fact', () => {
    const { podj } = workspace();
    expect(podj('import', realFixture('is-healthy-pod-start-error.yaml')).code).toBe(0);
    // created 11:54:17; the StartError exit 11:55:21; the Ready condition's lastTransitionTime 11:55:22.
    expect(podj('get', 'pods', '-A').stdout).toMatch(/run-migrations-jn647\s+0\/1\s+StartError\s+0\s+65s\n$/);
    const capture = podj('events', '-o', 'jsonl').stdout.trim().split('\n').at(-1) ?? '';
    expect(JSON.parse(capture)).toMatchObject({ event: { type: 'PodObserved', at: '2024-11-22T11:55:22.000Z' } });
    expect((JSON.parse(capture) as { event: { from: { inferred?: true } } }).event.from.inferred).toBeUndefined();
  });
});
