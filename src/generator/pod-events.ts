/** Builds one pod's events: the envelope (`v`, `at`, `pod`) is filled in, the body is checked by type. */
import type { EventOf, PodEvent, PodRef } from '../events/index.js';
import { instantAt } from './clock.js';
import type { Timed } from './merge.js';

type PodEventType = PodEvent['type'];
export type PodEventBody<K extends PodEventType> = Omit<EventOf<K>, 'type' | 'v' | 'at' | 'pod'>;

/** The events of one pod, each stamped with the pod's reference and a millisecond instant. */
export const podEvents =
  (pod: PodRef) =>
  <K extends PodEventType>(ms: number, type: K, body: PodEventBody<K>): Timed => ({
    ms,
    event: { type, v: 1, at: instantAt(ms), pod, ...body } as unknown as EventOf<K>,
  });

export type EmitPodEvent = ReturnType<typeof podEvents>;
