import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/importers/index.js';

const pod = (uid: string, name: string) =>
  JSON.stringify({
    type: 'ADDED',
    object: { kind: 'Pod', metadata: { name, namespace: 'd', uid, creationTimestamp: '2026-01-01T00:00:00Z' }, spec: { containers: [{ name: 'a', image: 'x' }] } },
  });

const watchLines = [
  pod('u1', 'p1'),
  '{"type":"ADDED","object":{"kind":"Pod","metadata":{"name":"p2"',
  JSON.stringify({ type: 'UPSERT', object: { kind: 'Pod' } }),
  JSON.stringify({ type: 'ADDED', object: { kind: 'Pod', metadata: { name: 'p3', creationTimestamp: '2026-01-01T00:00:00Z' }, spec: { containers: [] } } }),
  JSON.stringify({ type: 'ADDED', object: { kind: 'Pod', metadata: { name: 'p4', uid: 'u4' }, spec: {} } }),
  JSON.stringify({ type: 'MODIFIED', object: { kind: 'Pod', metadata: { name: 'p5', uid: 'u5', creationTimestamp: 'yesterday' }, spec: { containers: [] } } }),
  pod('u6', 'p6'),
  // a time deep in the status: read as absent, it would drop the container's start without a word
  JSON.stringify({
    type: 'MODIFIED',
    object: {
      kind: 'Pod',
      metadata: { name: 'p6', namespace: 'd', uid: 'u6', creationTimestamp: '2026-01-01T00:00:00Z' },
      spec: { containers: [{ name: 'a', image: 'x' }] },
      status: { phase: 'Running', containerStatuses: [{ name: 'a', state: { running: { startedAt: 'yesterday' } } }] },
    },
  }),
];

describe('bad input', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'podj-bad-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const watch = join(dir, 'pods.jsonl');
  const deployment = join(dir, 'deploy.json');
  const events = join(dir, 'events.json');
  await writeFile(watch, `${watchLines.join('\n')}\n`);
  await writeFile(deployment, JSON.stringify({ kind: 'Deployment', apiVersion: 'apps/v1' }));
  await writeFile(events, `{"kind":"EventList","apiVersion":"v1","items":[\n{"involvedObject":{"kind":"Pod","name":"p","uid":"u"},"reason":"Started","count":"two","firstTimestamp":"2026-01-01T00:00:00Z"}]}\n`);

  it('names each bad line as file:line: why, and refuses the whole import by default', async () => {
    const result = await importFiles([watch, events]);
    expect(result).toEqual(
      E.left([
        `${watch}:2: invalid JSON: the line ends inside an object`,
        `${watch}:3: type: "UPSERT" is not a WatchEventType`,
        `${watch}:4: object.metadata.uid: is required (pods are told apart by uid)`,
        `${watch}:5: object.spec.containers: is required`,
        `${watch}:6: object.metadata.creationTimestamp: "yesterday" is not an RFC 3339 time`,
        `${watch}:8: object.status.containerStatuses[0].state.running.startedAt: "yesterday" is not an RFC 3339 time`,
        `${events}:1: items[0].count: "two" is not an integer`,
      ]),
    );
  });

  it('with skipBad imports the rest and lists what it skipped', async () => {
    const result = await importFiles([watch], { skipBad: true });
    if (E.isLeft(result)) throw new Error(result.left.join('\n'));
    expect(result.right.events.map((e) => (e.type === 'PodCreated' ? e.pod.name : e.type))).toEqual(['p1', 'p6', 'PodObserved', 'PodObserved']);
    expect(result.right.skipped.map((b) => b.line)).toEqual([2, 3, 4, 5, 6, 8]);
    expect(result.right.skipped[0]).toEqual({ file: watch, line: 2, why: 'invalid JSON: the line ends inside an object' });
  });

  it('refuses a file of unknown format in one line naming it, even with skipBad', async () => {
    expect(await importFiles([deployment], { skipBad: true })).toEqual(
      E.left([`${deployment}: unknown format: line 1 is not an audit Event, a Pod or pod watch event, a Kubernetes Event, a PodList or a podjournal export`]),
    );
  });

  it('names a missing file, a folder and an unreadable file in words, one line each, even with skipBad', async () => {
    const locked = join(dir, 'locked.jsonl');
    await writeFile(locked, `${pod('u9', 'p9')}\n`, { mode: 0o000 });
    const root = process.getuid?.() === 0; // root reads any file
    expect(await importFiles([join(dir, 'missing.jsonl'), dir, locked], { skipBad: true })).toEqual(
      E.left([`${join(dir, 'missing.jsonl')}: no such file`, `${dir}: is a folder: name the files in it`, ...(root ? [] : [`${locked}: permission denied`])]),
    );
  });

  it('refuses an empty file in one line naming it', async () => {
    const empty = join(dir, 'empty.json');
    await writeFile(empty, '');
    expect(await importFiles([empty])).toEqual(E.left([`${empty}: unknown format: no document in it`]));
  });

  it('reports a podjournal export for the journal to restore, converting nothing', async () => {
    const exported = join(dir, 'export.jsonl');
    await writeFile(exported, '{"podjournal":{"format":1}}\n{"seq":1}\n');
    const result = await importFiles([exported]);
    expect(E.isRight(result) && result.right).toMatchObject({ events: [], exports: [exported] });
  });
});
