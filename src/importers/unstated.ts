/**
 * What Event objects leave out, filled in from the rest of the sequence with the kubelet's own rules:
 * the delay of a back-off and the grace of a kill.
 */
import type { Event, EventOf } from '../events/index.js';
import { containerKeyOf } from './build.js';
import type { Imported } from './imported.js';
import { plusMs } from './time.js';
import { INITIAL_BACKOFF_SECONDS, MAX_BACKOFF_SECONDS, restartStep } from './backoff-curve.js';
import { msOf } from '../k8s/codecs.js';

/** `terminationGracePeriodSeconds` when the pod does not say (`SetDefaults_PodSpec`). */
const DEFAULT_GRACE_SECONDS = 30;

/** Image pulls: 10 s * 2^(f-1) after f failed pulls, at most 300 s (no reset by running). */
const pullBackOffSeconds = (failures: number): number => Math.min(INITIAL_BACKOFF_SECONDS * 2 ** Math.max(failures - 1, 0), MAX_BACKOFF_SECONDS);

const ranMs = (c: { readonly start?: Event['at']; readonly exit?: Event['at'] }): number =>
  c.start === undefined || c.exit === undefined ? 0 : msOf(c.exit) - msOf(c.start);

/** What a pod's manifest says about kill graces: the pod's, and each probe's own override. */
interface Graces {
  readonly pod: number;
  readonly probes: ReadonlyMap<string, { readonly liveness?: number; readonly startup?: number }>;
}

const gracesOf = (e: EventOf<'PodCreated'>): Graces => ({
  pod: e.manifest.spec.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS,
  probes: new Map(
    [...(e.manifest.spec.initContainers ?? []), ...e.manifest.spec.containers].map((c) => [
      c.name,
      {
        ...(c.livenessProbe?.terminationGracePeriodSeconds !== undefined && { liveness: c.livenessProbe.terminationGracePeriodSeconds }),
        ...(c.startupProbe?.terminationGracePeriodSeconds !== undefined && { startup: c.startupProbe.terminationGracePeriodSeconds }),
      },
    ]),
  ),
});

/**
 * Back-off (`k8s-semantics.md` d): the wait the curve gives after the container's last exit
 * (`backoff-curve.ts`: 10 s * 2^(n-2) after the n-th exit, at most 300 s, reset by a run over 10 minutes;
 * at least the initial 10 s, since the source says the kubelet waited), counted from that exit; after the f-th failed pull the next pull waits
 * 10 s * 2^(f-1), at most 300 s. Kill grace (`killContainer`, section i): the deletion's grace when the pod
 * is being deleted, a probe's own grace for its kills, else the pod's `terminationGracePeriodSeconds`, which is
 * also the grace of a deletion request that states none. A `Stopping container` kill of a pod past its active
 * deadline and not deleted is that of a finished pod (`SyncTerminatingPod` after `SyncPod` returned terminal).
 */
export const fillUnstated = (items: readonly Imported[]): Imported[] => {
  /** Per container: back-off steps taken, and the last run's start and exit. */
  const curve = new Map<string, { steps: number; start?: Event['at']; exit?: Event['at'] }>();
  const curveOf = (key: string) => curve.get(key) ?? { steps: 0 };
  const failedPulls = new Map<string, number>();
  const graces = new Map<string, Graces>();
  const deletionGrace = new Map<string, number>();
  const pastDeadline = new Set<string>();
  const filled = ({ event: e, delayUnknown, graceUnknown }: Imported): Event => {
    switch (e.type) {
      case 'PodCreated':
        graces.set(e.pod.uid, gracesOf(e));
        return e;
      case 'PodDeletionRequested': {
        // A request with no grace (a controller's, `CheckGracefulDelete`) takes the pod's terminationGracePeriodSeconds.
        const request = graceUnknown === true ? { ...e, gracePeriodSeconds: graces.get(e.pod.uid)?.pod ?? DEFAULT_GRACE_SECONDS } : e;
        deletionGrace.set(e.pod.uid, request.gracePeriodSeconds);
        return request;
      }
      case 'PodDeadlineExceeded':
        pastDeadline.add(e.pod.uid);
        return e;
      case 'ContainerStarted': {
        const c = curveOf(containerKeyOf(e));
        const restarted = c.start !== undefined && c.exit !== undefined;
        curve.set(containerKeyOf(e), { steps: restarted ? restartStep(c.steps, ranMs(c)).steps : c.steps, start: e.at });
        return e;
      }
      case 'ContainerExited':
        curve.set(containerKeyOf(e), { ...curveOf(containerKeyOf(e)), exit: e.at });
        return e;
      case 'ImagePullFailed':
        failedPulls.set(containerKeyOf(e), (failedPulls.get(containerKeyOf(e)) ?? 0) + 1);
        return e;
      case 'ImagePulled':
        failedPulls.delete(containerKeyOf(e));
        return e;
      case 'ContainerBackOff': {
        if (delayUnknown !== true) return e;
        const c = curveOf(containerKeyOf(e));
        const delay = restartStep(c.steps, ranMs(c)).delaySeconds || INITIAL_BACKOFF_SECONDS;
        const from = c.exit ?? e.at;
        return { ...e, delaySeconds: delay, until: plusMs(from, delay * 1000) };
      }
      case 'ImagePullBackOff': {
        if (delayUnknown !== true) return e;
        const delay = pullBackOffSeconds(failedPulls.get(containerKeyOf(e)) ?? 0);
        return { ...e, delaySeconds: delay, until: plusMs(e.at, delay * 1000) };
      }
      case 'ContainerKilling': {
        if (graceUnknown !== true) return e;
        const pod = graces.get(e.pod.uid);
        const probe = pod?.probes.get(e.container);
        const own = e.reason === 'LivenessProbeFailed' ? probe?.liveness : e.reason === 'StartupProbeFailed' ? probe?.startup : undefined;
        const deletion = deletionGrace.get(e.pod.uid);
        // a pod the kubelet failed past its deadline, not deleted, is stopped as a finished one, with its own grace
        const finished = e.reason === 'PodDeleted' && deletion === undefined && pastDeadline.has(e.pod.uid);
        return { ...e, ...(finished && { reason: 'PodFinished' as const }), gracePeriodSeconds: deletion ?? own ?? pod?.pod ?? DEFAULT_GRACE_SECONDS };
      }
      default:
        return e;
    }
  };
  return items.map((item) => ({ ...item, event: filled(item) }));
};
