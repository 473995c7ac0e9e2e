/**
 * `get events` lists an imported Event as the object the cluster held: its name (the NAME column of `-o wide`,
 * `metadata.name`, the API's storage order), its `source`, `reportingComponent` and `reportingInstance` in `-o json`,
 * and the API server's field selector over them (`pkg/registry/core/event/strategy.go :: ToSelectableFields`:
 * `source` is `source.component`, else `reportingController`; `reportingComponent` is `reportingController`). The
 * k3s v1.33 support bundle (test/fixtures/real/troubleshoot/) has both kinds: the scheduler's Events with an empty
 * `source` and a reporting controller (written through events.k8s.io/v1), the kubelet's with both. Engine-made
 * Events are what v1.36's recorder writes (client-go tools/record/event.go :: generateEvent sets the reporting
 * fields from the source; makeEvent leaves eventTime zero, served as null).
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { apiList, kubeEventsFor, servedEvent } from '../../src/printers/index.js';
import { real } from '../importers/fixtures.js';
import { podj, tableRows } from '../importers/podj-in-process.js';
import { importedCoreEvents } from '../support/imported-events.js';
import { importedJournal } from '../support/imported-journal.js';
import { bound, created, podRef, started } from '../support/event-builders.js';

const FILES = ['pods-default.json', 'pods-kube-system.json', 'events-default.json', 'events-kube-system.json'].map((f) => real(`troubleshoot/${f}`));
const AT = '2025-09-11T20:54:39Z';

interface RawEvent {
  readonly metadata: { readonly name: string; readonly namespace: string };
  readonly involvedObject: { readonly kind?: string };
  readonly source?: { readonly component?: string; readonly host?: string };
  readonly reportingComponent?: string;
  readonly reportingInstance?: string;
}

/** The bundle's Events about pods, as the files hold them. */
const recordedEvents = async (): Promise<RawEvent[]> =>
  (await Promise.all(FILES.filter((f) => f.includes('/events-')).map(async (f) => (JSON.parse(await readFile(f, 'utf8')) as { items: RawEvent[] }).items)))
    .flat()
    .filter((e) => e.involvedObject.kind === 'Pod');

/** The API server's `source` field: `source.component`, else `reportingController`. */
const selectableSource = (e: RawEvent): string => (e.source?.component ?? '') || (e.reportingComponent ?? '');

const names = (events: readonly { readonly metadata: { readonly name: string } }[]): string[] => events.map((e) => e.metadata.name).sort();

const journal = importedJournal(FILES);

const listed = async (...args: string[]): Promise<RawEvent[]> => {
  const r = await podj('get', 'events', '-A', '-o', 'json', '--at', AT, ...journal(), ...args);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { items: RawEvent[] }).items;
};

describe('imported Events listed as the objects the cluster held (k3s v1.33 support bundle)', () => {
  it('names each as the cluster did, in the API server\'s storage order, with its recorded reporter fields', async () => {
    const recorded = await recordedEvents();
    const items = await listed();
    expect(items.map((e) => `${e.metadata.namespace}/${e.metadata.name}`)).toEqual(recorded.map((e) => `${e.metadata.namespace}/${e.metadata.name}`).sort());
    const reporter = (e: RawEvent): unknown => [e.metadata.name, e.source, e.reportingComponent, e.reportingInstance];
    expect(items.map(reporter)).toEqual([...recorded].sort((a, b) => (`${a.metadata.namespace}/${a.metadata.name}` < `${b.metadata.namespace}/${b.metadata.name}` ? -1 : 1)).map(reporter));
  });

  it("-o wide's NAME column is the recorded object's name", async () => {
    const r = await podj('get', 'events', '-n', 'default', '-o', 'wide', '--at', AT, ...journal());
    expect(r.code, r.stderr).toBe(0);
    const recorded = (await recordedEvents()).filter((e) => e.metadata.namespace === 'default');
    expect(tableRows(r.stdout).map((row) => row['NAME'])).toEqual(names(recorded));
  });

  it('selects by source (source.component, else reportingController), reportingComponent and metadata.name as the API server does', async () => {
    const recorded = await recordedEvents();
    const scheduler = recorded.filter((e) => selectableSource(e) === 'default-scheduler');
    // The scheduler's Events have an empty source: only the fallback to reportingController selects them.
    expect(scheduler.length).toBeGreaterThan(0);
    expect(scheduler.every((e) => (e.source?.component ?? '') === '')).toBe(true);
    expect(names(await listed('--field-selector', 'source=default-scheduler'))).toEqual(names(scheduler));
    expect(names(await listed('--field-selector', 'reportingComponent=default-scheduler'))).toEqual(names(recorded.filter((e) => e.reportingComponent === 'default-scheduler')));
    expect(names(await listed('--field-selector', 'reportingComponent!=kubelet,source=kubelet'))).toEqual(names(recorded.filter((e) => e.reportingComponent !== 'kubelet' && selectableSource(e) === 'kubelet')));
    const one = recorded[0]?.metadata.name ?? '';
    expect(names(await listed('--field-selector', `metadata.name=${one}`))).toEqual([one]);
  });
});

