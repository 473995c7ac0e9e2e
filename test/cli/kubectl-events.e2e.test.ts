/**
 * `podj events` as `kubectl events` v1.36 (kubectl/pkg/cmd/events/events.go, event_printer.go): the Events `get
 * events` lists, sorted by time, in EventPrinter's columns (LAST SEEN "(xN over AGE)", OBJECT `Pod/NAME`), `--for`,
 * `--types`, `-A`, `--no-headers`, `-o json|yaml|name` of the typed EventList, "No events found in NS namespace.",
 * `-w` without deletions; `-o journal|jsonl` the journal's own events.
 */
import { describe, expect, it } from 'vitest';
import { replayed } from './podj.js';
import { start } from './spawn.js';

const crashLoop = (): ReturnType<typeof replayed> => replayed('crashloop-memleak');

describe('podj events: the journal by default, -o kubectl|json|yaml|name as kubectl events', () => {
  it('the table: LAST SEEN with "(xN over AGE)", OBJECT as Kind/name, sorted by the last time', () => {
    const { podj } = crashLoop();
    const r = podj('events', '-o', 'kubectl', '--at', '+2m');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      `LAST SEEN            TYPE      REASON      OBJECT            MESSAGE
2m                   Normal    Scheduled   Pod/memleak-pod   Successfully assigned default/memleak-pod to node01
32s (x4 over 2m)     Normal    Pulling     Pod/memleak-pod   Pulling image "saadali/simmemleak"
31s (x4 over 119s)   Normal    Pulled      Pod/memleak-pod   Successfully pulled image "saadali/simmemleak" in 1s (1s including waiting)
31s (x4 over 119s)   Normal    Created     Pod/memleak-pod   Container created
31s (x4 over 119s)   Normal    Started     Pod/memleak-pod   Container started
13s (x3 over 82s)    Warning   BackOff     Pod/memleak-pod   Back-off restarting failed container simmemleak in pod memleak-pod_default(4ef538f5-0937-5bab-8022-22be791be0ec)
`,
    );
    // the same Events get events lists (in the API's order there), one row each
    const listed = podj('get', 'events', '--at', '+2m', '--no-headers').stdout.trim().split('\n');
    expect(r.stdout.trim().split('\n').length - 1).toBe(listed.length);
  });

  it('-A, --for pod/NAME, --types in any case, --no-headers', () => {
    const { podj } = crashLoop();
    const r = podj('events', '-o', 'kubectl', '--at', '+2m', '-A', '--for', 'pod/memleak-pod', '--types', 'WARNING', '--no-headers');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('default   13s (x3 over 82s)   Warning   BackOff   Pod/memleak-pod   Back-off restarting failed container simmemleak in pod memleak-pod_default(4ef538f5-0937-5bab-8022-22be791be0ec)\n');
    expect(podj('events', '-o', 'kubectl', '--for', 'Pods/memleak-pod', '--at', '+0s').stdout).toMatch(/^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE\n0s +Normal +Scheduled +Pod\/memleak-pod /);
  });

  it('nothing found: "No events found in NS namespace." (with -A "No events found."), on stderr, exit 0', () => {
    const { podj } = crashLoop();
    expect(podj('events', '-o', 'kubectl', '-n', 'kube-system')).toEqual({ code: 0, stdout: '', stderr: 'No events found in kube-system namespace.\n' });
    expect(podj('events', '-o', 'kubectl', '--for', 'pod/nosuch')).toEqual({ code: 0, stdout: '', stderr: 'No events found in default namespace.\n' });
    expect(podj('events', '-o', 'kubectl', '--for', 'node/node01')).toEqual({ code: 0, stdout: '', stderr: 'No events found in default namespace.\n' });
    expect(podj('events', '-o', 'kubectl', '-A', '--for', 'pod/nosuch')).toEqual({ code: 0, stdout: '', stderr: 'No events found.\n' });
  });

  it("kubectl's words for a bad --for, --types or -o", () => {
    const { podj } = crashLoop();
    expect(podj('events', '--for', 'memleak-pod')).toEqual({ code: 2, stdout: '', stderr: 'error: --for must be in resource/name form\n' });
    expect(podj('events', '--for', 'pod/a/b').stderr).toBe('error: arguments in resource/name form may not have more than one slash\n');
    expect(podj('events', '--for', 'pdo/a').stderr).toBe('error: no matches for /, Resource=pdo\n');
    expect(podj('events', '-o', 'kubectl', '--types', 'Normal,Error').stderr).toBe('error: valid --types are Normal or Warning\n');
    expect(podj('events', '-o', 'wide').stderr).toBe('error: unable to match a printer suitable for the output format "wide", allowed formats are: journal,json,jsonl,jsonpath,jsonpath-file,kubectl,name,yaml\n');
  });

  it('-o json: the typed EventList, its fields in the Go struct\'s order, sorted by time; -o yaml the same, keys sorted; -o name', () => {
    const { podj } = crashLoop();
    const r = podj('events', '--at', '+2m', '-o', 'json');
    expect(r.code, r.stderr).toBe(0);
    const list = JSON.parse(r.stdout) as { kind: string; items: Array<Record<string, unknown> & { reason: string; metadata: { name: string } }> };
    expect(Object.keys(list)).toEqual(['kind', 'apiVersion', 'metadata', 'items']);
    expect(list.kind).toBe('EventList');
    expect(list.items.map((e) => e.reason)).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started', 'BackOff']);
    expect(Object.keys(list.items[0] ?? {})).toEqual(['kind', 'apiVersion', 'metadata', 'involvedObject', 'reason', 'message', 'source', 'firstTimestamp', 'lastTimestamp', 'count', 'type', 'eventTime', 'reportingComponent', 'reportingInstance']);
    expect(r.stdout).toMatch(/^\{\n {4}"kind": "EventList",\n {4}"apiVersion": "v1",\n {4}"metadata": \{\},\n/);
    const yaml = podj('events', '--at', '+2m', '-o', 'yaml').stdout;
    expect(yaml).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: v1\n {2}count: 1\n {2}eventTime: null\n/);
    expect(yaml).toMatch(/\nkind: EventList\nmetadata: \{\}\n$/);
    expect(podj('events', '--at', '+2m', '-o', 'name').stdout.trim().split('\n')).toEqual(list.items.map((e) => `event/${e.metadata.name}`));
  });

  it('no -o, -o journal and -o jsonl: the journal\'s own events (the verb\'s contract)', () => {
    const { podj } = crashLoop();
    const table = podj('events', '--until', '+0s');
    expect(table).toMatchObject({ code: 0, stderr: '' });
    expect(table.stdout).toMatch(/^SEQ +AT +SOURCE +OBJECT +EVENT +DETAILS\n1 +2026-01-18T08:00:00\.000Z /);
    expect(podj('events', '-o', 'journal', '--until', '+0s')).toEqual(table);
    expect(podj('events', '-o', 'table', '--until', '+0s')).toEqual(table);
    expect(podj('events', '--types', 'Warning')).toEqual({ code: 2, stdout: '', stderr: 'error: --types: only the Events have a type; give -o kubectl (or json, yaml, name)\n' });
    const lines = podj('events', '-o', 'jsonl', '--for', 'pod/memleak-pod').stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(JSON.stringify((JSON.parse(line) as { event: { pod?: unknown } }).event.pod)).toMatch(/"name":"memleak-pod"/);
    expect(podj('events', '-o', 'journal', '--for', 'node/node01').stderr).toMatch(/^error: --for: -o journal\|jsonl lists a pod's events/);
  });

  it('-w: the Events as they are written, each LAST SEEN aged when sent, never a deletion', async () => {
    const { journal } = crashLoop();
    const watch = start(['events', '-w', '--types', 'Warning', '--event-ttl', '1m', '--journal', journal]);
    await watch.waitFor(/\(x10 over [^)]*\).*\n$/);
    watch.proc.kill('SIGINT');
    expect(await watch.exit).toBe(1);
    const lines = watch.stdout().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE$/);
    expect(lines.slice(1).map((l) => l.split(/ {3,}/)[0])).toEqual(['0s', ...Array.from({ length: 9 }, (_, i) => expect.stringMatching(new RegExp(`^0s \\(x${i + 2} over \\S+\\)$`)))]);
  });
});
