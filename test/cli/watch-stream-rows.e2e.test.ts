/**
 * `get pods -w` over an imported watch stream prints the stream as kubectl's `get -w` printed it: from each pod's
 * first object in the stream, a row per object the stream held (each row the one kubectl prints for that object),
 * none for a state between two objects. Several objects of one pod share a second (the v1.36.1 rolling update's
 * bkzc4 at 21:19:19: `ContainerCreating` with its sandbox ready, then `Running`): each object's facts are one write,
 * whatever other pods' facts of that second come between them, and the import orders an object's capture right
 * after its own facts, before the next object's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kubectlRow, type RawPod } from '../importers/kubectl-rows.js';
import { realFixture, workspace } from './podj.js';
import { start } from './spawn.js';

const STREAM = 'rolling-update-pods.watch.jsonl';
/** The cells a row is compared by: all that `-o wide --output-watch-events` prints but AGE, which counts from the print. */
const CELLS = ['EVENT', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'] as const;
type Row = string;
const rowOf = (cells: Record<string, string>): Row => CELLS.map((c) => cells[c] ?? '').join(' ');

/** Per pod, the rows kubectl's watch printed for the stream's objects (a DELETED one prints the object, as kubectl does). */
const streamRows = (): Map<string, Row[]> => {
  const rows = new Map<string, Row[]>();
  const lines = readFileSync(realFixture(STREAM), 'utf8').split('\n').filter((l) => l !== '');
  for (const line of lines) {
    const { type, object } = JSON.parse(line) as { type: string; object: RawPod };
    const name = object.metadata.name;
    const seen = rows.get(name) ?? [];
    // The first object of a pod is news to the watcher: kubectl prints what the API server sent (MODIFIED for a pod
    // that existed before the stream began); podj, replaying the history from its start, has sent that pod before.
    rows.set(name, [...seen, rowOf({ ...kubectlRow(object, 0), EVENT: type })]);
  }
  return rows;
};

const eventOf = (r: Row | undefined): string => (r ?? '').split(' ')[0] ?? '';
const cellsOf = (r: Row | undefined): string => (r ?? '').split(' ').slice(1).join(' ');

/**
 * Whether `podj`'s rows of one pod are the stream's, from its first object: the first with the same cells (the event
 * as the watch began: podj has sent an old pod's history before), each next one the next object's, and an object
 * podj prints no row for a MODIFIED that changed no printed cell (a write of fields podj does not hold:
 * resourceVersion, a deletion's final grace).
 */
const matches = (podj: readonly Row[], stream: readonly Row[]): boolean => {
  if (podj.length === 0 || cellsOf(podj[0]) !== cellsOf(stream[0])) return false;
  const unprinted = (i: number): boolean => eventOf(stream[i]) === 'MODIFIED' && cellsOf(stream[i]) === cellsOf(stream[i - 1]);
  let i = 0;
  for (const row of podj.slice(1)) {
    i++;
    while (i < stream.length && stream[i] !== row && unprinted(i)) i++;
    if (stream[i] !== row) return false;
  }
  for (i++; i < stream.length; i++) if (!unprinted(i)) return false;
  return true;
};

describe('get pods -w replays an imported watch stream as the stream held it', () => {
  it.each([
    ['the stream alone', [STREAM]],
    // The kubelet's Events (Created, Pulled…) add facts no object of the stream shows: no row of their own either.
    ['the stream with its Events', [STREAM, 'rolling-update-events.json']],
  ])('the rolling update, %s: a row per object, from each pod first object on; none between objects of one second', async (_, files) => {
    const { podj, journal } = workspace();
    expect(podj('import', ...files.map(realFixture)).code).toBe(0);
    const watch = start(['get', 'pods', '-A', '-w', '-o', 'wide', '--output-watch-events', '--journal', journal]);
    await watch.waitFor(/DELETED\s+rollout-demo\s+api-58dd68c5db-rhrsb\s.*\n$/);
    watch.proc.kill('SIGINT');
    expect(await watch.exit).toBe(1);
    // Every row rests on what the stream showed: nothing is noted as inferred.
    expect(watch.stderr()).toBe('');
    const printed = new Map<string, Row[]>();
    // The watch keeps the header's widths only while rows fit (tabwriter): cells are read by whitespace, none holds any here.
    const [header, ...lines] = watch.stdout().trimEnd().split('\n');
    expect(header?.split(/\s+/)).toEqual(['EVENT', 'NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED', 'NODE', 'READINESS', 'GATES']);
    for (const line of lines) {
      const [EVENT = '', , NAME = '', READY = '', STATUS = '', RESTARTS = '', , IP = '', NODE = '', NOMINATED = '', GATES = ''] = line.split(/\s+/);
      const row = rowOf({ EVENT, NAME, READY, STATUS, RESTARTS, IP, NODE, 'NOMINATED NODE': NOMINATED, 'READINESS GATES': GATES });
      printed.set(NAME, [...(printed.get(NAME) ?? []), row]);
    }
    const expected = streamRows();
    expect([...printed.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [name, stream] of expected) {
      const rows = printed.get(name) ?? [];
      // Before a pod's first object: its history that object times, a row per instant (an old pod's creation,
      // binding and admission at 21:17:28, its sandbox at :29; its start at :31 or :32, the object's own row but
      // for rhrsb, which the stream first shows terminating), none for a pod the stream saw created.
      const from = rows.findIndex((r) => cellsOf(r) === cellsOf(stream[0]));
      expect({ name, history: from }).toEqual({ name, history: eventOf(stream[0]) === 'ADDED' ? 0 : name.endsWith('rhrsb') ? 3 : 2 });
      expect({ name, rows: rows.slice(from), ok: matches(rows.slice(from), stream) }).toEqual({ name, rows: rows.slice(from), ok: true });
    }
    // bkzc4's objects at 21:19:18 and 21:19:19, one row each: no `Pending` (a container created, not started) nor a
    // second `ContainerCreating` (the IP placed from the `Running` object) between the last two.
    expect(printed.get('api-5c59c454f5-bkzc4')?.map((r) => r.split(' ')[3])).toEqual(['Pending', 'Pending', 'ContainerCreating', 'ContainerCreating', 'Running']);
  });
});
