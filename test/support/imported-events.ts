/** The journal events an import makes of one Kubernetes Event document (an Event, an EventList, a watch line). */
import * as E from 'fp-ts/lib/Either.js';
import type { Event } from '../../src/events/index.js';
import { converterFor, mergeImported } from '../../src/importers/index.js';

/** What `podj import` stores for `doc` read as core/v1 Events: converted, then merged as one import merges them. */
export const importedCoreEvents = (doc: unknown): Event[] => {
  const result = converterFor('core-events')?.(doc);
  if (result === undefined || E.isLeft(result)) throw new Error(result === undefined ? 'no converter' : result.left);
  return mergeImported(result.right.events);
};
