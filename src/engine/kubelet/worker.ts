/**
 * The kubelet's pod worker in virtual time (`pod_workers.go`, `kubelet.go :: syncLoopIteration`): a pod is
 * synced when the PLEG relist (every second) sees one of its containers start or die, when the API or a
 * probe result updates it, and when its work-queue entry comes due (`completeWork`): the resync period after
 * a sync, the sync-error back-off after a failed pull, or the crash-loop back-off's expiry (capped at the
 * resync period, kubernetes#133066). The work queue is read by a one-second ticker. Jitter is not modelled.
 */
import type { NodeBook, PodBook } from '../state.js';
import type { VirtualMs } from '../world.js';

/** `genericPlegRelistPeriod`, and the period of the `syncCh` ticker that reads the work queue. */
export const RELIST_MS = 1_000;
/** `--sync-frequency` (KubeletConfiguration `syncFrequency`, default 1m): `completeWork` after a clean sync. */
export const RESYNC_MS = 60_000;
/** `backOffPeriod` in `kubelet.go`: `completeWork` after a sync that failed (an image pull, say). */
export const SYNC_ERROR_BACKOFF_MS = 10_000;

/** The first tick of the node's one-second grid at or after `t` (`after`: strictly after). */
export const tickOf = (node: NodeBook, t: VirtualMs, after = false): VirtualMs => {
  const k = (t - node.registeredAt) / RELIST_MS;
  const whole = after ? Math.floor(k) + 1 : Math.ceil(k);
  return node.registeredAt + Math.max(whole, 0) * RELIST_MS;
};

/**
 * When the worker next syncs the pod for its queue entry: the entry, then every resync period after it
 * (a sync with nothing to do leaves no trace, so the chain is derived), each read at the next tick; one
 * already taken at `now` gives the next.
 */
export const requeueDue = (pod: PodBook, node: NodeBook, now: VirtualMs, takenNow: boolean): VirtualMs | undefined => {
  if (pod.requeueAt === undefined) return undefined;
  let k = Math.max(0, Math.floor((now - pod.requeueAt) / RESYNC_MS));
  for (;;) {
    const at = tickOf(node, pod.requeueAt + k * RESYNC_MS);
    if (at > now || (at === now && !takenNow)) return at;
    k++;
  }
};
