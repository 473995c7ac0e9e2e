/**
 * A journal as the checks see it: its records in valid-time order, and each pod's history of states, folded
 * by the same reducers as every other reader, so a check compares what the journal says before and after.
 */
import type { Event } from '../events/index.js';
import { reducePod, type PodState } from '../reducers/index.js';

/** One record: its sequence number in the journal (or position, for events that were never stored) and its event. */
export interface Entry {
  readonly seq: number;
  readonly event: Event;
}

export interface PodStep {
  readonly entry: Entry;
  readonly before: PodState | undefined;
  readonly after: PodState | undefined;
}

export interface PodHistory {
  readonly uid: string;
  /** `namespace/name`. */
  readonly key: string;
  readonly steps: readonly PodStep[];
}

export interface Observed {
  readonly entries: readonly Entry[];
  readonly pods: readonly PodHistory[];
}

/** Folds each pod's events on their own (a pod's fold depends only on its events), keeping every state. */
export const observe = (entries: readonly Entry[]): Observed => {
  const pods = new Map<string, { key: string; steps: PodStep[]; state: PodState | undefined }>();
  for (const entry of entries) {
    const e = entry.event;
    if (!('pod' in e)) continue;
    const pod = pods.get(e.pod.uid) ?? { key: `${e.pod.namespace}/${e.pod.name}`, steps: [], state: undefined };
    const after = reducePod(pod.state, e);
    pod.steps.push({ entry, before: pod.state, after });
    pod.state = after;
    pods.set(e.pod.uid, pod);
  }
  return { entries, pods: [...pods].map(([uid, p]) => ({ uid, key: p.key, steps: p.steps })) };
};

/** Events never stored (a simulation's output) as entries numbered from 1 in their order. */
export const entriesOf = (events: readonly Event[]): Entry[] => events.map((event, i) => ({ seq: i + 1, event }));
