/**
 * Every stored event folds without error: a journal written before the range checks (or by any other tool)
 * may hold numbers and instants no Kubernetes field can, and one such event must never make a whole query
 * fail. The raw sequences get extreme values (huge, negative and fractional numbers, the first and last
 * instants an event may carry, empty strings) and go through the fold and every reader: the kubectl table
 * and its formats, describe with its Events, the timeline's changes and `podj check`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkJournal, entriesOf } from '../src/check/index.js';
import type { Event } from '../src/events/index.js';
import { describePod, eventsOfPod, getPods, kubeEventsFor } from '../src/printers/index.js';
import { emptyCluster, foldCluster, podsOf } from '../src/reducers/index.js';
import { podChanges } from '../src/timetravel/pod-changes.js';
import { rawCluster } from './arbitraries/events.js';
import { holds } from './support/property.js';

const extremeNumbers = [1e308, -1e308, 9e12, -9e12, 2 ** 63, 2 ** 53 + 1, -1, 0.5, -0.5, 2 ** 31];
const extremeInstants = ['0000-01-01T00:00:00.000Z', '0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z'];
/** Keys that route an event (its type, version, subject): changing them makes another event, not an extreme one. */
const routing = new Set(['type', 'v', 'source', 'pod', 'node', 'container', 'uid', 'name', 'namespace']);

/** A copy of `value` where each number, instant or string may be swapped for an extreme one (`pick` decides). */
const extremify = (value: unknown, key: string, pick: () => number): unknown => {
  if (routing.has(key)) return value;
  if (typeof value === 'number') return pick() % 2 === 0 ? (extremeNumbers[pick() % extremeNumbers.length] ?? value) : value;
  if (typeof value === 'string') {
    if (/^\d{4}-\d\d-\d\dT/.test(value)) return pick() % 2 === 0 ? (extremeInstants[pick() % extremeInstants.length] ?? value) : value;
    return pick() % 7 === 0 ? '' : value;
  }
  if (Array.isArray(value)) return value.map((v) => extremify(v, '', pick));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, extremify(v, k, pick)]));
  }
  return value;
};

const extremeJournal = fc.tuple(rawCluster, fc.array(fc.nat(1000), { minLength: 64, maxLength: 64 })).map(([pods, choices]) => {
  let i = 0;
  const pick = (): number => choices[i++ % choices.length] ?? 0;
  const events = pods.flatMap((p) => p.events).map((e) => extremify(e, '', pick) as Event);
  return events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
});

describe('stored events', () => {
  it('every-stored-event-folds-without-error', async () => {
    await holds(
      'every-stored-event-folds-without-error',
      fc.property(extremeJournal, (events) => {
        const now = new Date(Date.parse(events[events.length - 1]?.at ?? '2026-01-01T00:00:00Z'));
        let state = emptyCluster;
        const rows = kubeEventsFor(events);
        for (const event of events) {
          const before = state;
          state = foldCluster([event], state);
          for (const after of podsOf(state)) {
            const previous = podsOf(before).find((p) => p.metadata.uid === after.metadata.uid);
            podChanges(previous, after, now);
          }
        }
        const pods = podsOf(state);
        for (const output of ['table', 'wide', 'json', 'name'] as const) expect(typeof getPods(pods, { output }, now).stdout).toBe('string');
        for (const pod of pods) expect(describePod(pod, eventsOfPod(rows, pod), now)).toContain('Name:');
        checkJournal(entriesOf(events));
      }),
      100,
    );
  });
});
