/** Upcasting of older event schema versions on read: stored events are never rewritten. */
import * as E from 'fp-ts/lib/Either.js';
import { SCHEMA_VERSION } from './common.js';

/** One step from version `from` to `from + 1`. There are none yet: version 1 is the first schema. */
const steps: ReadonlyMap<number, (raw: Record<string, unknown>) => Record<string, unknown>> = new Map();

export const upcast = (u: unknown): E.Either<string, Record<string, unknown>> => {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return E.left('event is not an object');
  let raw = u as Record<string, unknown>;
  const version = raw['v'];
  if (typeof version !== 'number' || !Number.isInteger(version)) return E.left('event has no schema version "v"');
  if (version > SCHEMA_VERSION) return E.left(`event schema version ${version} is newer than this podj (${SCHEMA_VERSION})`);
  for (let v = version; v < SCHEMA_VERSION; v++) {
    const step = steps.get(v);
    if (step === undefined) return E.left(`no upcaster from event schema version ${v}`);
    raw = { ...step(raw), v: v + 1 };
  }
  return E.right(raw);
};
