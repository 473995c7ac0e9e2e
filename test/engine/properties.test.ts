import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { foldEngine, initialState, run as runEngine } from '../../src/engine/index.js';
import { decodeEvent, type Event } from '../../src/events/index.js';
import { foldCluster } from '../../src/reducers/index.js';
import { clusterArb, scenario } from './generated.js';
import { offset } from './harness.js';

/** Rules no decision may break, whatever the world does. */
const invariants = (events: readonly Event[], lostAt: number | undefined): void => {
  const deleting = new Set<string>();
  const syncedSinceDeletion = new Set<string>();
  const onN1 = new Set<string>();
  const started = new Set<string>();
  const neverStarts = new Map<string, number>();
  for (const e of events) {
    const uid = 'pod' in e ? e.pod.uid : '';
    switch (e.type) {
      case 'PodDeletionRequested':
        deleting.add(uid);
        break;
      case 'PodBound':
        if (e.node === 'n1') onN1.add(uid);
        break;
      case 'PodCreated':
        if (e.manifest.spec.restartPolicy === 'Never') neverStarts.set(uid, 0);
        break;
      case 'PodSynced':
        if (deleting.has(uid)) syncedSinceDeletion.add(uid);
        break;
      case 'ContainerStarted': {
        // only the SyncPod in flight at the deletion starts anything after it (its runtime sync runs on
        // `context.WithoutCancel`: a pull, a postStart hook, a probe kill and its restart); no later sync does
        expect(syncedSinceDeletion.has(uid), `${e.pod.name}/${e.container} started by a sync after its deletion`).toBe(false);
        started.add(e.containerID);
        const count = neverStarts.get(uid);
        if (count !== undefined && e.container.startsWith('app')) {
          expect(count, `${e.pod.name}/${e.container} restarted under Never`).toBe(0);
          neverStarts.set(uid, count + 1);
        }
        break;
      }
      case 'ContainerExited':
        expect(started.has(e.containerID), `${e.containerID} exited without starting`).toBe(true);
        break;
      default:
        break;
    }
    const kubeletSide = e.source === 'kubelet' || e.source === 'runtime' || e.source === 'prober';
    if (lostAt !== undefined && offset(e) > lostAt && onN1.has(uid)) {
      expect(kubeletSide, `${e.type} from an unreachable node`).toBe(false);
    }
  }
};

describe('properties of any simulation', () => {
  it('is deterministic, time-ordered, decodable, replayable, and folds through the reducers', () => {
    fc.assert(
      fc.property(clusterArb, (c) => {
        const sim = scenario(c);
        const first = runEngine(sim);
        expect(runEngine(sim).events).toEqual(first.events);
        const offsets = first.events.map(offset);
        expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
        for (const e of first.events) expect(E.isRight(decodeEvent(JSON.parse(JSON.stringify(e))))).toBe(true);
        expect(foldEngine(first.events, initialState())).toEqual(first.state);
        expect(() => foldCluster(first.events)).not.toThrow();
        invariants(first.events, c.lostAt);
      }),
      { numRuns: 40, seed: 20260101 },
    );
  });
});
