/**
 * Graceful deletion (`killContainer`): every container running when deletion is requested is gone within
 * the grace period, plus 2 s when a preStop hook runs (the SIGTERM window left after the hook is at least
 * `minimumGracePeriodInSeconds` = 2 s, so a grace under 2 s still allows 2 s). Sidecars are stopped after
 * the regular containers (`killContainersWithSyncResult`), with a minimum window of their own: 2 s more.
 * A second request changes no deadline: v1.36's `kubelet.go :: SyncTerminatingPod` runs its kill on
 * `context.Background()` (TODO(#113606)), so the kill in flight keeps its grace whatever a shorter one asks
 * (kubernetes#83916; `engine/kubelet/kill.ts :: killedEnd`). For the same reason a kill already under way when the
 * first request comes (a failed liveness or startup probe's, an eviction's: its `Killing`) ends at its own grace,
 * if that is later; and the `SyncPod` that made such a probe kill (or a `RestartAllContainers` reset) runs on until it
 * has ended (v1.36 runs it on `context.WithoutCancel`), so the terminating sync kills the pod's other containers only
 * then: their grace counts from that end, if later than the request (`engine/kubelet/worker.ts :: syncPodRunsOn`).
 * A container that starts between two requests is held to the first shorter one made while it runs.
 * Pods on a lost node are exempt: nobody can observe them. So is a deadline that falls after its node's kubelet
 * went silent (`KubeletStopped`): no exit can be reported until it returns, and before the node lifecycle
 * controller marks the node (`PodNodeLost`) nothing else says so.
 */
import { msOf } from '../k8s/codecs.js';
import type { Check, Violation } from './violation.js';
import type { Entry, PodHistory } from './observed.js';
import { specEntries } from './pod-views.js';

/** Kills a `SyncPod` makes itself (`computePodActions`), which a deletion waits for. */
const SYNC_POD_KILLS: ReadonlySet<string> = new Set(['LivenessProbeFailed', 'StartupProbeFailed', 'RestartAllContainers']);

/** `minimumGracePeriodInSeconds` in `kuberuntime_manager.go`. */
const MINIMUM_GRACE_SECONDS = 2;

/** Seconds a container may outlive a deletion request with grace `grace`. */
// The kubelet never kills with a grace under 1 s (`calculateEffectiveGracePeriod`), so a force-deleted
// pod's preStop still gets 1 s before the 2 s SIGTERM minimum.
const stopAllowance = (grace: number, hasPreStop: boolean): number =>
  hasPreStop ? Math.max(grace, 1) + MINIMUM_GRACE_SECONDS : Math.max(grace, MINIMUM_GRACE_SECONDS);

/** When each node's kubelet first stopped reporting, in ms. */
const silencedAt = (entries: readonly Entry[]): Map<string, number> => {
  const silenced = new Map<string, number>();
  for (const { event } of entries) if (event.type === 'KubeletStopped' && !silenced.has(event.node)) silenced.set(event.node, msOf(event.at));
  return silenced;
};

const violationsOf = (h: PodHistory, journalEnd: Entry | undefined, silenced: ReadonlyMap<string, number>): Violation[] => {
  const created = h.steps.find((s) => s.entry.event.type === 'PodCreated')?.after?.pod;
  if (created === undefined || h.steps.some((s) => s.entry.event.type === 'PodNodeLost')) return [];
  const bound = h.steps.find((s) => s.entry.event.type === 'PodBound')?.entry.event;
  const silentFrom = bound?.type === 'PodBound' ? silenced.get(bound.node) : undefined;
  const observable = (deadlineMs: number): boolean => silentFrom === undefined || deadlineMs < silentFrom;
  const spec = specEntries(created);
  const running = new Map<string, Entry>();
  const deadlines = new Map<string, { readonly ms: number; readonly request: Entry }>();
  const found: Violation[] = [];
  const late = (container: string, request: Entry, witness: Entry) =>
    found.push({ check: 'grace', subject: h.key, message: `container ${container} still ran after the grace period`, evidence: [request, witness] });
  const anyPreStop = [...spec.values()].some((s) => s.role !== 'sidecar' && s.container.lifecycle?.preStop !== undefined);
  const allowance = (name: string, grace: number): number => {
    const entry = spec.get(name);
    const preStop = entry?.container.lifecycle?.preStop !== undefined;
    return entry?.role === 'sidecar' ? stopAllowance(grace, anyPreStop || preStop) + MINIMUM_GRACE_SECONDS : stopAllowance(grace, preStop);
  };
  let grace: number | undefined;
  const asked = new Set<string>();
  // the latest end of a kill under way, per container; of those a `SyncPod` made, apart
  const killEnds = new Map<string, number>();
  const syncKillEnds = new Map<string, number>();
  for (const { entry } of h.steps) {
    const e = entry.event;
    if (e.type === 'PodDeletionRequested') {
      // only a shorter grace changes what the kubelet does (`rest/delete.go :: BeforeDelete`, `calculateEffectiveGracePeriod`)
      if (grace !== undefined && e.gracePeriodSeconds >= grace) continue;
      grace = e.gracePeriodSeconds;
      const killsFrom = Math.max(msOf(e.at), ...syncKillEnds.values());
      for (const name of running.keys()) {
        if (asked.has(name)) continue;
        asked.add(name);
        // the instance a probe kill stops dies by that kill's end (its restart is another instance)
        const from = syncKillEnds.has(name) ? msOf(e.at) : killsFrom;
        const ms = Math.max(from + allowance(name, e.gracePeriodSeconds) * 1000, killEnds.get(name) ?? 0);
        if (observable(ms)) deadlines.set(name, { ms, request: entry });
      }
    } else if (e.type === 'ContainerKilling' && running.has(e.container)) {
      const end = Math.max(msOf(e.at) + allowance(e.container, e.gracePeriodSeconds) * 1000, killEnds.get(e.container) ?? 0);
      killEnds.set(e.container, end);
      if (SYNC_POD_KILLS.has(e.reason)) syncKillEnds.set(e.container, end);
    } else if (e.type === 'ContainerStarted') running.set(e.container, entry);
    else if (e.type === 'ContainerExited') {
      running.delete(e.container);
      killEnds.delete(e.container);
      syncKillEnds.delete(e.container);
      const deadline = deadlines.get(e.container);
      // an import's exit the cluster showed later states its own time
      if (deadline !== undefined && msOf(e.finishedAt ?? e.at) > deadline.ms) late(e.container, deadline.request, entry);
      deadlines.delete(e.container);
    }
  }
  // still running at the end: the journal's last record proves it if it lies past the deadline
  for (const [name, deadline] of deadlines) {
    if (journalEnd !== undefined && msOf(journalEnd.event.at) > deadline.ms) late(name, deadline.request, journalEnd);
  }
  return found;
};

export const aliveAfterGrace: Check = {
  name: 'grace',
  rule: 'after a deletion request every container is gone within the grace period (+2 s with preStop; never under 2 s), counted from the first request, or from the end of a probe kill its SyncPod made, which it waits for: a shorter second one changes nothing, and a kill already under way (for a failed probe, an eviction) may end at its own grace',
  run: ({ pods, entries }) => {
    const silenced = silencedAt(entries);
    return pods.flatMap((h) => violationsOf(h, entries[entries.length - 1], silenced));
  },
};
