/**
 * The baseline fold from the project's stack notes: a switch on the event type returning
 * a spread 6-field state per pod, kept in a Map. What a fold costs when it computes next to nothing.
 */
import type { Event } from '../../src/events/index.js';

interface Mini {
  readonly uid: string;
  readonly phase: string;
  readonly node: string;
  readonly restarts: number;
  readonly ready: boolean;
  readonly at: string;
}

const step = (s: Mini | undefined, e: Event & { pod: { uid: string } }): Mini | undefined => {
  const base: Mini = s ?? { uid: e.pod.uid, phase: 'Pending', node: '', restarts: 0, ready: false, at: e.at };
  switch (e.type) {
    case 'PodBound':
      return { ...base, node: e.node, at: e.at };
    case 'ContainerStarted':
      return { ...base, phase: 'Running', at: e.at };
    case 'ContainerExited':
      return { ...base, restarts: base.restarts + 1, at: e.at };
    case 'ProbeResultChanged':
      return { ...base, ready: e.outcome === 'success', at: e.at };
    case 'PodRemoved':
      return undefined;
    default:
      return { ...base, at: e.at };
  }
};

export const baselineFold = (events: readonly Event[]): Map<string, Mini> => {
  const pods = new Map<string, Mini>();
  for (const e of events) {
    if (!('pod' in e)) continue;
    const next = step(pods.get(e.pod.uid), e);
    if (next === undefined) pods.delete(e.pod.uid);
    else pods.set(e.pod.uid, next);
  }
  return pods;
};
