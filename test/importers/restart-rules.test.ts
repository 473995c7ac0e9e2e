/**
 * A pod whose container carries its own `restartPolicy` and `restartPolicyRules` (gate `ContainerRestartRules`,
 * on in v1.36), as a cluster shows it: the rule restarted `retry` once after exit 3 under the pod's Never, exit 1
 * ended it, `keeper` runs, the pod is Running. The import keeps the fields, places the rule's restart, and the
 * fold shows the captured status. The fixture is crafted (test/fixtures/import/README.md).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { V1Pod } from '../../src/k8s/pod.js';
import { findPod, foldCluster } from '../../src/reducers/index.js';
import { kubectlRow } from '../../src/printers/index.js';
import { firstListedPod, imported, ours } from './fixtures.js';
import { podj, tableRows } from './podj-in-process.js';

const PODS = ours('restart-rules-pods.json');
const AT = new Date('2026-07-23T09:13:00Z');

const recorded = (): V1Pod => firstListedPod(PODS);

const statesOf = (pod: V1Pod | undefined) =>
  (pod?.status?.containerStatuses ?? []).map((s) => ({ name: s.name, state: s.state, lastState: s.lastState ?? {}, restartCount: s.restartCount }));

describe('an imported pod with container restart rules', () => {
  it('keeps the container’s own policy and rules on the pod', async () => {
    const pod = findPod(foldCluster((await imported([PODS])).events), 'rules-demo', 'license-check')?.pod;
    expect(pod?.spec.containers[0]).toMatchObject({ restartPolicy: 'Never', restartPolicyRules: [{ action: 'Restart', exitCodes: { operator: 'In', values: [3] } }] });
  });

  it('folds to the captured phase, container states and restart count, and prints the row kubectl prints', async () => {
    const pod = findPod(foldCluster((await imported([PODS])).events), 'rules-demo', 'license-check')?.pod;
    const want = recorded();
    expect(pod?.status?.phase).toBe('Running');
    expect(statesOf(pod)).toEqual(statesOf(want));
    expect(pod === undefined ? undefined : kubectlRow(pod, AT)).toEqual(kubectlRow(want, AT));
  });
});

describe('podj import of a pod with container restart rules (LevelDB journal)', () => {
  const dir = mkdtempSync(join(process.env['TMPDIR'] ?? tmpdir(), 'restart-rules-journal-'));
  const journal = ['--journal', join(dir, 'j')];
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores it and reads back the row the cluster showed', async () => {
    const done = await podj('import', ...journal, PODS);
    expect(done.code, done.stderr).toBe(0);
    const rows = tableRows((await podj('get', 'pods', ...journal, '-n', 'rules-demo', '--at', AT.toISOString())).stdout);
    const want = kubectlRow(recorded(), AT);
    expect(rows[0]).toMatchObject({ NAME: 'license-check', READY: want.ready, STATUS: want.status, RESTARTS: want.restarts });
  });
});
