/**
 * What an imported pod's row rests on (`restsOnInferred`, behind `get pods --at`'s note): an inferred change
 * until a recorded one supersedes it, and an inferred run until the next capture, since RESTARTS counts every run.
 */
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import { reducePod, restsOnInferred, type PodState } from '../../src/reducers/index.js';
import { at, bound, created, exited, podRef, started } from '../support/event-builders.js';

const pod = podRef('web');
const inferred = (e: Event): Event => ({ ...e, from: { file: 'pods.json', line: 1, inferred: true } });
const observed = (s: number): Event => ({ v: 1, type: 'PodObserved', at: at(s), source: 'api', pod });
const backOff = (s: number): Event => ({ v: 1, type: 'ContainerBackOff', at: at(s), source: 'kubelet', pod, container: 'app', delaySeconds: 10, until: at(s + 10) });

/** Whether the row rests on inferred facts after each prefix of `events`. */
const rests = (events: readonly Event[]): boolean[] => {
  let s: PodState | undefined;
  return events.map((e) => {
    if (!('pod' in e)) return false;
    s = reducePod(s, e);
    return s !== undefined && restsOnInferred(s);
  });
};

describe('restsOnInferred', () => {
  const head = [created(pod, 0), bound(pod, 1), ...started(pod, 2), observed(3)];

  it('a restart count resting on a placed run stays marked when a recorded change comes after it, until a capture', () => {
    const placed = [inferred(exited(pod, 10, 1)), ...started(pod, 20, 'app', 'run-1').map(inferred)];
    // The recorded exit of the placed run: the row (Error, RESTARTS 1) still counts the placed run.
    const recorded = exited(pod, 30, 1, 'app', 'run-1');
    expect(rests([...head, ...placed, recorded, observed(40)]).slice(head.length)).toEqual([true, true, true, true, false]);
  });

  it('an inferred change that is no run is superseded by a recorded one', () => {
    const events = [...head, inferred(exited(pod, 10, 1)), observed(11), inferred(backOff(12)), backOff(13)];
    expect(rests(events).slice(head.length)).toEqual([true, false, true, false]);
  });

  it("the engine's journals, without any inferred fact, never rest on one", () => {
    expect(rests([created(pod, 0), bound(pod, 1), ...started(pod, 2), exited(pod, 10, 1), ...started(pod, 20, 'app', 'run-1')])).toEqual([false, false, false, false, false, false, false]);
  });
});
