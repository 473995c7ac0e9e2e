/**
 * A stored value's event type, read from its end without parsing it: `seal` writes the event last and in
 * canonical JSON (keys sorted), so a current-schema event ends `,"type":"T","v":1}` and the record closes
 * right after; a pod index entry (`pod-entry.ts`) ends with the event itself. Anything else (an older
 * schema, a value not written by `seal` or `podEntryValue`) answers `undefined`, and the reader parses it
 * as usual.
 */
import { SCHEMA_VERSION } from '../events/common.js';

const TYPE_KEY = ',"type":"';
const EVENT_TAIL = `","v":${SCHEMA_VERSION}}`;
const RECORD_TAIL = `${EVENT_TAIL}}`;

const typeBefore = (value: string, tail: string): string | undefined => {
  if (!value.endsWith(tail)) return undefined;
  const end = value.length - tail.length;
  const at = value.lastIndexOf(TYPE_KEY, end);
  // Only when `type` is the event's last key but `v`: a key sorted between them (`until`) is another event's.
  if (at < 0 || value.indexOf('"', at + TYPE_KEY.length) !== end) return undefined;
  return value.slice(at + TYPE_KEY.length, end);
};

/** The event type of a record's stored value (`e!`). */
export const storedEventType = (value: string): string | undefined => typeBefore(value, RECORD_TAIL);

/** The event type of a pod index entry's value (`p!`): the record time, then the event. */
export const podEntryEventType = (value: string): string | undefined => typeBefore(value, EVENT_TAIL);
