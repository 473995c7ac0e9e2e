/**
 * An imported pod's `status.ephemeralContainerStatuses` are what the cluster showed (`kubelet_pods.go ::
 * generateAPIPodStatus` converts the ephemeral containers' runs as it does the regular ones; the prober manager writes
 * `ready` and `started` only for init and regular containers, so `ready: false` and no `started`): the `kubectl debug`
 * pod of `test/fixtures/import/ephemeral-debug-pod.json` served field for field, and its debugger's exit (exit 130,
 * `Error`, as a shell left with ctrl-c shows it) neither restarts it nor moves the pod from Running 1/1.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { V1Pod } from '../../src/k8s/pod.js';
import { importedJournal } from '../support/imported-journal.js';
import { ours } from './fixtures.js';
import { podj, tableRows } from './podj-in-process.js';

const pod = JSON.parse(readFileSync(ours('ephemeral-debug-pod.json'), 'utf8')) as V1Pod;

/** The same pod once its debugger exited: the status the kubelet wrote next. */
const exited: V1Pod = {
  ...pod,
  metadata: { ...pod.metadata, resourceVersion: '90210' },
  status: {
    ...pod.status,
    ephemeralContainerStatuses: (pod.status?.ephemeralContainerStatuses ?? []).map((s) => ({
      ...s,
      state: { terminated: { containerID: 'containerd://e1', exitCode: 130, reason: 'Error', startedAt: '2026-03-02T10:05:11Z', finishedAt: '2026-03-02T10:09:40Z' } },
    })),
  },
};

// The watch stream of both objects, written before the journal imports it.
const streamDir = mkdtempSync(join(tmpdir(), 'podj-ephemeral-'));
afterAll(() => rmSync(streamDir, { recursive: true, force: true }));
const stream = join(streamDir, 'watch.jsonl');
writeFileSync(stream, [{ type: 'ADDED', object: pod }, { type: 'MODIFIED', object: exited }].map((l) => JSON.stringify(l)).join('\n') + '\n');

const getJson = async (journal: string[], at?: string): Promise<V1Pod> => {
  const r = await podj('get', 'pod', 'web', '-o', 'json', ...journal, ...(at === undefined ? [] : ['--at', at]));
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as V1Pod;
};

describe('an imported pod with an ephemeral container', () => {
  const journal = importedJournal([ours('ephemeral-debug-pod.json')]);

  it('get pod -o json shows its ephemeralContainerStatuses as the cluster served them', async () => {
    expect(await getJson(journal())).toEqual(pod);
    const described = await podj('describe', 'pod', 'web', ...journal());
    expect(described.stdout).toMatch(/\nEphemeral Containers:\n {2}debugger-x7kqp:\n(.*\n)* {4}State: +Running\n {6}Started: +Mon, 02 Mar 2026 10:05:11 \+0000\n {4}Ready: +False\n {4}Restart Count: +0\n/);
  });
});

describe("an ephemeral container's exit", () => {
  const journal = importedJournal([stream]);

  it('shows terminated, not restarted, and the pod stays Running 1/1', async () => {
    expect((await getJson(journal(), '2026-03-02T10:06:00Z')).status?.ephemeralContainerStatuses).toEqual(pod.status?.ephemeralContainerStatuses);
    const after = await getJson(journal());
    expect(after.status?.ephemeralContainerStatuses).toEqual(exited.status?.ephemeralContainerStatuses);
    expect(after.status?.phase).toBe('Running');
    const rows = tableRows((await podj('get', 'pods', ...journal())).stdout);
    expect(rows.map((r) => [r['NAME'], r['READY'], r['STATUS'], r['RESTARTS']])).toEqual([['web', '1/1', 'Running', '0']]);
  });
});
