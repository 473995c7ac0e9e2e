/** The event union, its decoder with one-line path errors, and the helpers every reader of events uses. */
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { Event } from './event.js';
import { formatErrors } from './report.js';
import { upcast } from './upcast.js';
import { eventRangeError } from './ranges.js';

export * from './common.js';
export * from './vocabulary.js';
export { formatErrors } from './report.js';
export * from './event.js';
export { observationTypes, isObservation } from './observations.js';
export { supersededRecordOf, supersededKey, supersededKeyOf, isSupersession, asSuperseded, leftOut, withoutSuperseded } from './superseded.js';

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
