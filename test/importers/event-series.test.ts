/**
 * An Event with a series (the events.k8s.io recorder's: client-go tools/events :: recordToSink writes `series` from
 * the second occurrence, `count` including the first; `firstTimestamp`, `lastTimestamp` and `count` stay unset) is
 * kept and printed as kubectl v1.36 prints it: `get events` LAST SEEN is the age of `series.lastObservedTime` and
 * COUNT `series.count` (printers.go :: printEvent), describe says `AGE (xN over AGE)` from `series.lastObservedTime`
 * and `eventTime`, to the microsecond (describe.go :: DescribeEvents, translateMicroTimestampSince), and `-o json`
 * serves the series as held. No recording in test/fixtures/real holds a series: the Event here is the k3s v1.33
 * bundle's real `FailedScheduling` of cpu-intensive-app-7bcfc5d944-hw2vc (a singleton, written through
 * events.k8s.io/v1) with a `series` added as the scheduler's recorder would have written it for two more failed
 * attempts (derived in this test; the file is unchanged).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { real } from './fixtures.js';
import { podj } from './podj-in-process.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const POD = 'cpu-intensive-app-7bcfc5d944-hw2vc';
const AT = '2025-09-11T20:54:39Z';
// 9.04 s before AT: kubectl's age is 9s, where the second it was truncated to would read 10s
const LAST_OBSERVED = '2025-09-11T20:54:29.963215Z';
const SERIES = { count: 3, lastObservedTime: LAST_OBSERVED };

interface HeldEvent {
  readonly metadata: { readonly name: string; readonly managedFields?: unknown };
  readonly involvedObject: { readonly kind: string; readonly name: string };
  readonly reason: string;
  readonly [field: string]: unknown;
}

/** The bundle's FailedScheduling Event of POD, as the core/v1 API held it (its managedFields aside, which podj does not keep). */
const recordedEvent = (): HeldEvent => {
  const list = JSON.parse(readFileSync(real('troubleshoot/events-default.json'), 'utf8')) as { items: HeldEvent[] };
  const found = list.items.find((e) => e.reason === 'FailedScheduling' && e.involvedObject.name === POD);
  if (found === undefined) throw new Error(`no FailedScheduling Event of ${POD} in the bundle`);
  const { managedFields: _notKept, ...metadata } = found.metadata;
  return { ...found, metadata };
};

/** The same Event with its series: as the core/v1 API serves it. */
const withSeries = (): HeldEvent => ({ ...recordedEvent(), series: SERIES });

/** The same Event as events.k8s.io/v1 serves it (pkg/apis/events/v1 conversion: regarding, note, reportingController…). */
const asEventsV1 = (e: HeldEvent): unknown => ({
  kind: 'Event',
  apiVersion: 'events.k8s.io/v1',
  metadata: e.metadata,
  eventTime: e['eventTime'],
  series: e['series'],
  reportingController: e['reportingComponent'],
  reportingInstance: e['reportingInstance'],
  action: e['action'],
  reason: e.reason,
  regarding: e.involvedObject,
  note: e['message'],
  type: e['type'],
  deprecatedSource: e['source'],
});

const imported = async (event: unknown): Promise<string> => {
  const dir = mkdtempSync(join(tmpdir(), 'podj-event-series-'));
  dirs.push(dir);
  const file = join(dir, 'events.json');
  writeFileSync(file, JSON.stringify({ kind: 'EventList', apiVersion: 'v1', items: [event] }));
  const journal = join(dir, 'journal');
  const done = await podj('import', '--journal', journal, file, real('troubleshoot/pods-default.json'));
  expect(done.code, done.stderr).toBe(0);
  return journal;
};

const served = async (journal: string, at: string): Promise<unknown> => {
  const got = await podj('get', 'events', '-n', 'default', '--field-selector', `involvedObject.name=${POD}`, '-o', 'json', '--at', at, '--journal', journal);
  expect(got.code, got.stderr).toBe(0);
  return (JSON.parse(got.stdout) as { items: unknown[] }).items;
};

describe('an Event with a series, as the cluster held it', () => {
  it('get events -o json serves the series, and no firstTimestamp, lastTimestamp nor count, as the object held', async () => {
    const journal = await imported(withSeries());
    expect(await served(journal, AT)).toEqual([withSeries()]);
  });

  it('before its second occurrence the Event was a singleton: served as the bundle holds it', async () => {
    const journal = await imported(withSeries());
    expect(await served(journal, '2025-09-11T20:50:22Z')).toEqual([recordedEvent()]);
  });

  it('get events -o wide: LAST SEEN the series\' last observation, FIRST SEEN eventTime, COUNT the series\' count', async () => {
    const journal = await imported(withSeries());
    const got = await podj('get', 'events', '-n', 'default', '--field-selector', `involvedObject.name=${POD}`, '-o', 'wide', '--at', AT, '--journal', journal);
    expect(got.code, got.stderr).toBe(0);
    const row = got.stdout.trimEnd().split('\n')[1] ?? '';
    expect(row.split(/\s{2,}/)).toEqual([
      '9s',
      'Warning',
      'FailedScheduling',
      `pod/${POD}`,
      'default-scheduler, default-scheduler-c9b7eea91',
      '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
      '4m17s',
      '3',
      'cpu-intensive-app-7bcfc5d944-hw2vc.1864558da6511090',
    ]);
  });

  it('describe: "(x3 over …)" from the series and eventTime, to the microsecond', async () => {
    const journal = await imported(withSeries());
    const described = await podj('describe', 'pod', POD, '-n', 'default', '--at', AT, '--journal', journal);
    expect(described.code, described.stderr).toBe(0);
    const row = described.stdout.split('\n').find((l) => l.includes('FailedScheduling')) ?? '';
    expect(row.trim().split(/\s{2,}/).slice(0, 3)).toEqual(['Warning', 'FailedScheduling', '9s (x3 over 4m17s)']);
  });

  it('read through events.k8s.io/v1, the same Event is served the same', async () => {
    const journal = await imported(asEventsV1(withSeries()));
    expect(await served(journal, AT)).toEqual([withSeries()]);
  });
});
