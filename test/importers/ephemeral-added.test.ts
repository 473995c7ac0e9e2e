/**
 * `kubectl debug` on a pod already captured: a later object has the debugger in `spec.ephemeralContainers` and its run
 * in `status.ephemeralContainerStatuses`. The spec grew through the API server's `pods/ephemeralcontainers` subresource
 * (`pkg/registry/core/pod/strategy.go :: podEphemeralContainersStrategy`, the only write that grows a spec), so the
 * import records that write before the run, and the fold keeps the run (it dropped it: a container its spec did not
 * name). Timed by the subresource's `managedFields` entry, else placed, inferred, at the run's first time.
 *
 * The stream is derived from `test/fixtures/import/ephemeral-debug-pod.json` (written by hand: no public recording of a
 * pod with an ephemeral container was found; its README says how it follows kubectl v1.36's debug and the API server's
 * defaults): the pod before the debug (no ephemeral container, no status of one), then the fixture itself.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { V1Pod } from '../../src/k8s/pod.js';
import { imported, ours } from './fixtures.js';
import { podj } from './podj-in-process.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const DEBUGGED = JSON.parse(readFileSync(ours('ephemeral-debug-pod.json'), 'utf8')) as V1Pod;
const { ephemeralContainers: _added, ...specBefore } = DEBUGGED.spec;
const { ephemeralContainerStatuses: _run, ...statusBefore } = DEBUGGED.status ?? {};
const BEFORE: V1Pod = { ...DEBUGGED, spec: specBefore, status: statusBefore };
/** The API server's record of kubectl debug's write (`managedFields`, as it keeps one per manager and subresource). */
const WRITE = { manager: 'kubectl-debug', operation: 'Update', apiVersion: 'v1', subresource: 'ephemeralcontainers', time: '2026-03-02T10:05:10Z' };

const streamFile = (objects: readonly unknown[]): string => {
  const dir = mkdtempSync(join(tmpdir(), 'podj-ephemeral-'));
  dirs.push(dir);
  const file = join(dir, 'pods.watch.jsonl');
  writeFileSync(file, objects.map((object, i) => JSON.stringify({ type: i === 0 ? 'ADDED' : 'MODIFIED', object })).join('\n') + '\n');
  return file;
};

const getPod = async (journal: string, at: string): Promise<V1Pod> => {
  const out = await podj('get', 'pod', 'web', '-o', 'json', '--at', at, '--journal', journal);
  expect(out.code, out.stderr).toBe(0);
  return JSON.parse(out.stdout) as V1Pod;
};

