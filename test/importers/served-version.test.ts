/**
 * An imported pod shows the `metadata.resourceVersion` the API server served with the object captured last at or
 * before the instant asked (`-o json|yaml --at`), until the pod next changes: a write whose version the import does
 * not know. Recording: the v1.36.1 rolling update's watch stream, with its Events.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyCluster, foldCluster } from '../../src/reducers/index.js';
import { imported, real } from './fixtures.js';
import { podj } from './podj-in-process.js';

const STREAM = real('rolling-update-pods.watch.jsonl');
const EVENTS = real('rolling-update-events.json');

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** `podj get pod NAME -o json --at AT`'s `metadata.resourceVersion` (null when it shows none). */
const versionAt = async (journal: string, name: string, at: string): Promise<string | null> => {
  const out = await podj('get', 'pod', '-n', 'rollout-demo', name, '-o', 'json', '--at', at, '--journal', journal);
  expect(out.code, out.stderr).toBe(0);
  return (JSON.parse(out.stdout) as { metadata: { resourceVersion?: string } }).metadata.resourceVersion ?? null;
};

describe("an imported pod's resourceVersion", () => {
  it('-o json --at shows the version of the object the cluster showed then', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'podj-served-version-'));
    dirs.push(dir);
    const journal = join(dir, 'journal');
    const done = await podj('import', '--journal', journal, STREAM, EVENTS);
    expect(done.code, done.stderr).toBe(0);
    // r5smx: its line 2 object (21:17:31) until its deletion; at 21:19:18 the kubelet's status observing it (line 10),
    // the last of that second's two objects.
    expect(await versionAt(journal, 'api-58dd68c5db-r5smx', '2026-07-22T21:19:17Z')).toBe('1171996');
    expect(await versionAt(journal, 'api-58dd68c5db-r5smx', '2026-07-22T21:19:18Z')).toBe('1172055');
    // g5b8z: bound (line 4) at 21:19:15 then the kubelet's first status (line 5) in that second; Running (line 7) from 21:19:18.
    expect(await versionAt(journal, 'api-5c59c454f5-g5b8z', '2026-07-22T21:19:15Z')).toBe('1172030');
    expect(await versionAt(journal, 'api-5c59c454f5-g5b8z', '2026-07-22T21:19:20Z')).toBe('1172042');
  });

  it('a change after the capture shows no version: the write that made it is not known', async () => {
    const { events } = await imported([STREAM]);
    const upTo = events.findIndex((e) => e.type === 'PodDeletionRequested' && e.pod.name === 'api-58dd68c5db-r5smx');
    const deletion = events[upTo];
    const uid = deletion !== undefined && 'pod' in deletion ? deletion.pod.uid : '';
    const pod = (n: number) => foldCluster(events.slice(0, n), emptyCluster).pods.get(uid)?.pod;
    expect(pod(upTo)?.metadata.resourceVersion).toBe('1171996');
    expect(pod(upTo + 1)?.metadata.deletionTimestamp).toBe('2026-07-22T21:19:48Z');
    expect(pod(upTo + 1)?.metadata.resourceVersion).toBeUndefined();
  });
});
