/**
 * Observations: events that record what was seen (a probe's result, a usage sample, a kill or pull under
 * way, a kill not done in time, an API write refused) and never change a pod's object or what the kubelet knows. The fold skips them
 * (`src/reducers/pod.ts`), a replay leaves them unread (`TimeQuery.skipTypes`), and the journal keeps a
 * pod's observations in a range of their own (format 9), so a history read without them does not read them.
 */
import type { PodEvent } from './event.js';

export const observationTypes: ReadonlySet<PodEvent['type']> = new Set([
  'ProbeExecuted',
  'ContainerUsageSampled',
  'ContainerKilling',
  'ImagePulling',
  'PodWriteRejected',
  'PodKillTimedOut',
]);

/** Whether an event (of a pod or not) is an observation. */
export const isObservation = (event: { readonly type: string }): boolean => (observationTypes as ReadonlySet<string>).has(event.type);
