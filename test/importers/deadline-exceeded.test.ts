/**
 * A pod the kubelet failed past its `activeDeadlineSeconds` (`pkg/kubelet/active_deadline.go`), as a cluster
 * shows it: a PodList whose pod is Failed / `DeadlineExceeded`, and the kubelet's Normal `DeadlineExceeded`
 * Event. Both import as the engine's `PodDeadlineExceeded`, so the fold reads as a simulated deadline does.
 * The fixtures are crafted (test/fixtures/import/README.md), shaped on the recorded v1.36.1 PodList/EventList.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PodCondition, V1Pod } from '../../src/k8s/pod.js';
import { findPod, foldCluster } from '../../src/reducers/index.js';
import { kubectlRow } from '../../src/printers/index.js';
import { firstListedPod, imported, ours } from './fixtures.js';
import { podj, tableRows } from './podj-in-process.js';

const PODS = ours('deadline-exceeded-pods.json');
const EVENTS = ours('deadline-exceeded-events.json');
const NOW = new Date('2026-07-22T21:35:00Z');

const recorded = (): V1Pod => firstListedPod(PODS);

const deadlineEvents = (events: readonly { type: string; at: string; from?: { inferred?: boolean } }[]) =>
  events.filter((e) => e.type === 'PodDeadlineExceeded').map((e) => [e.at, e.from?.inferred === true]);

describe('imported active-deadline failures', () => {
  it('the kubelet Events alone: PodDeadlineExceeded at its first timestamp; its Stopping container is no deletion', async () => {
    const result = await imported([EVENTS]);
    expect(deadlineEvents(result.events)).toEqual([['2026-07-22T21:30:30.000Z', false]]);
    expect(result.events.filter((e) => e.type === 'PodDeletionRequested')).toEqual([]);
    expect(result.events.flatMap((e) => (e.type === 'ContainerKilling' ? [[e.reason, e.gracePeriodSeconds]] : []))).toEqual([['PodFinished', 30]]);
  });

  it('the pod object alone: at the Ready transition to PodFailed, the status the deadline sync generated', async () => {
    const result = await imported([PODS]);
    expect(deadlineEvents(result.events)).toEqual([['2026-07-22T21:30:30.000Z', false]]);
  });

  it('an object already not ready keeps its older Ready transition: the deadline itself, marked inferred', async () => {
    // derived from the fixture in the test: Ready and ContainersReady turned False before the deadline
    const pod = recorded();
    const early = (c: PodCondition): PodCondition => (c.type === 'Ready' || c.type === 'ContainersReady' ? { ...c, lastTransitionTime: '2026-07-22T21:30:05Z' } : c);
    const notReady = { ...pod, status: { ...pod.status, conditions: pod.status?.conditions?.map(early) } };
    const tmp = mkdtempSync(join(process.env['TMPDIR'] ?? tmpdir(), 'deadline-'));
    try {
      const file = join(tmp, 'pods.json');
      writeFileSync(file, JSON.stringify({ kind: 'PodList', apiVersion: 'v1', metadata: {}, items: [notReady] }));
      expect(deadlineEvents((await imported([file])).events)).toEqual([['2026-07-22T21:30:30.000Z', true]]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('both together: one fact, and the fold shows what the cluster showed', async () => {
    const result = await imported([PODS, EVENTS]);
    expect(deadlineEvents(result.events)).toHaveLength(1);
    const pod = findPod(foldCluster(result.events), 'deadline-demo', 'report-task')?.pod;
    const want = recorded();
    expect(pod?.status).toMatchObject({ phase: 'Failed', reason: want.status?.reason, message: want.status?.message });
    const ready = pod?.status?.conditions?.find((c) => c.type === 'Ready');
    expect(ready).toMatchObject({ status: 'False', reason: 'PodFailed' });
    expect(pod === undefined ? undefined : kubectlRow(pod, NOW)).toMatchObject({ status: kubectlRow(want, NOW).status, ready: '0/1' });
  });
});

describe('podj import of an active-deadline failure (LevelDB journal)', () => {
  const dir = mkdtempSync(join(process.env['TMPDIR'] ?? tmpdir(), 'deadline-journal-'));
  const journal = ['--journal', join(dir, 'j')];
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores PodDeadlineExceeded and reads back Failed / DeadlineExceeded', async () => {
    const done = await podj('import', ...journal, PODS, EVENTS);
    expect(done.code, done.stderr).toBe(0);
    const events = await podj('events', '-o', 'journal', ...journal);
    expect(events.code, events.stderr).toBe(0);
    expect(events.stdout).toMatch(/PodDeadlineExceeded\s+past activeDeadlineSeconds/);
    expect(events.stdout).toMatch(/ContainerKilling\s+task: killing \(PodFinished, grace 30s\)/);
    const got = await podj('get', 'pods', ...journal, '-n', 'deadline-demo', '-o', 'jsonpath={.items[0].status.reason}');
    expect(got.code, got.stderr).toBe(0);
    expect(got.stdout).toBe('DeadlineExceeded');
    const rows = tableRows((await podj('get', 'pods', ...journal, '-n', 'deadline-demo')).stdout);
    expect(rows[0]).toMatchObject({ NAME: 'report-task', READY: '0/1' });
  });
});
