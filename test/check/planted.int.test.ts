/**
 * Each check finds a violation planted in a journal written to a real LevelDB, names it with the records
 * that show it, and finds nothing in the same journal without the plant.
 */
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import { checkStoredJournal } from '../../src/check/run.js';
import { tempJournal } from '../support/temp-journal.js';
import { at } from '../support/event-builders.js';
import { app, life } from './builders.js';

interface Plant {
  /** What the journal shows, without the violation. */
  readonly clean: readonly Event[];
  /** The same journal with the violation planted. */
  readonly planted: readonly Event[];
  /** The types of the records the violation must name. */
  readonly evidence: readonly string[];
}

const never = life('job', { restartPolicy: 'Never', containers: [app('task')] });
const onFailure = life('batch', { restartPolicy: 'OnFailure', containers: [app('task')] });
const inits = life('myapp', { initContainers: [app('init-a'), app('init-b')], containers: [app('main')] });
const crash = life('crashy', { containers: [app('app')] });
const probed = life('probed', { containers: [app('app', { livenessProbe: { exec: { command: ['true'] }, failureThreshold: 3 } })] });
const deleted = life('leaving', { terminationGracePeriodSeconds: 10, containers: [app('app')] });
const pair = life('pair', { terminationGracePeriodSeconds: 3, containers: [app('app-0', { lifecycle: { preStop: { exec: { command: ['sh', '-c', 'sleep 1'] } } } }), app('app-1', { livenessProbe: { exec: { command: ['true'] }, failureThreshold: 1 } })] });
const guaranteed = life('gold', { containers: [app('app', { resources: { limits: { cpu: '1', memory: '256Mi' } } })] });
const bestEffort = life('scrap', { containers: [app('app')] });
const unpublished = life('fresh', { containers: [app('app')] });
const published = life('settled', { containers: [app('app')] });
const critical = life('dns', { priority: 2_000_000_000, containers: [app('app')] });

