/**
 * A pod object states a run's start (`state.running.startedAt`), never its creation: imported from the object
 * alone, the creation is placed at the start and `describe` marks its `Created` Event inferred. The kubelet's own
 * `Created` Event (kuberuntime_container.go :: startContainer records it between CreateContainer and
 * StartContainer) is the record of the creation, unless it is later than the start, which a creation cannot be;
 * imported after the object, it supersedes the placed creation (the journal holds both; the fold and the Events
 * read the recorded one). Recording: k8shark's auto-discovery pod (kind v1.36.1), created 22:05:44, started 22:05:45.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { real } from './fixtures.js';
import { importedIn, scratch } from './imported-journals.js';
import { podj } from './podj-in-process.js';

const POD = ['-n', 'auto-demo', 'widget-controller-7f9647f7b6-q6vh8'];
const AT = '2026-07-22T22:06:58Z';
const PODS = real('k8shark-auto-discovery-pods.json');
const EVENTS = real('k8shark-auto-discovery-events-v1.json');

/** What `describe` and `get events` answer about the pod at AT. */
const answers = async (journal: string): Promise<{ describe: string; events: string }> => {
  const described = await podj('describe', 'pod', ...POD, '--journal', journal, '--at', AT);
  expect(described.code, described.stderr).toBe(0);
  // The object states its start (startTime): the admission is recorded, no note, no mark.
  expect(described.stderr).not.toContain('note:');
  expect(described.stdout).toMatch(/^Start Time: +[^(]+$/m);
  const events = await podj('get', 'events', '-n', 'auto-demo', '--journal', journal, '--at', AT);
  expect(events.code, events.stderr).toBe(0);
  return { describe: described.stdout, events: events.stdout };
};

/** describe's `Created` Event row. */
const createdLine = (describe: string): string | undefined => describe.split('\n').find((l) => /^\s+Normal\s+Created\s/.test(l))?.trim();

/** describe's `Created` Event row of the pod at AT, over a journal of `files` imported at once. */
const createdRow = async (files: readonly string[]): Promise<string | undefined> => createdLine((await answers(await importedIn(files))).describe);

/** The describe lines from its Events table on. */
const eventsTable = (describe: string): string => describe.slice(describe.indexOf('\nEvents:'));

/** A copy of the recording's Events with the `Created` one stamped at `at`. */
const eventsWithCreatedAt = (at: string): string => {
  const events = JSON.parse(readFileSync(EVENTS, 'utf8')) as { items: Array<Record<string, unknown>> };
  const moved = events.items.map((e) => (e['reason'] === 'Created' ? { ...e, deprecatedFirstTimestamp: at, deprecatedLastTimestamp: at } : e));
  const file = join(scratch('podj-created-inferred-'), 'created-moved.json');
  writeFileSync(file, JSON.stringify({ ...events, items: moved }));
  return file;
};

describe("a container's creation placed from a pod object is marked inferred", () => {
  it('the pod object alone: Created at the start (73s ago), inferred', async () => {
    expect(await createdRow([PODS])).toMatch(/^Normal\s+Created\s+73s \(inferred\)\s+kubelet\s/);
  });

  it("with the kubelet's Created Event: its time (74s ago), as the cluster recorded it", async () => {
    expect(await createdRow([PODS, EVENTS])).toMatch(/^Normal\s+Created\s+74s\s+kubelet\s/);
  });

  it('a Created Event stamped after the start the object states is not that creation: the start, inferred, stays', async () => {
    // The recording's Event moved 3 s past the run's start (22:05:45), as a skewed or mismatched record would be.
    const late = eventsWithCreatedAt('2026-07-22T22:05:48Z');
    expect(await createdRow([PODS, late])).toMatch(/^Normal\s+Created\s+73s \(inferred\)\s+kubelet\s/);
    // imported after the object, it is not that creation either
    expect(createdLine((await answers(await importedIn([PODS], [late]))).describe)).toMatch(/^Normal\s+Created\s+73s \(inferred\)\s+kubelet\s/);
  });
});

describe('the pod objects imported before their Events: the Created Event becomes the creation', () => {
  it('describe and get events answer as when both are imported at once (74s, recorded), whatever the order', async () => {
    const together = await answers(await importedIn([PODS, EVENTS]));
    expect(createdLine(together.describe)).toMatch(/^Normal\s+Created\s+74s\s+kubelet\s/);
    expect(await answers(await importedIn([PODS], [EVENTS]))).toEqual(together);
    // Events first make a pod of their own (its object unknown then): its Events are the same
    const eventsFirst = await answers(await importedIn([EVENTS], [PODS]));
    expect(eventsFirst.events).toEqual(together.events);
    expect(eventsTable(eventsFirst.describe)).toEqual(eventsTable(together.describe));
  });

  it('importing the Events again adds nothing', async () => {
    const journal = await importedIn([PODS], [EVENTS]);
    const again = await podj('import', '--journal', journal, EVENTS);
    expect(again.code, again.stderr).toBe(0);
    expect(`${again.stdout}${again.stderr}`).toMatch(/imported 0 new events/);
  });

  it('a Created Event of the same second as the start: recorded, not inferred, in either order', async () => {
    const sameSecond = eventsWithCreatedAt('2026-07-22T22:05:45Z');
    const together = await answers(await importedIn([PODS, sameSecond]));
    expect(createdLine(together.describe)).toMatch(/^Normal\s+Created\s+73s\s+kubelet\s/);
    expect(await answers(await importedIn([PODS], [sameSecond]))).toEqual(together);
  });
});
