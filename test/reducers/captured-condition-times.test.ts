/**
 * A capture's condition transition times (`PodObserved.conditions`): the kubelet stamps a transition when it writes
 * the status that changes it, often a sync after the fact an import places it at (sonobuoy's v1.20 aggregator:
 * started 14:43:37, Ready True since 14:43:38). The fold takes the capture's time where it shows the same type
 * and status, and later statuses keep it while the condition does not change.
 */
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import { reducePod, type PodState } from '../../src/reducers/index.js';
import { at, bound, created, exited, podRef, started } from '../support/event-builders.js';

const pod = podRef('web');
const observed = (s: number, conditions: Array<[string, 'True' | 'False', number]>): Event => ({
  v: 1,
  type: 'PodObserved',
  at: at(s),
  source: 'api',
  pod,
  conditions: conditions.map(([type, status, since]) => ({ type, status, lastTransitionTime: at(since) })),
});

const fold = (events: readonly Event[]): PodState | undefined => events.reduce<PodState | undefined>((s, e) => ('pod' in e ? reducePod(s, e) : s), undefined);
const since = (s: PodState | undefined, type: string): string | undefined => s?.pod.status?.conditions?.find((c) => c.type === type)?.lastTransitionTime;

describe('captured condition times', () => {
  const head = [created(pod, 0), bound(pod, 1), ...started(pod, 2)];

  it("a capture's later stamp of the same status replaces the fold's, and stays while the status does", () => {
    expect(since(fold(head), 'Ready')).toBe(at(2).replace('.000', ''));
    const captured = fold([...head, observed(5, [['Ready', 'True', 3], ['ContainersReady', 'True', 3]])]);
    expect([since(captured, 'Ready'), since(captured, 'ContainersReady')]).toEqual([at(3).replace('.000', ''), at(3).replace('.000', '')]);
    // A later event regenerates the status: the unchanged condition keeps the captured time.
    const gate: Event = { v: 1, type: 'PodConditionSet', at: at(9), source: 'controller', pod, conditionType: 'DisruptionTarget', status: 'False' };
    const later = fold([...head, observed(5, [['Ready', 'True', 3]]), gate]);
    expect(later?.pod.status?.conditions?.some((c) => c.type === 'DisruptionTarget')).toBe(true);
    expect(since(later, 'Ready')).toBe(at(3).replace('.000', ''));
  });

  it('a capture of another status than the fold shows moves nothing (that is a divergence, not a time)', () => {
    const s = fold([...head, observed(5, [['Ready', 'False', 4]])]);
    expect(since(s, 'Ready')).toBe(at(2).replace('.000', ''));
    // After an exit the fold reads Ready False from the exit; the capture of that status gives its time.
    const failed = fold([...head, exited(pod, 10, 1), observed(12, [['Ready', 'False', 11]])]);
    expect(since(failed, 'Ready')).toBe(at(11).replace('.000', ''));
  });
});