describe('get events finding nothing, as kubectl (get.go :: Run: only its table says so)', () => {
  it('prints an empty List in json, the header in custom-columns, and "No resources found" for the table', async () => {
    const none = ['--field-selector', 'type=Nope', ...journal()];
    expect(await podj('get', 'events', '-A', '-o', 'json', ...none)).toEqual({ code: 0, stdout: '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n', stderr: '' });
    expect(await podj('get', 'events', '-A', '-o', 'custom-columns=NAME:.metadata.name', ...none)).toEqual({ code: 0, stdout: 'NAME\n', stderr: '' });
    expect(await podj('get', 'events', '-A', ...none)).toEqual({ code: 0, stdout: '', stderr: 'No resources found\n' });
  });
});

describe('Events served as v1.36 records them', () => {
  it("an engine-made Event carries the recorder's reporting fields, eventTime null, its Pod reference apiVersion v1", () => {
    const pod = podRef('web');
    const [row] = apiList(kubeEventsFor([created(pod, 0), bound(pod, 1), ...started(pod, 2)])).filter((e) => e.row.reason === 'Started');
    expect(row).toBeDefined();
    const served = row === undefined ? undefined : servedEvent(row.name, row.row);
    expect(served).toMatchObject({
      involvedObject: { apiVersion: 'v1', kind: 'Pod', name: 'web' },
      source: { component: 'kubelet', host: 'node-1' },
      reportingComponent: 'kubelet',
      reportingInstance: 'node-1',
      eventTime: null,
    });
  });

  it('an imported Event keeps what its object held: its eventTime as written, no timestamps nor count it did not hold', () => {
    const doc = {
      kind: 'Event',
      apiVersion: 'v1',
      metadata: { name: 'web-0.17f0a1b2c3d4e5f6', namespace: 'shop', uid: 'e-1' },
      involvedObject: { kind: 'Pod', namespace: 'shop', name: 'web-0', uid: 'u-web-0' },
      reason: 'Scheduled',
      message: 'Successfully assigned shop/web-0 to node-7',
      source: {},
      type: 'Normal',
      eventTime: '2026-05-01T12:00:00.123456Z',
      reportingComponent: 'default-scheduler',
      reportingInstance: 'default-scheduler-node-7',
    };
    const [row] = apiList(kubeEventsFor(importedCoreEvents(doc)));
    expect(row?.name).toBe('web-0.17f0a1b2c3d4e5f6');
    const served = row === undefined ? undefined : servedEvent(row.name, row.row);
    expect(served).toMatchObject({ source: {}, reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler-node-7' });
    // The events.k8s.io recorder's singleton: its time is eventTime alone (microseconds as written), no count.
    expect(served).toMatchObject({ metadata: { uid: 'e-1' }, eventTime: '2026-05-01T12:00:00.123456Z', firstTimestamp: null, lastTimestamp: null });
    expect(served !== undefined && 'count' in served).toBe(false);
    expect(row?.row.source).toEqual({ component: 'default-scheduler', host: 'default-scheduler-node-7' });
  });
});