const plants: Record<string, Plant> = {
  'restart-under-never': {
    clean: [...never.scheduled(0), ...never.start('task', 1), never.exit('task', 1, 5, 1)],
    planted: [...never.scheduled(0), ...never.start('task', 1), never.exit('task', 1, 5, 1), ...never.start('task', 6)],
    evidence: ['ContainerExited', 'ContainerStarted'],
  },
  'restart-after-success': {
    clean: [...onFailure.scheduled(0), ...onFailure.start('task', 1), onFailure.exit('task', 1, 5, 1), ...onFailure.start('task', 6)],
    planted: [...onFailure.scheduled(0), ...onFailure.start('task', 1), onFailure.exit('task', 1, 5, 0), ...onFailure.start('task', 6)],
    evidence: ['ContainerExited', 'ContainerStarted'],
  },
  'init-before-regular': {
    clean: [...inits.scheduled(0), ...inits.start('init-a', 1), inits.exit('init-a', 1, 2, 0), ...inits.start('init-b', 3), inits.exit('init-b', 3, 4, 0), ...inits.start('main', 5)],
    planted: [...inits.scheduled(0), ...inits.start('init-a', 1), inits.exit('init-a', 1, 2, 0), ...inits.start('init-b', 3), ...inits.start('main', 3)],
    evidence: ['ContainerStarted', 'ContainerStarted'],
  },
  'init-in-order': {
    clean: [...inits.scheduled(0), ...inits.start('init-a', 1), inits.exit('init-a', 1, 2, 0), ...inits.start('init-b', 3)],
    planted: [...inits.scheduled(0), ...inits.start('init-a', 1), ...inits.start('init-b', 1)],
    evidence: ['ContainerStarted', 'ContainerStarted'],
  },
  backoff: {
    clean: [...crash.scheduled(0), ...crash.start('app', 1), crash.exit('app', 1, 2, 1), ...crash.start('app', 2), crash.exit('app', 2, 3, 1), crash.backOff('app', 3, 10), ...crash.start('app', 13)],
    planted: [...crash.scheduled(0), ...crash.start('app', 1), crash.exit('app', 1, 2, 1), ...crash.start('app', 2), crash.exit('app', 2, 3, 1), crash.backOff('app', 3, 10), ...crash.start('app', 8)],
    evidence: ['ContainerBackOff', 'ContainerStarted'],
  },
  'probe-kill': {
    clean: [...probed.scheduled(0), ...probed.start('app', 1), ...[11, 21, 31].map((s) => probed.probe('app', s, 'liveness', 'failure')), probed.kill('app', 31, 'LivenessProbeFailed', 30)],
    planted: [...probed.scheduled(0), ...probed.start('app', 1), probed.probe('app', 11, 'liveness', 'failure'), probed.probe('app', 21, 'readiness', 'failure'), probed.kill('app', 21, 'LivenessProbeFailed', 30)],
    evidence: ['ProbeExecuted', 'ContainerKilling'],
  },
  // the prober worker keeps its run across restarts (prober/worker.go :: doProbe: a new container ID does not
  // reset resultRun); the kill's hold zeroes it (onHold, resultRun = 0)
  'probe-kill (a run counted across a restart)': {
    clean: [
      ...probed.scheduled(0), ...probed.start('app', 1), ...[11, 21].map((s) => probed.probe('app', s, 'liveness', 'failure')),
      probed.exit('app', 1, 25, 1), ...probed.start('app', 26), probed.probe('app', 31, 'liveness', 'failure'), probed.kill('app', 31, 'LivenessProbeFailed', 30),
    ],
    planted: [
      ...probed.scheduled(0), ...probed.start('app', 1), ...[11, 21, 31].map((s) => probed.probe('app', s, 'liveness', 'failure')), probed.kill('app', 31, 'LivenessProbeFailed', 0),
      probed.exit('app', 1, 31, 137), ...probed.start('app', 32), probed.probe('app', 41, 'liveness', 'failure'), probed.kill('app', 41, 'LivenessProbeFailed', 30),
    ],
    evidence: ['ProbeExecuted', 'ContainerKilling'],
  },
  grace: {
    clean: [...deleted.scheduled(0), ...deleted.start('app', 1), deleted.deletion(20, 10), deleted.exit('app', 1, 28, 0)],
    planted: [...deleted.scheduled(0), ...deleted.start('app', 1), deleted.deletion(20, 10), deleted.exit('app', 1, 45, 137)],
    evidence: ['PodDeletionRequested', 'ContainerExited'],
  },
  // a shorter second request changes no deadline: kubelet.go :: SyncTerminatingPod kills on context.Background()
  // (TODO(#113606)), so the kill in flight keeps its 10 s (kubernetes#83916)
  'grace (a shorter second request)': {
    clean: [...deleted.scheduled(0), ...deleted.start('app', 1), deleted.deletion(20, 10), deleted.deletion(28, 5), deleted.exit('app', 1, 30, 137)],
    planted: [...deleted.scheduled(0), ...deleted.start('app', 1), deleted.deletion(20, 10), deleted.deletion(28, 5), deleted.exit('app', 1, 32, 137)],
    evidence: ['PodDeletionRequested', 'ContainerExited'],
  },
  // a liveness kill under way when the deletion comes runs to its own end (SyncPod's runtime context is
  // context.WithoutCancel): the 5 s asked at 40 s do not cut the 30 s that began at 31 s
  'grace (a probe kill under way)': {
    clean: [
      ...probed.scheduled(0), ...probed.start('app', 1), ...[11, 21, 31].map((s) => probed.probe('app', s, 'liveness', 'failure')), probed.kill('app', 31, 'LivenessProbeFailed', 30),
      probed.deletion(40, 5), probed.exit('app', 1, 61, 137),
    ],
    planted: [
      ...probed.scheduled(0), ...probed.start('app', 1), ...[11, 21, 31].map((s) => probed.probe('app', s, 'liveness', 'failure')), probed.kill('app', 31, 'LivenessProbeFailed', 30),
      probed.deletion(40, 5), probed.exit('app', 1, 63, 137),
    ],
    evidence: ['PodDeletionRequested', 'ContainerExited'],
  },
  // the SyncPod that made that kill runs on until it ends (+9 s: 3 s from +6), and only then does the terminating sync
  // stop the other containers, with the deletion's 3 s (preStop 2 s, then the 2 s SIGTERM minimum): app-0 by +14, not
  // +12 (the shrunk counterexample of graceful-deletion-within-grace-any, seed 2 with 100 runs)
  'grace (a probe kill of another container under way)': {
    clean: [
      ...pair.scheduled(0), ...pair.start('app-0', 3), ...pair.start('app-1', 3), pair.probe('app-1', 6, 'liveness', 'failure'), pair.kill('app-1', 6, 'LivenessProbeFailed', 3),
      pair.deletion(7, 3), pair.exit('app-1', 3, 9, 137), ...pair.start('app-1', 9), pair.kill('app-0', 9, 'PodDeleted', 3), pair.kill('app-1', 9, 'PodDeleted', 3),
      pair.exit('app-1', 9, 12, 137), pair.exit('app-0', 3, 13, 137),
    ],
    planted: [
      ...pair.scheduled(0), ...pair.start('app-0', 3), ...pair.start('app-1', 3), pair.probe('app-1', 6, 'liveness', 'failure'), pair.kill('app-1', 6, 'LivenessProbeFailed', 3),
      pair.deletion(7, 3), pair.exit('app-1', 3, 9, 137), ...pair.start('app-1', 9), pair.kill('app-0', 9, 'PodDeleted', 3), pair.kill('app-1', 9, 'PodDeleted', 3),
      pair.exit('app-1', 9, 12, 137), pair.exit('app-0', 3, 15, 137),
    ],
    evidence: ['PodDeletionRequested', 'ContainerExited'],
  },
  'eviction-order': {
    clean: [
      ...guaranteed.scheduled(0), ...guaranteed.start('app', 1), guaranteed.usage('app', 10, '200Mi'),
      ...bestEffort.scheduled(0), ...bestEffort.start('app', 1), bestEffort.usage('app', 10, '300Mi'),
      bestEffort.evicted(10),
    ],
    planted: [
      ...guaranteed.scheduled(0), ...guaranteed.start('app', 1), guaranteed.usage('app', 10, '200Mi'),
      ...bestEffort.scheduled(0), ...bestEffort.start('app', 1), bestEffort.usage('app', 10, '300Mi'),
      guaranteed.evicted(10),
    ],
    evidence: ['PodEvicted'],
  },
  // the kubelet ranks with its own stats, not the published status (eviction_manager.go :: synchronize):
  // a container started after the last sync already counts
  'eviction-order (a start not yet published)': {
    clean: [
      ...unpublished.scheduled(0), unpublished.synced(0), ...unpublished.start('app', 1), unpublished.usage('app', 10, '300Mi'),
      ...published.scheduled(0), ...published.start('app', 1), published.synced(2), published.usage('app', 10, '100Mi'),
      unpublished.evicted(10),
    ],
    planted: [
      ...unpublished.scheduled(0), unpublished.synced(0), ...unpublished.start('app', 1), unpublished.usage('app', 10, '300Mi'),
      ...published.scheduled(0), ...published.start('app', 1), published.synced(2), published.usage('app', 10, '100Mi'),
      published.evicted(10),
    ],
    evidence: ['PodEvicted'],
  },
  // a pod being deleted is still active while a container of it runs (kubelet_pods.go :: filterOutInactivePods):
  // it is ranked like any other
  'eviction-order (a pod being deleted)': {
    clean: [
      ...guaranteed.scheduled(0), ...guaranteed.start('app', 1), guaranteed.usage('app', 10, '200Mi'),
      ...bestEffort.scheduled(0), ...bestEffort.start('app', 1), bestEffort.deletion(5, 30), bestEffort.kill('app', 5, 'PodDeleted', 30), bestEffort.usage('app', 10, '300Mi'),
      bestEffort.evicted(10),
    ],
    planted: [
      ...guaranteed.scheduled(0), ...guaranteed.start('app', 1), guaranteed.usage('app', 10, '200Mi'),
      ...bestEffort.scheduled(0), ...bestEffort.start('app', 1), bestEffort.deletion(5, 30), bestEffort.kill('app', 5, 'PodDeleted', 30), bestEffort.usage('app', 10, '300Mi'),
      guaranteed.evicted(10),
    ],
    evidence: ['PodEvicted'],
  },
  'eviction-order (critical pod)': {
    clean: [...critical.scheduled(0), ...critical.start('app', 1)],
    planted: [...critical.scheduled(0), ...critical.start('app', 1), critical.evicted(10)],
    evidence: ['PodEvicted'],
  },
};

