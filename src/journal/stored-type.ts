/**
 * A stored value's event type, read from its end without parsing it: `seal` writes the event last and in
 * canonical JSON (keys sorted), so a current-schema event ends `,"type":"T","v":1}` and the record closes
 * right after. Anything else (an older schema, a value not written by `seal`) answers `undefined`, and the
 * reader parses it as usual.
 */
import { SCHEMA_VERSION } from '../events/common.js';

const TYPE_KEY = ',"type":"';
const TAIL = `","v":${SCHEMA_VERSION}}}`;

export const storedEventType = (value: string): string | undefined => {
  if (!value.endsWith(TAIL)) return undefined;
  const end = value.length - TAIL.length;
  const at = value.lastIndexOf(TYPE_KEY, end);
  // Only when `type` is the event's last key but `v`: a key sorted between them (`until`) is another event's.
  if (at < 0 || value.indexOf('"', at + TYPE_KEY.length) !== end) return undefined;
  return value.slice(at + TYPE_KEY.length, end);
};
