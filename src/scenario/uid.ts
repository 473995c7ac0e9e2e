/** Deterministic pod uids: the same scenario names the same pods with the same uids, run after run. */
import { createHash } from 'node:crypto';

/**
 * A UUID-shaped uid from `namespace/name` and the ordinal of this creation under that name (0 = first), so a
 * pod deleted and applied again gets a new uid, as in a real cluster.
 */
export const podUid = (namespace: string, name: string, ordinal: number): string => {
  const hex = createHash('sha256').update(`${namespace}/${name}#${ordinal}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
