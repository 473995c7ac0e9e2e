/**
 * Events imported before the pod objects (a separate `podj import` each): the Events alone make a pod of their own
 * (`podjournal.io/inferred`, the containers they name, the API server's defaults), whose uid is the object's (an
 * Event's `involvedObject.uid`). The object imported later is that pod's record: its metadata and spec replace the
 * inferred ones, so every import order answers alike. Recording: the k3s v1.33 support bundle's `default` namespace,
 * whose two `cpu-intensive-app` pods were never scheduled (their Events: `FailedScheduling` only, no container).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { real } from './fixtures.js';
import { podj } from './podj-in-process.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const PODS = real('troubleshoot/pods-default.json');
const EVENTS = real('troubleshoot/events-default.json');
const UNSCHEDULED = ['cpu-intensive-app-7bcfc5d944-hw2vc', 'cpu-intensive-app-7bcfc5d944-n79rt'];

/** A journal made by importing each of `imports` in turn (one `podj import` each, of its files). */
const importedIn = async (...imports: ReadonlyArray<readonly string[]>): Promise<string> => {
  const dir = mkdtempSync(join(tmpdir(), 'podj-events-first-'));
  dirs.push(dir);
  const journal = join(dir, 'journal');
  for (const files of imports) {
    const done = await podj('import', '--journal', journal, ...files);
    expect(done.code, done.stderr).toBe(0);
  }
  return journal;
};

/** `get pods`' rows and stderr, and each unscheduled pod's `describe`, `-o yaml` and `get events`. */
const answers = async (journal: string): Promise<string[]> => {
  const listed = await podj('get', 'pods', '-n', 'default', '--journal', journal);
  // Cells, not lines: the columns' widths follow the other pods' rows.
  const rows = listed.stdout.split('\n').filter((l) => UNSCHEDULED.some((name) => l.startsWith(`${name} `))).map((l) => l.split(/\s{2,}/).join(' | '));
  const perPod = await Promise.all(
    UNSCHEDULED.map(async (name) => {
      const described = await podj('describe', 'pod', '-n', 'default', name, '--journal', journal);
      const yaml = await podj('get', 'pod', '-n', 'default', name, '-o', 'yaml', '--journal', journal);
      const events = await podj('get', 'events', '-n', 'default', '--field-selector', `involvedObject.name=${name}`, '--journal', journal);
      return [described.stdout + described.stderr, yaml.stdout, events.stdout + events.stderr];
    }),
  );
  return [...rows, listed.stderr.includes('hw2vc') ? 'noted' : 'not noted', ...perPod.flat()];
};

describe('Events imported before the pod objects', () => {
  it("the objects' spec and metadata replace what the Events implied: same get pods, describe, -o yaml and get events in every order", async () => {
    const together = await answers(await importedIn([PODS, EVENTS]));
    // The object's spec: one container (READY 0/1), its labels and owner; not an inferred pod.
    expect(together.slice(0, 2)).toEqual([
      'cpu-intensive-app-7bcfc5d944-hw2vc | 0/1 | Pending | 0 | 3m32s',
      'cpu-intensive-app-7bcfc5d944-n79rt | 0/1 | Pending | 0 | 3m32s',
    ]);
    expect(together[2]).toBe('not noted');
    expect(together[3]).toMatch(/^Controlled By: +ReplicaSet\/cpu-intensive-app-7bcfc5d944$/m);
    expect(together[3]).not.toContain('podjournal.io/inferred');
    expect(await answers(await importedIn([EVENTS, PODS]))).toEqual(together);
    expect(await answers(await importedIn([EVENTS], [PODS]))).toEqual(together);
    expect(await answers(await importedIn([PODS], [EVENTS]))).toEqual(together);
  });

  it('importing the objects again adds nothing', async () => {
    const journal = await importedIn([EVENTS], [PODS]);
    const again = await podj('import', '--journal', journal, PODS);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout + again.stderr).toMatch(/imported 0 new events/);
  });
});
