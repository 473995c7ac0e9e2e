/** Small constructors shared by the converters: event envelopes, pod references, copies without some keys. */
import { SCHEMA_VERSION, type Event, type PodRef, type Source } from '../events/index.js';
import type { Instant } from '../k8s/codecs.js';
import type { V1Pod } from '../k8s/pod.js';

export const envelopeAt = (at: Instant, source: Source) => ({ v: SCHEMA_VERSION, at, source });

/** The pod a Kubernetes object names; undefined without a uid, since the journal keys pods by uid. */
export const podRefOf = (pod: V1Pod): PodRef | undefined => {
  const { namespace, name, uid } = pod.metadata;
  return uid === undefined || name === undefined ? undefined : { namespace: namespace ?? 'default', name, uid };
};

/** A shallow copy of `obj` without `keys` (for fields the journal records as events of their own). */
export const without = <T extends object>(obj: T, keys: readonly string[]): T => {
  const copy = { ...obj };
  for (const key of keys) Reflect.deleteProperty(copy, key);
  return copy;
};

/** JSON equality that ignores key order (labels and annotations from different writers). */
export const sameJson = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

const canonical = (u: unknown): string =>
  JSON.stringify(u, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : value,
  ) ?? 'undefined';

/** A JSON object (not an array, not null). */
export const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u);

/** One container of one pod, as a map key. */
export const containerKeyOf = (e: { readonly pod: PodRef; readonly container: string }): string => `${e.pod.uid}/${e.container}`;

/** What an event is about, as a map key: a pod by uid (by name for a refused create: no uid), or a node. */
export const subjectKeyOf = (e: Event): string =>
  'pod' in e ? (e.pod.uid === '' ? `pod/${e.pod.namespace}/${e.pod.name}` : e.pod.uid) : `node/${e.node}`;
