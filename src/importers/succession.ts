/**
 * Pod identity is the uid; a name is only held. The API server lets a name be reused only once the object
 * holding it is gone, so a newer object (another uid) created under a name still held means the older one
 * was removed by then, even when no source saw the removal: it is inferred at the newer one's creation.
 * Save for a static pod as its kubelet lists it, under the name of its own mirror: the two are one pod (the
 * fold keeps the mirror, `reducers/cluster.ts`), so the mirror was not removed.
 */
import { derivedProvenance, type Event, type EventOf } from '../events/index.js';
import { isStaticPodOfMirror } from '../k8s/static-pods.js';
import type { Imported } from './imported.js';

const nameOf = (e: { readonly pod: { readonly namespace: string; readonly name: string } }): string => `${e.pod.namespace}/${e.pod.name}`;

/** `sorted` in valid-time order; returns it with the unseen removals of superseded pods inserted. */
export const succeedNames = (sorted: readonly Imported[]): Imported[] => {
  const holders = new Map<string, EventOf<'PodCreated'>>();
  /** Uids whose removal was inferred: a removal some source timed later is that same removal, timed too late. */
  const superseded = new Set<string>();
  const out: Imported[] = [];
  for (const item of sorted) {
    const e: Event = item.event;
    if (e.type === 'PodRemoved' && superseded.has(e.pod.uid)) continue;
    if (e.type === 'PodRemoved' && holders.get(nameOf(e))?.pod.uid === e.pod.uid) holders.delete(nameOf(e));
    if (e.type === 'PodCreated' && e.pod.uid !== '') {
      const held = holders.get(nameOf(e));
      const ofItsMirror = held !== undefined && isStaticPodOfMirror(e.manifest, held.manifest);
      if (held !== undefined && held.pod.uid !== e.pod.uid && !ofItsMirror) {
        superseded.add(held.pod.uid);
        out.push({
          event: { type: 'PodRemoved', v: e.v, at: e.at, source: 'api', pod: held.pod, ...derivedProvenance(e.from) },
          origin: item.origin,
          certainty: 'inferred',
        });
      }
      if (!ofItsMirror) holders.set(nameOf(e), e);
    }
    out.push(item);
  }
  return out;
};
