import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import { V1Pod } from '../../src/k8s/pod.js';
import { imported, real, withoutSourceLines } from './fixtures.js';

/** The recorded watch stream, re-written here in the other shapes kubectl prints (the objects unchanged). */
const recorded = readFileSync(real('rolling-update-pods.watch.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { type: string; object: unknown });

/** The stream's DELETED lines (1-based): the objects a bare stream leaves out (each with its own resourceVersion). */
const deletedLines = new Set(recorded.flatMap((w, i) => (w.type === 'DELETED' ? [i + 1] : [])));

/** What a bare stream without the DELETED objects gives: no removals, nor those objects' captures. */
const withoutRemovals = (events: readonly Event[]) =>
  events.filter((e) => e.type !== 'PodRemoved' && !(e.type === 'PodObserved' && deletedLines.has(e.from?.line ?? 0)));

describe('the same watch stream in every shape kubectl prints', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'podj-shapes-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const jsonLines = await imported([real('rolling-update-pods.watch.jsonl')]);

  it('-o yaml --output-watch-events: YAML documents separated by ---', async () => {
    const file = join(dir, 'watch.yaml');
    await writeFile(file, recorded.map((w) => stringify(w)).join('---\n'));
    const result = await imported([file]);
    expect(result.files[0]).toMatchObject({ format: 'watch', documents: 33 });
    expect(withoutSourceLines(result.events)).toEqual(withoutSourceLines(jsonLines.events));
  });

  it('-w -o json: bare pretty-printed Pods, one after another (no DELETED: removals are not seen)', async () => {
    const file = join(dir, 'watch.json');
    await writeFile(file, recorded.filter((w) => w.type !== 'DELETED').map((w) => JSON.stringify(w.object, null, 4)).join('\n'));
    const result = await imported([file]);
    expect(result.files[0]).toMatchObject({ format: 'watch', documents: 30 });
    expect(withoutSourceLines(result.events)).toEqual(withoutSourceLines(withoutRemovals(jsonLines.events)));
  });

  it('-w -o yaml: bare Pods as YAML documents', async () => {
    const file = join(dir, 'pods.yaml');
    await writeFile(file, `---\n${recorded.filter((w) => w.type !== 'DELETED').map((w) => stringify(w.object)).join('---\n')}`);
    const result = await imported([file]);
    expect(withoutSourceLines(result.events)).toEqual(withoutSourceLines(withoutRemovals(jsonLines.events)));
  });

  it('a List of the last objects: a snapshot, each pod diffed from nothing', async () => {
    const uidOf = (o: unknown): string => {
      const pod = V1Pod.decode(o);
      return pod._tag === 'Right' ? (pod.right.metadata.uid ?? '') : '';
    };
    const last = new Map(recorded.filter((w) => w.type !== 'DELETED').map((w) => [uidOf(w.object), w.object]));
    const file = join(dir, 'list.json');
    await writeFile(file, JSON.stringify({ kind: 'List', apiVersion: 'v1', items: [...last.values()] }, null, 2));
    const result = await imported([file]);
    expect(result.files[0]?.format).toBe('pod-list');
    expect(result.events.filter((e) => e.type === 'PodCreated')).toHaveLength(6);
  });
});
