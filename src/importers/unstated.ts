/**
 * What Event objects leave out, filled in from the rest of the sequence with the kubelet's own rules:
 * the delay of a back-off and the grace of a kill.
 */
import type { Event, EventOf } from '../events/index.js';
import { containerKeyOf } from './build.js';
import type { Imported } from './imported.js';
import { plusMs } from './time.js';

const INITIAL_BACKOFF_SECONDS = 10;
const MAX_BACKOFF_SECONDS = 300;
/** `terminationGracePeriodSeconds` when the pod does not say (`SetDefaults_PodSpec`). */
const DEFAULT_GRACE_SECONDS = 30;

const backOffSeconds = (steps: number): number => Math.min(INITIAL_BACKOFF_SECONDS * 2 ** Math.max(steps, 0), MAX_BACKOFF_SECONDS);

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
 * Back-off (`k8s-semantics.md` d): after the n-th exit of a container (n >= 2) the restart waits
 * 10 s * 2^(n-2), at most 300 s, counted from that exit; after the f-th failed pull the next pull waits
 * 10 s * 2^(f-1), at most 300 s. Kill grace (`killContainer`, section i): the deletion's grace when the pod
 * is being deleted, a probe's own grace for its kills, else the pod's `terminationGracePeriodSeconds`.
 */
export const fillUnstated = (items: readonly Imported[]): Imported[] => {
  const starts = new Map<string, number>();
  const lastExit = new Map<string, Event['at']>();
  const failedPulls = new Map<string, number>();
  const graces = new Map<string, Graces>();
  const deletionGrace = new Map<string, number>();
  const filled = ({ event: e, delayUnknown, graceUnknown }: Imported): Event => {
    switch (e.type) {
      case 'PodCreated':
        graces.set(e.pod.uid, gracesOf(e));
        return e;
      case 'PodDeletionRequested':
        deletionGrace.set(e.pod.uid, e.gracePeriodSeconds);
        return e;
      case 'ContainerStarted':
        starts.set(containerKeyOf(e), (starts.get(containerKeyOf(e)) ?? 0) + 1);
        return e;
      case 'ContainerExited':
        lastExit.set(containerKeyOf(e), e.at);
        return e;
      case 'ImagePullFailed':
        failedPulls.set(containerKeyOf(e), (failedPulls.get(containerKeyOf(e)) ?? 0) + 1);
        return e;
      case 'ImagePulled':
        failedPulls.delete(containerKeyOf(e));
        return e;
      case 'ContainerBackOff': {
        if (delayUnknown !== true) return e;
        const delay = backOffSeconds((starts.get(containerKeyOf(e)) ?? 0) - 2);
        const from = lastExit.get(containerKeyOf(e)) ?? e.at;
        return { ...e, delaySeconds: delay, until: plusMs(from, delay * 1000) };
      }
      case 'ImagePullBackOff': {
        if (delayUnknown !== true) return e;
        const delay = backOffSeconds((failedPulls.get(containerKeyOf(e)) ?? 0) - 1);
        return { ...e, delaySeconds: delay, until: plusMs(e.at, delay * 1000) };
      }
      case 'ContainerKilling': {
        if (graceUnknown !== true) return e;
        const pod = graces.get(e.pod.uid);
        const probe = pod?.probes.get(e.container);
        const own = e.reason === 'LivenessProbeFailed' ? probe?.liveness : e.reason === 'StartupProbeFailed' ? probe?.startup : undefined;
        return { ...e, gracePeriodSeconds: deletionGrace.get(e.pod.uid) ?? own ?? pod?.pod ?? DEFAULT_GRACE_SECONDS };
      }
      default:
        return e;
    }
  };
  return items.map((item) => ({ ...item, event: filled(item) }));
};
