/**
 * A recording over time judged by the cluster itself: k8shark polled the API server's own Table rendering
 * (`?as=Table`, the server-side printer kubectl shows) every 5 or 10 seconds while it recorded the pods (watch
 * stream, PodList) and Events (EventList). At each captured instant, `podj get pods --at` and `podj get events
 * --at` over the imported recording must show what the server printed then: the same rows, with the same AGE,
 * RESTARTS `(X ago)`, LAST SEEN, FIRST SEEN, COUNT and messages.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { real } from './fixtures.js';
import { podj, tableRows } from './podj-in-process.js';

interface RecordedTable {
  readonly captured_at: string;
  readonly api_path: string;
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<ReadonlyArray<string | number>>;
}

const tablesOf = (file: string): RecordedTable[] =>
  readFileSync(real(file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as RecordedTable);

/** The server's rows as kubectl prints them (`-o wide`: every column; header names upper-cased). */
const serverRows = (t: RecordedTable): Array<Record<string, string>> =>
  t.rows.map((cells) => Object.fromEntries(t.columns.map((c, i) => [c.toUpperCase(), String(cells[i] ?? '')])));

const byFirstCells = (rows: Array<Record<string, string>>): Array<Record<string, string>> =>
  [...rows].sort((a, b) => JSON.stringify(Object.values(a)).localeCompare(JSON.stringify(Object.values(b))));

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const importedJournal = async (files: readonly string[]): Promise<string> => {
  const dir = mkdtempSync(join(tmpdir(), 'podj-recorded-tables-'));
  dirs.push(dir);
  const journal = join(dir, 'journal');
  const imported = await podj('import', '--journal', journal, ...files.map(real));
  expect(imported.code, imported.stderr).toBe(0);
  return journal;
};

/** Each poll of a namespace's pods, in order: the earlier ones, under k8shark/, then the last. */
const polls = (namespace: string, earlier: number, last: string): string[] => [...Array.from({ length: earlier }, (_, i) => `k8shark/${namespace}-pods-${i}.json`), last];

const recordings = [
  { name: 'rolling-update', files: ['rolling-update-pods.watch.jsonl', 'rolling-update-events.json'] },
  { name: 'crash-loop', files: ['crash-loop-pods.json', 'crash-loop-events.json'] },
  { name: 'auto-discovery', files: ['k8shark-auto-discovery-pods.json', 'k8shark-auto-discovery-events-v1.json'] },
  { name: 'basic-workloads', files: polls('basic-demo', 2, 'k8shark-basic-workloads-pods.json') },
  {
    name: 'multi-namespace',
    files: [
      ...polls('team-backend', 2, 'k8shark-team-backend-pods.json'),
      ...polls('team-data', 2, 'k8shark/team-data-pods-2.json'),
      ...polls('team-frontend', 2, 'k8shark/team-frontend-pods-2.json'),
    ],
  },
];

/** The namespace a recorded answer was about (`/api/v1/namespaces/NS/...`). */
const namespaceOf = (t: RecordedTable): string => /\/namespaces\/([^/]+)\//.exec(t.api_path)?.[1] ?? '';

describe.each(recordings)('k8shark $name: the server-printed tables at each captured instant', async ({ name, files }) => {
  const journal = await importedJournal(files);
  const tables = tablesOf(`k8shark/${name}-tables.jsonl`);
  const pods = tables.filter((t) => t.api_path.includes('/pods?'));
  const events = tables.filter((t) => t.api_path.includes('/events?'));

  it.each(pods.map((t) => [t.captured_at, t] as const))('get pods -o wide --at %s', async (at, t) => {
    const out = await podj('get', 'pods', '-o', 'wide', '-n', namespaceOf(t), '--journal', journal, '--at', at);
    expect(out.code, out.stderr).toBe(0);
    expect(byFirstCells(tableRows(out.stdout))).toEqual(byFirstCells(serverRows(t)));
  });

  // podj keeps Events about pods only: the server's rows about the ReplicaSet and the Deployment are left out.
  // NAME is left out too: a journal does not keep an imported Event's name, and podj names each Event from its
  // journal instant (the recorder's are from its nanosecond clock: `pod.18c4b94397af7dc9`).
  const withoutName = (rows: Array<Record<string, string>>): Array<Record<string, string>> =>
    rows.map(({ NAME: _name, ...rest }) => rest);
  it.each(events.map((t) => [t.captured_at, t] as const))('get events -o wide --at %s', async (at, t) => {
    const out = await podj('get', 'events', '-o', 'wide', '-n', namespaceOf(t), '--journal', journal, '--at', at);
    expect(out.code, out.stderr).toBe(0);
    const aboutPods = serverRows(t).filter((r) => r['OBJECT']?.startsWith('pod/'));
    expect(byFirstCells(withoutName(tableRows(out.stdout)))).toEqual(byFirstCells(withoutName(aboutPods)));
  });
});
