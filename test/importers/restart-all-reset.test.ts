/**
 * A watch stream of a pod through a `RestartAllContainers` reset, as the API serialises it: the kubelet's
 * made-up last termination of each removed container has `startedAt`/`finishedAt` `null` (a zero
 * `metav1.Time`; `kubelet_pods.go :: convertToAPIContainerStatuses`). The stream is podjournal's own engine
 * retelling `journal/restart-all-containers.yaml` (test/fixtures/import/README.md): the import must give back
 * what each capture showed, with the removals as removals, not as exits or extra runs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import type { V1Pod } from '../../src/k8s/pod.js';
import { findPod, foldCluster } from '../../src/reducers/index.js';
import { imported, ours } from './fixtures.js';

const STREAM = ours('restart-all-reset.watch.jsonl');

const captures = (): V1Pod[] =>
  readFileSync(STREAM, 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { object: V1Pod }).object);

/** What a capture and the fold are compared on: everything the kubelet writes. */
const shown = (pod: V1Pod | undefined) => ({
  phase: pod?.status?.phase,
  conditions: pod?.status?.conditions,
  initContainerStatuses: pod?.status?.initContainerStatuses,
  containerStatuses: pod?.status?.containerStatuses,
});

const foldUntil = (events: readonly Event[], at: string): V1Pod | undefined =>
  findPod(foldCluster(events.filter((e) => e.at <= at)), 'default', 'trainer')?.pod;

describe('an imported watch stream through a RestartAllContainers reset', () => {
  it('decodes the removals’ null times and ends as the last capture shows the pod', async () => {
    const { events } = await imported([STREAM]);
    const last = captures().at(-1);
    expect(shown(findPod(foldCluster(events), 'default', 'trainer')?.pod)).toEqual(shown(last));
  });

  it('records each removal as ContainerRemoved, inferred, with no exit or run made up for it', async () => {
    const { events } = await imported([STREAM]);
    const removals = events.filter((e) => e.type === 'ContainerRemoved');
    expect(removals.map((e) => [e.type === 'ContainerRemoved' && e.container, e.from?.inferred]).sort()).toEqual([
      ['fetch-shard', true],
      ['watcher', true],
      ['worker', true],
    ]);
    // worker ran once before the reset and once after: no exit was seen for the killed run, none is invented
    const workerExits = events.filter((e) => e.type === 'ContainerExited' && e.container === 'worker');
    expect(workerExits).toEqual([]);
    const workerStarts = events.filter((e) => e.type === 'ContainerStarted' && e.container === 'worker');
    expect(workerStarts).toHaveLength(2);
  });

  it('shows the captures taken during the reset at the removals’ instant', async () => {
    const { events } = await imported([STREAM]);
    const removedAt = events.find((e) => e.type === 'ContainerRemoved')?.at ?? '';
    const during = captures().filter((p) => p.status?.containerStatuses?.some((c) => c.state?.waiting?.reason === 'RestartingAllContainers'));
    expect(during.length).toBeGreaterThan(0);
    expect(shown(foldUntil(events, removedAt))).toEqual(shown(during.at(-1)));
  });
});
