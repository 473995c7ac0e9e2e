/** The event union: every member of the vocabulary, told apart by `type`; its type is the codec's. */
import * as t from 'io-ts';
import * as V from './vocabulary.js';

export const Event = t.union(
  [
    V.PodCreated,
    V.PodMetadataUpdated,
    V.PodEphemeralContainersUpdated,
    V.RecordsSuperseded,
    V.PodDeletionRequested,
    V.PodRemoved,
    V.PodWriteRejected,
    V.PodObserved,
    V.PodConditionSet,
    V.PodBound,
    V.PodUnschedulable,
    V.NodeRegistered,
    V.NodeConditionChanged,
    V.KubeletStopped,
    V.EvictionThresholdMet,
    V.PodAdmitted,
    V.PodRejected,
    V.SandboxCreated,
    V.PodIPAssigned,
    V.PodEvicted,
    V.PodKillTimedOut,
    V.PodDeadlineExceeded,
    V.PodNodeLost,
    V.PodSynced,
    V.ImagePulling,
    V.ImagePulled,
    V.ImagePullFailed,
    V.ContainerCreated,
    V.ContainerStarted,
    V.ContainerStartFailed,
    V.ContainerWaiting,
    V.PostStartHookFailed,
    V.PostStartHookSucceeded,
    V.ContainerExited,
    V.ContainerRemoved,
    V.ContainerUsageSampled,
    V.ProbeExecuted,
    V.ProbeResultChanged,
    V.ContainerKilling,
    V.ContainerBackOff,
    V.ImagePullBackOff,
  ],
  'Event',
);
export type Event = t.TypeOf<typeof Event>;
export type EventType = Event['type'];
/** The member of the union with the given `type`. */
export type EventOf<K extends EventType> = Extract<Event, { type: K }>;
export type PodEvent = Extract<Event, { pod: unknown }>;
export type NodeEvent = Extract<Event, { node: string }> & { pod?: undefined };