describe('an ephemeral container added after the pod was first captured', () => {
  it('-o json at the later capture is that object; before the write, the pod as first captured', async () => {
    const file = streamFile([BEFORE, DEBUGGED]);
    const journal = join(dirs[dirs.length - 1] ?? '', 'journal');
    const done = await podj('import', '--journal', journal, file);
    expect(done.code, done.stderr).toBe(0);
    expect(await getPod(journal, '2026-03-02T10:05:11Z')).toEqual(DEBUGGED);
    const earlier = await getPod(journal, '2026-03-02T10:04:00Z');
    expect(earlier.spec.ephemeralContainers).toBeUndefined();
    expect(earlier.status?.ephemeralContainerStatuses).toBeUndefined();
    const described = await podj('describe', 'pod', 'web', '--at', '2026-03-02T10:05:11Z', '--journal', journal);
    expect(described.stdout).toMatch(/Ephemeral Containers:\n {2}debugger-x7kqp:\n[\s\S]*?State: +Running\n +Started: /);
  });

  it("the write is timed by the subresource's managedFields entry, else placed at the run's start, inferred", async () => {
    const withWrite = { ...DEBUGGED, metadata: { ...DEBUGGED.metadata, managedFields: [WRITE] } };
    const timed = (await imported([streamFile([BEFORE, withWrite])])).events.find((e) => e.type === 'PodEphemeralContainersUpdated');
    expect(timed && { at: timed.at, inferred: timed.from?.inferred ?? false }).toEqual({ at: '2026-03-02T10:05:10.000Z', inferred: false });
    const placed = (await imported([streamFile([BEFORE, DEBUGGED])])).events.find((e) => e.type === 'PodEphemeralContainersUpdated');
    expect(placed && { at: placed.at, inferred: placed.from?.inferred ?? false }).toEqual({ at: '2026-03-02T10:05:11.000Z', inferred: true });
  });

  it("an audit log's update of pods/ephemeralcontainers grows the spec (its response object, at its stageTimestamp)", async () => {
    const line = (verb: string, subresource: string | undefined, at: string, object: unknown) => ({
      kind: 'Event', apiVersion: 'audit.k8s.io/v1', level: 'RequestResponse', auditID: `${verb}-${subresource ?? 'pod'}-${at}`, stage: 'ResponseComplete', verb,
      user: { username: 'kubernetes-admin' }, objectRef: { resource: 'pods', namespace: 'default', name: 'web', apiVersion: 'v1', ...(subresource !== undefined && { subresource }) },
      responseStatus: { code: verb === 'create' ? 201 : 200 }, requestReceivedTimestamp: at, stageTimestamp: at, responseObject: object,
    });
    const dir = mkdtempSync(join(tmpdir(), 'podj-ephemeral-audit-'));
    dirs.push(dir);
    const log = join(dir, 'audit.log');
    // the write keeps the status (`dropNonEphemeralContainerUpdates`); the kubelet's next status patch, audited at
    // level Request (no response object, as GKE's policy logs the nodes' writes), shows the run
    const written = { ...BEFORE, metadata: { ...BEFORE.metadata, managedFields: [WRITE] }, spec: DEBUGGED.spec };
    const patch = { ...line('patch', 'status', '2026-03-02T10:05:11.000000Z', undefined), level: 'Request', user: { username: 'system:node:node01' }, requestObject: { status: { ephemeralContainerStatuses: DEBUGGED.status?.ephemeralContainerStatuses } } };
    writeFileSync(log, [line('patch', 'status', '2026-03-02T10:00:03.000000Z', BEFORE), line('update', 'ephemeralcontainers', '2026-03-02T10:05:10.000000Z', written), patch].map((l) => JSON.stringify(l)).join('\n') + '\n');
    const journal = join(dir, 'journal');
    const done = await podj('import', '--journal', journal, log);
    expect(done.code, done.stderr).toBe(0);
    const pod = await getPod(journal, '2026-03-02T10:05:11Z');
    expect(pod.spec.ephemeralContainers?.map((c) => c.name)).toEqual(['debugger-x7kqp']);
    expect(pod.status?.ephemeralContainerStatuses?.map((c) => c.state)).toEqual([{ running: { startedAt: '2026-03-02T10:05:11Z' } }]);
  });

  it('the later object in a later import (the journal holds the pod): the write and the run are kept, as one import keeps them', async () => {
    const first = streamFile([BEFORE]);
    const later = streamFile([DEBUGGED]);
    const journal = join(dirs[dirs.length - 1] ?? '', 'journal');
    for (const file of [first, later]) {
      const done = await podj('import', '--journal', journal, file);
      expect(done.code, done.stderr).toBe(0);
    }
    const apart = mkdtempSync(join(tmpdir(), 'podj-ephemeral-joint-'));
    dirs.push(apart);
    const together = join(apart, 'journal');
    expect((await podj('import', '--journal', together, streamFile([BEFORE, DEBUGGED]))).code).toBe(0);
    expect(await getPod(journal, '2026-03-02T10:05:11Z')).toEqual(DEBUGGED);
    expect(await getPod(journal, '2026-03-02T10:05:11Z')).toEqual(await getPod(together, '2026-03-02T10:05:11Z'));
    const described = async (j: string): Promise<string> => (await podj('describe', 'pod', 'web', '--at', '2026-03-02T10:05:11Z', '--journal', j)).stdout;
    expect(await described(journal)).toBe(await described(together));
    const earlier = await getPod(journal, '2026-03-02T10:04:00Z');
    expect(earlier.spec.ephemeralContainers).toBeUndefined();
    // imported again, the later object adds nothing
    expect((await podj('import', '--journal', journal, later)).stdout).toMatch(/imported 0 new events/);
  });

  it('an object first captured with an ephemeral container: created without it (ValidatePodCreate forbids it), then the write', async () => {
    const events = (await imported([streamFile([DEBUGGED])])).events;
    const created = events.find((e) => e.type === 'PodCreated');
    expect(created?.type === 'PodCreated' ? created.manifest.spec.ephemeralContainers : 'none').toBeUndefined();
    expect(events.filter((e) => e.type === 'PodEphemeralContainersUpdated').map((e) => e.type === 'PodEphemeralContainersUpdated' && e.ephemeralContainers.map((c) => c.name))).toEqual([['debugger-x7kqp']]);
  });
});