const checkOf = (name: string): string => name.replace(/ \(.*\)$/, '');

const violationsIn = async (events: readonly Event[]) => {
  const journal = await tempJournal();
  await journal.append(events, { expectedSeq: 0 });
  return (await checkStoredJournal(journal)).violations;
};

describe('grace on a node whose kubelet went silent', () => {
  // Before the node lifecycle controller marks the node (node_lifecycle_controller.go :: monitorNodeHealth,
  // 50 s after the last renewal) only KubeletStopped says so; no exit can be reported while it is silent.
  const silent: Event = { v: 1, type: 'KubeletStopped', at: at(15), source: 'node', node: 'node-0' };
  const laterElsewhere = [...bestEffort.scheduled(45, 'node-1')];
  it('judges no deadline after the silence, and still judges one before it', async () => {
    expect(await violationsIn([...deleted.scheduled(0), ...deleted.start('app', 1), silent, deleted.deletion(20, 10), ...laterElsewhere])).toEqual([]);
    const before = await violationsIn([...deleted.scheduled(0), ...deleted.start('app', 1), deleted.deletion(2, 10), { ...silent, at: at(40) }, ...laterElsewhere]);
    expect(before.map((v) => v.check)).toEqual(['grace']);
  });
});

describe('podj check finds planted violations', () => {
  it.each(Object.entries(plants))('%s', async (name, plant) => {
    expect(await violationsIn(plant.clean), 'the journal without the plant is clean').toEqual([]);
    const found = await violationsIn(plant.planted);
    expect(found.map((v) => v.check), 'exactly the planted violation').toEqual([checkOf(name)]);
    expect(found[0]?.evidence.map((e) => e.event.type)).toEqual(plant.evidence);
  });
});
