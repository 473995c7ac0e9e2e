/**
 * Starting one container (`kuberuntime_manager.go :: SyncPod` step "start"): the CrashLoopBackOff gate
 * (`doBackOff`), the image by pull policy (`image_manager.go :: EnsureImageExists`, its own back-off), then
 * create and start.
 */
import type { Event } from '../../events/index.js';
import { instantOf } from '../../k8s/codecs.js';
import { crashLoopBackoff, imagePullBackoff, inBackoffSince, inBackoffSinceUpdate } from '../backoff.js';
import { aboutContainer } from '../emit.js';
import { simulatedContainerID, simulatedImageID } from '../ids.js';
import { backoffAnchor, specOf } from '../lifecycle.js';
import { imageKey, pullPolicyOf } from '../spec.js';
import type { ContainerBook, NodeBook, PodBook } from '../state.js';
import type { VirtualMs } from '../world.js';

/** A restart still inside its back-off window: report `CrashLoopBackOff` (once per sync), then wait. */
const crashLoopGate = (pod: PodBook, c: ContainerBook, now: VirtualMs): Event[] | undefined => {
  const since = backoffAnchor(pod, c);
  const entry = c.crashBackoff;
  if (since === undefined || entry === undefined || !inBackoffSince(crashLoopBackoff, entry, since, now)) return undefined;
  const until = since + entry.delayMs;
  if (c.backOffSync === pod.syncs) return [];
  return [
    {
      type: 'ContainerBackOff',
      ...aboutContainer(now, 'kubelet', pod.ref, c.name),
      delaySeconds: entry.delayMs / 1000,
      until: instantOf(until),
    },
  ];
};

const createAndStart = (pod: PodBook, c: ContainerBook, now: VirtualMs): Event[] => {
  const containerID = simulatedContainerID(`${pod.ref.uid}/${c.name}/${c.instances}`);
  const subject = aboutContainer(now, 'runtime', pod.ref, c.name);
  return [
    { type: 'ContainerCreated', ...subject, containerID },
    { type: 'ContainerStarted', ...subject, containerID },
  ];
};

/** The image step for the next instance: already there, pull, refuse, or wait out the pull back-off. */
const ensureImage = (pod: PodBook, node: NodeBook, c: ContainerBook, now: VirtualMs): Event[] => {
  const spec = specOf(pod, c).spec;
  const image = spec.image ?? '';
  const subject = aboutContainer(now, 'runtime', pod.ref, c.name);
  const present = node.images.has(imageKey(image));
  const policy = pullPolicyOf(spec);
  if (present && policy !== 'Always') return [{ type: 'ImagePulled', ...subject, image, alreadyPresent: true, imageID: simulatedImageID(image) }];
  if (policy === 'Never') {
    // each sync asks again, fails, and records the Event again (images/image_manager.go :: EnsureImageExists)
    const message = `Container image "${image}" is not present with pull policy of Never`;
    return [{ type: 'ImagePullFailed', ...subject, source: 'kubelet', image, reason: 'ErrImageNeverPull', message }];
  }
  // the entry is the pod's for this image: another container's failed pull of it holds this one back too, and
  // its stored error is the one this container's waiting message shows
  const shared = pod.imageBackoffs.get(image);
  if (shared !== undefined && inBackoffSinceUpdate(imagePullBackoff, shared.entry, now)) {
    const until = shared.entry.lastUpdate + shared.entry.delayMs;
    if (c.imageBackOffSync === pod.syncs) return [];
    const delaySeconds = shared.entry.delayMs / 1000;
    const lastPullError = shared.failedFor === c.name ? {} : { lastPullError: shared.lastError };
    return [{ type: 'ImagePullBackOff', ...subject, source: 'kubelet', image, delaySeconds, until: instantOf(until), ...lastPullError }];
  }
  return [{ type: 'ImagePulling', ...subject, image }];
};

/** The next step towards a running instance of `c`, or nothing while it waits (pull in flight, back-off). */
export const startStep = (pod: PodBook, node: NodeBook, c: ContainerBook, now: VirtualMs): Event[] => {
  const gate = crashLoopGate(pod, c, now);
  if (gate !== undefined) return gate;
  // a pull in flight, or one that failed in this very sync: nothing more for this container now
  if (c.pullingSince !== undefined || c.imageFailedSync === pod.syncs) return [];
  if (c.imageReadyFor === c.instances) return createAndStart(pod, c, now);
  return ensureImage(pod, node, c, now);
};
