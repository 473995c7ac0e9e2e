/** One pod at an instant, from its own records only: the incarnation of a name that is alive then. */
import type { Instant } from '../k8s/codecs.js';
import type { PodRecord } from '../journal/index.js';
import { isStaticPodOfMirror } from '../k8s/static-pods.js';
import { baseOf, reducePod, type PodState } from '../reducers/index.js';

/**
 * Folds a name's records (valid-time order, any number of uids) up to `at`, and returns the pod alive then
 * holding the name: the most recently created one that has not been removed, save a static pod created
 * under the name of its own mirror (one pod: the mirror keeps the name, as in the cluster's fold).
 */
export const podAt = (records: readonly PodRecord[], at: Instant | undefined): PodState | undefined => {
  const byUid = new Map<string, PodState>();
  let latest: string | undefined;
  for (const { event } of records) {
    if (at !== undefined && event.at > at) break;
    if (!('pod' in event)) continue;
    const uid = event.pod.uid;
    const holder = latest === undefined ? undefined : byUid.get(latest);
    if (event.type === 'PodCreated' && !byUid.has(uid) && holder !== undefined && isStaticPodOfMirror(event.manifest, baseOf(holder))) continue;
    const after = reducePod(byUid.get(uid), event);
    if (after === undefined) byUid.delete(uid);
    else {
      if (!byUid.has(uid)) latest = uid;
      byUid.set(uid, after);
    }
  }
  return latest === undefined ? undefined : byUid.get(latest);
};
