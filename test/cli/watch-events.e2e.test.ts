/**
 * `get events -w` as kubectl v1.36's watch prints it (kubectl/pkg/cmd/get/get.go :: watch at v0.36.3): the Events
 * at the start (`--at`) as `get events` lists them, then a watch event per write of an Event: ADDED when the
 * recorder creates it, MODIFIED at each count update, DELETED when its `--event-ttl` lease runs out (the API
 * server stores every Event write with the ttl, registry/core/event/storage/storage.go :: NewREST). The last
 * object each Event was sent as is the one `get events` lists at the end.
 */
import { describe, expect, it } from 'vitest';
import { sample, workspace } from './podj.js';
import { start } from './spawn.js';

interface Served {
  readonly metadata: { readonly name: string };
  readonly count: number;
  readonly lastTimestamp: string;
}

/** The watch's stdout once it shows `until`, and its exit code after Ctrl-C. */
const watched = async (journal: string, until: RegExp, ...flags: string[]): Promise<{ stdout: string; stderr: string; code: number | null }> => {
  const watch = start(['get', 'events', ...(flags.includes('--watch-only') ? [] : ['-w']), ...flags, '--journal', journal]);
  await watch.waitFor(until);
  watch.proc.kill('SIGINT');
  return { code: await watch.exit, stdout: watch.stdout(), stderr: watch.stderr() };
};

const crashLoop = (): ReturnType<typeof workspace> => {
  const ws = workspace();
  expect(ws.podj('replay', sample('crashloop-memleak')).code).toBe(0);
  return ws;
};

describe('get events -w (kubectl/pkg/cmd/get/get.go :: watch)', () => {
  it('a watch event per Event write, from the first event: ADDED once per Event, then MODIFIED, ending as get events lists them', async () => {
    const { podj, journal } = crashLoop();
    const listed = (JSON.parse(podj('get', 'events', '-o', 'json', '--event-ttl', '0').stdout) as { items: Served[] }).items;
    const r = await watched(journal, /"type":"MODIFIED".*\n$/, '-o', 'json', '--output-watch-events', '--event-ttl', '0');
    expect(r.code).toBe(1);
    const events = r.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { type: string; object: Served });
    // one line each, the object's keys sorted as kubectl's json.Marshal of an unstructured object writes them
    expect(r.stdout).toMatch(/^\{"type":"ADDED","object":\{"apiVersion":"v1","count":1,"eventTime":null,"firstTimestamp":"2026-01-18T08:00:00Z","involvedObject":/);
    const seen = new Map<string, Served>();
    for (const { type, object } of events) {
      const before = seen.get(object.metadata.name);
      expect(type).toBe(before === undefined ? 'ADDED' : 'MODIFIED');
      if (before !== undefined) expect(object.count).toBe(before.count + 1);
      seen.set(object.metadata.name, object);
    }
    // played to the end (the watch then follows appends): the newest write is the last Event's final object
    const newest = [...listed].sort((a, b) => a.lastTimestamp.localeCompare(b.lastTimestamp)).at(-1);
    const escaped = JSON.stringify(newest).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const final = await watched(journal, new RegExp(`"object":${escaped}\\}\\n`), '-o', 'json', '--output-watch-events', '--event-ttl', '0');
    const last = new Map(final.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { object: Served }).map(({ object }) => [object.metadata.name, object]));
    expect([...last.values()].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))).toEqual([...listed].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name)));
  });

  it('--at: the table starts with get events at that instant, LAST SEEN aged at each write (0s when it is written)', async () => {
    const { podj, journal } = crashLoop();
    const atStart = podj('get', 'events', '--at', '+1m').stdout;
    expect(atStart).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE\n60s\s+Normal\s+Scheduled\s/);
    const r = await watched(journal, /BackOff.*\n(.*\n)*.*BackOff/, '--at', '+1m');
    const lines = r.stdout.split('\n');
    // the header and the rows of the start, padded as kubectl's tabwriter remembers widths across flushes
    expect(lines.slice(0, atStart.split('\n').length - 1).join('\n')).toBe(atStart.trimEnd());
    expect(lines.slice(atStart.split('\n').length - 1, -1).every((row) => /^0s\s+(Normal|Warning)\s+\S+\s+pod\/memleak-pod\s/.test(row))).toBe(true);
  });

  it('an Event whose --event-ttl ran out is DELETED, its row aged the ttl; the recorder writes it again as a new object of the same name', async () => {
    const { journal } = crashLoop();
    const r = await watched(journal, /DELETED .*Pulling(.*\n)*ADDED .*Pulling/, '--event-ttl', '1m', '--output-watch-events', '-o', 'wide');
    expect(r.stdout).toMatch(/^EVENT\s+LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+SUBOBJECT\s+SOURCE\s+MESSAGE\s+FIRST SEEN\s+COUNT\s+NAME\n/);
    expect(r.stdout).toMatch(/\nDELETED\s+60s\s+Normal\s+Scheduled\s+pod\/memleak-pod\s+default-scheduler\s/);
    // client-go record/event.go :: recordToSink: the patch of an Event the API server dropped fails NotFound, and
    // the correlator's event (its name, first time and count) is created again
    const pulling = r.stdout.split('\n').filter((row) => /\sPulling\s/.test(row));
    const deleted = pulling.findIndex((row) => row.startsWith('DELETED'));
    const name = (row: string | undefined): string => row?.split(/\s+/).at(-1) ?? '';
    const count = (row: string | undefined): number => Number(row?.split(/\s+/).at(-2));
    expect(pulling[deleted + 1]).toMatch(/^ADDED\s+0s\s/);
    expect(name(pulling[deleted + 1])).toBe(name(pulling[deleted]));
    expect(count(pulling[deleted + 1])).toBe(count(pulling[deleted]) + 1);
  });

  it('--sort-by orders the table at the start (sorter.go :: SortingPrinter), not the changes; names, --types and -o name select as get events does', async () => {
    const { podj, journal } = crashLoop();
    const sorted = await watched(journal, /BackOff.*\n(.*\n)*.*BackOff/, '--at', '+1m', '--sort-by=.lastTimestamp', '--no-headers');
    expect(sorted.stderr).toBe('warning: --watch requested, --sort-by will be ignored for watch events received\n');
    const atStart = podj('get', 'events', '--at', '+1m', '--sort-by=.lastTimestamp', '--no-headers').stdout;
    expect(sorted.stdout.startsWith(atStart)).toBe(true);
    expect(atStart).not.toBe(podj('get', 'events', '--at', '+1m', '--no-headers').stdout);
    const warnings = await watched(journal, /(event\/\S+\n){3}/, '--types', 'warning', '-o', 'name');
    const name = warnings.stdout.split('\n')[0] ?? '';
    expect(warnings.stdout).toMatch(new RegExp(`^(${name}\\n)+$`));
    expect(podj('get', name, '-o', 'jsonpath={.type}').stdout).toBe('Warning');
    const missing = podj('get', 'events', 'nope', '-w');
    expect([missing.code, missing.stdout, missing.stderr]).toEqual([1, '', 'Error from server (NotFound): events "nope" not found\n']);
  });
});
