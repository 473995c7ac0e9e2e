/**
 * A pod object states a run's start (`state.running.startedAt`), never its creation: imported from the object
 * alone, the creation is placed at the start and `describe` marks its `Created` Event inferred. The kubelet's own
 * `Created` Event (kuberuntime_container.go :: startContainer records it between CreateContainer and
 * StartContainer) is the record of the creation, unless it is later than the start, which a creation cannot be.
 * Recording: k8shark's auto-discovery pod (kind v1.36.1), created 22:05:44, started 22:05:45.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { real } from './fixtures.js';
import { podj } from './podj-in-process.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const scratch = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'podj-created-inferred-'));
  dirs.push(dir);
  return dir;
};

const POD = ['-n', 'auto-demo', 'widget-controller-7f9647f7b6-q6vh8'];
const AT = '2026-07-22T22:06:58Z';

/** describe's `Created` Event row of the pod at AT, over a journal of `files`. */
const createdRow = async (files: readonly string[]): Promise<string | undefined> => {
  const journal = join(scratch(), 'journal');
  const done = await podj('import', '--journal', journal, ...files);
  expect(done.code, done.stderr).toBe(0);
  const described = await podj('describe', 'pod', ...POD, '--journal', journal, '--at', AT);
  // The object states its start (startTime): the admission is recorded, no note.
  expect(described.code, described.stderr).toBe(0);
  expect(described.stderr).not.toContain('note:');
  return described.stdout.split('\n').find((l) => /^\s+Normal\s+Created\s/.test(l))?.trim();
};

describe("a container's creation placed from a pod object is marked inferred", () => {
  it('the pod object alone: Created at the start (73s ago), inferred', async () => {
    expect(await createdRow([real('k8shark-auto-discovery-pods.json')])).toMatch(/^Normal\s+Created\s+73s \(inferred\)\s+kubelet\s/);
  });

  it("with the kubelet's Created Event: its time (74s ago), as the cluster recorded it", async () => {
    expect(await createdRow([real('k8shark-auto-discovery-pods.json'), real('k8shark-auto-discovery-events-v1.json')])).toMatch(/^Normal\s+Created\s+74s\s+kubelet\s/);
  });

  it('a Created Event stamped after the start the object states is not that creation: the start, inferred, stays', async () => {
    // The recording's Event moved 3 s past the run's start (22:05:45), as a skewed or mismatched record would be.
    const events = JSON.parse(readFileSync(real('k8shark-auto-discovery-events-v1.json'), 'utf8')) as { items: Array<Record<string, unknown>> };
    const late = events.items.map((e) => (e['reason'] === 'Created' ? { ...e, deprecatedFirstTimestamp: '2026-07-22T22:05:48Z', deprecatedLastTimestamp: '2026-07-22T22:05:48Z' } : e));
    const file = join(scratch(), 'late-created.json');
    writeFileSync(file, JSON.stringify({ ...events, items: late }));
    expect(await createdRow([real('k8shark-auto-discovery-pods.json'), file])).toMatch(/^Normal\s+Created\s+73s \(inferred\)\s+kubelet\s/);
  });
});
