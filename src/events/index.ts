/** The event union, its decoder with one-line path errors, and the helpers every reader of events uses. */
import * as t from 'io-ts';
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import * as V from './vocabulary.js';
import { formatErrors } from './report.js';
import { upcast } from './upcast.js';
import { eventRangeError } from './ranges.js';

export * from './common.js';
export * from './vocabulary.js';
export { formatErrors } from './report.js';

export const Event = t.union(
  [
    V.PodCreated,
    V.PodMetadataUpdated,
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

export const eventTypes: ReadonlySet<string> = new Set(Event.types.map((m) => m.name));

/**
 * Decodes one event from unknown input (after upcasting an older schema version), then checks that every
 * number fits the Kubernetes field it stands for (`ranges.ts`).
 * Left is one line: `type ContainerExited: exitCode: "x" is not an integer`, or the unknown type.
 */
export const decodeEvent = (u: unknown): E.Either<string, Event> =>
  pipe(
    upcast(u),
    E.chain((raw) => {
      const type = (raw as { type?: unknown }).type;
      if (typeof type !== 'string') return E.left('event has no "type"');
      if (!eventTypes.has(type)) return E.left(`unknown event type "${type}"`);
      return pipe(
        Event.decode(raw),
        E.mapLeft((errors) => `${type}: ${formatErrors(errors, [type])}`),
        E.chain((event) => {
          const outOfRange = eventRangeError(event);
          return outOfRange === undefined ? E.right(event) : E.left(outOfRange);
        }),
      );
    }),
  );

/** The uid of the pod an event concerns, if it concerns one. */
export const podUidOf = (e: Event): string | undefined => ('pod' in e ? e.pod.uid : undefined);

/** `namespace/name` of an event's pod, if any. */
export const podKeyOf = (e: Event): string | undefined => ('pod' in e ? `${e.pod.namespace}/${e.pod.name}` : undefined);
