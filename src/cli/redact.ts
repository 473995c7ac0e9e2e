/**
 * The secrets policy of `podj export --redact`: the values that commonly carry credentials are replaced by a
 * stable digest, so that equal values stay recognisably equal (the same token in two pods) without being
 * readable. Redacted wherever they appear in an event (manifests, imported objects, label/annotation changes):
 * env var `value`s, container `args`, probe and hook HTTP header `value`s, and every annotation value
 * (tokens, `kubectl.kubernetes.io/last-applied-configuration`). Names, images, commands and labels stay.
 */
import { createHash } from 'node:crypto';

/** `redacted:sha256:` and the first 16 hex digits of the value's SHA-256: stable across runs and journals. */
export const digestOf = (value: string): string => `redacted:sha256:${createHash('sha256').update(value).digest('hex').slice(0, 16)}`;

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

const redactString = (v: Json): Json => (typeof v === 'string' ? digestOf(v) : v);

/** `[{name, value}]` lists (env, httpHeaders): each `value` redacted, names kept. */
const redactValues = (v: Json): Json =>
  Array.isArray(v) ? v.map((item) => (isObject(item) && 'value' in item ? { ...item, value: redactString(item['value']) } : redactAll(item))) : v;

const redactField = (key: string, v: Json): Json => {
  switch (key) {
    case 'env':
    case 'httpHeaders':
      return redactValues(v);
    case 'args':
      return Array.isArray(v) ? v.map(redactString) : v;
    case 'annotations':
      return isObject(v) ? Object.fromEntries(Object.entries(v).map(([k, value]) => [k, redactString(value)])) : v;
    default:
      return redactAll(v);
  }
};

/** A copy of a JSON value with every secret-bearing field redacted. */
export const redactAll = (v: Json): Json => {
  if (Array.isArray(v)) return v.map(redactAll);
  if (!isObject(v)) return v;
  return Object.fromEntries(Object.entries(v).map(([key, value]) => [key, redactField(key, value)]));
};
