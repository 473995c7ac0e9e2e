/**
 * A run that never started (`StartError`: terminated exit 128, `startedAt` the epoch) tells that the kubelet's
 * `StartContainer` failed, and the kubelet records a Warning `Failed` Event `Error: <the runtime's message>` then
 * (kuberuntime_container.go :: startContainer); the runtime stores the same error as the exited container's message.
 * Two real captures of it, imported into a real LevelDB journal: Open OnDemand's pod whose app failed to start once
 * and ran at once after (test/fixtures/real/ood/, README there), and a Job pod on EKS Fargate that never started
 * (`is-healthy-pod-start-error.yaml`). Neither holds Events: describe shows the `Failed` row marked inferred, and the
 * pods' rows stay what the cluster showed.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { real } from './fixtures.js';
import { podj, tableRows } from './podj-in-process.js';

interface Terminated {
  readonly reason?: string;
  readonly message?: string;
}
interface Captured {
  readonly metadata: { readonly name: string; readonly namespace: string };
  readonly status: { readonly containerStatuses: ReadonlyArray<{ readonly lastState?: { readonly terminated?: Terminated }; readonly state?: { readonly terminated?: Terminated } }> };
}

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'podj-start-error-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** describe's Events rows of the pod, cut at the header's columns. */
const describedEvents = async (pod: Captured, journal: readonly string[]): Promise<Array<Record<string, string>>> => {
  const out = await podj('describe', 'pod', pod.metadata.name, '-n', pod.metadata.namespace, ...journal);
  expect(out.code, out.stderr).toBe(0);
  const events = out.stdout.slice(out.stdout.indexOf('\nEvents:\n') + 9);
  return tableRows(events.split('\n').filter((l) => !/^\s+-+/.test(l)).join('\n'));
};

describe('a StartError run shows the Failed Event the kubelet records for it, inferred', () => {
  it("Open OnDemand's pod: its app's first run failed to start (lastState StartError), the next one runs", async () => {
    const file = real('ood/ns_prefixed_pod.json');
    const pod = JSON.parse(await readFile(file, 'utf8')) as Captured;
    const failed = pod.status.containerStatuses[0]?.lastState?.terminated;
    expect(failed?.reason).toBe('StartError');
    const journal = ['--journal', join(dir, 'journal')];
    expect((await podj('import', ...journal, file)).code).toBe(0);

    const rows = await describedEvents(pod, journal);
    expect(rows.filter((r) => r['Reason'] === 'Failed')).toEqual([
      { Type: 'Warning', Reason: 'Failed', Age: '1s (inferred)', From: 'kubelet', Message: `spec.containers{jupyter}: Error: ${failed?.message ?? ''}` },
    ]);
    // One start went through: one Started, after the failed run's and the running run's creation.
    expect(rows.filter((r) => r['Reason'] === 'Started' && r['Message']?.includes('{jupyter}')).length).toBe(1);
    const table = tableRows((await podj('get', 'pods', '-A', ...journal)).stdout);
    expect(table.map((r) => [r['STATUS'], r['RESTARTS']])).toEqual([['Running', '1 (1s ago)']]);
  });

  it('the Fargate Job pod whose only run never started: Created, then Failed, and the pod stays StartError', async () => {
    const file = real('is-healthy-pod-start-error.yaml');
    const pod = parse(await readFile(file, 'utf8')) as Captured;
    const failed = pod.status.containerStatuses[0]?.state?.terminated;
    expect(failed?.reason).toBe('StartError');
    const journal = ['--journal', join(dir, 'journal')];
    expect((await podj('import', ...journal, file)).code).toBe(0);

    const rows = await describedEvents(pod, journal);
    expect(rows.filter((r) => r['From'] === 'kubelet').map((r) => [r['Type'], r['Reason'], r['Age']?.endsWith('(inferred)'), r['Message']])).toEqual([
      ['Normal', 'Created', true, 'spec.containers{migrations}: Container created'],
      ['Warning', 'Failed', true, `spec.containers{migrations}: Error: ${failed?.message ?? ''}`],
    ]);
    const table = tableRows((await podj('get', 'pods', '-A', ...journal)).stdout);
    expect(table.map((r) => [r['READY'], r['STATUS'], r['RESTARTS']])).toEqual([['0/1', 'StartError', '0']]);
  });
});
