/**
 * Independence: a pod's state depends only on its own events, so interleaving the events of different pods
 * (and of nodes) in any way that keeps each pod's own order gives every pod the same state.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Event } from '../src/events/index.js';
import { foldCluster } from '../src/reducers/index.js';
import { scenario } from './arbitraries/scenarios.js';
import { journalOf } from './support/simulated.js';
import { holds } from './support/property.js';

const groupOf = (e: Event): string => ('pod' in e ? `pod/${e.pod.uid}` : `node/${e.node}`);

/** Re-interleaves `events`: the groups take turns in the order `picks` says, each group keeping its own order. */
const interleave = (events: readonly Event[], picks: readonly number[]): Event[] => {
  const queues = new Map<string, Event[]>();
  for (const e of events) queues.set(groupOf(e), [...(queues.get(groupOf(e)) ?? []), e]);
  const out: Event[] = [];
  let i = 0;
  while (queues.size > 0) {
    const keys = [...queues.keys()];
    const key = keys[(picks[i++ % Math.max(1, picks.length)] ?? 0) % keys.length] ?? '';
    const queue = queues.get(key) ?? [];
    const next = queue.shift();
    if (next !== undefined) out.push(next);
    if (queue.length === 0) queues.delete(key);
  }
  return out;
};

describe('independence', () => {
  it('pods-independent-of-interleaving', async () => {
    await holds('pods-independent-of-interleaving', fc.property(scenario({ maxPods: 4 }), fc.array(fc.nat(), { minLength: 1, maxLength: 64 }), (s, picks) => {
      const events = journalOf(s);
      const original = foldCluster(events);
      const shuffled = foldCluster(interleave(events, picks));
      for (const [uid, state] of original.pods) expect(shuffled.pods.get(uid), `pod ${uid}`).toEqual(state);
      expect([...shuffled.pods.keys()].sort()).toEqual([...original.pods.keys()].sort());
    }), 40);
  });
});
