/** A short human sentence for each event: the DETAILS of `podj events` and the cause column of timelines. */
import { isInferred, type Event } from './index.js';
import { counted } from '../text/counted.js';

const quoted = (s: string): string => JSON.stringify(s);

/** The sentence, marked `(inferred)` when an import placed or supplied the event rather than a source recording it. */
export const summarize = (e: Event): string => `${sentence(e)}${isInferred(e) ? ' (inferred)' : ''}`;

const sentence = (e: Event): string => {
  switch (e.type) {
    case 'PodCreated':
      return `created (${counted(e.manifest.spec.containers.length, 'container')}${e.manifest.spec.initContainers?.length ? `, ${e.manifest.spec.initContainers.length} init` : ''})`;
    case 'PodMetadataUpdated':
      return `labels ${Object.entries(e.labels).map(([k, v]) => `${k}=${v}`).join(',') || '<none>'}`;
    case 'PodEphemeralContainersUpdated':
      return `ephemeral containers ${e.ephemeralContainers.map((c) => c.name).join(',')}`;
    case 'RecordsSuperseded':
      return `superseded ${e.records.map((r) => `${r.container === undefined ? '' : `${r.container}: `}${r.type} at ${r.at}`).join(', ')}`;
    case 'PodDeletionRequested':
      return e.gracePeriodSeconds === 0 ? 'force deletion requested' : `deletion requested, grace ${e.gracePeriodSeconds}s`;
    case 'PodRemoved':
      return 'removed from the API';
    case 'PodWriteRejected':
      return `${e.verb} rejected (${e.code}): ${e.message}`;
    case 'PodConditionSet':
      return `condition ${e.conditionType}=${e.status}${e.reason === undefined ? '' : ` (${e.reason})`}`;
    case 'PodBound':
      return `bound to ${e.node}`;
    case 'PodUnschedulable':
      return `${e.reason}: ${e.message}`;
    case 'NodeRegistered':
      return `registered (cpu ${e.allocatable['cpu'] ?? '?'}, memory ${e.allocatable['memory'] ?? '?'})`;
    case 'NodeConditionChanged':
      return `${e.conditionType}=${e.status}${e.reason === undefined ? '' : ` (${e.reason})`}`;
    case 'KubeletStopped':
      return 'the kubelet stopped posting status';
    case 'EvictionThresholdMet':
      return `${e.signal} ${e.available} below threshold ${e.threshold}`;
    case 'PodAdmitted':
      return `admitted by the kubelet on ${e.node}`;
    case 'PodRejected':
      return `rejected by the kubelet on ${e.node}: ${e.reason}`;
    case 'SandboxCreated':
      return e.podIP === undefined ? 'sandbox ready, pod IP not yet published' : `sandbox ready, pod IP ${e.podIP}`;
    case 'PodIPAssigned':
      return `pod IP ${e.podIP}`;
    case 'PodEvicted':
      return `evicted (${e.signal}): ${e.message.trim()}`;
    case 'PodDeadlineExceeded':
      return 'past activeDeadlineSeconds: DeadlineExceeded';
    case 'PodKillTimedOut':
      return 'kill not done within its wait: ExceededGracePeriod';
    case 'PodNodeLost':
      return `marked not ready: node ${e.node} is not Ready`;
    case 'ImagePulling':
      return `${e.container}: pulling ${quoted(e.image)}`;
    case 'ImagePulled':
      return `${e.container}: ${e.alreadyPresent ? 'image already present' : 'pulled'} ${quoted(e.image)}`;
    case 'ImagePullFailed':
      return `${e.container}: ${e.reason} ${quoted(e.image)}`;
    case 'ContainerCreated':
      return `${e.container}: created`;
    case 'ContainerStarted':
      return `${e.container}: started`;
    case 'ContainerStartFailed':
      return `${e.container}: ${e.reason}`;
    case 'ContainerWaiting':
      return `${e.container}: waiting (${e.reason})`;
    case 'PostStartHookFailed':
      return `${e.container}: postStart hook failed`;
    case 'PostStartHookSucceeded':
      return `${e.container}: postStart hook done`;
    case 'ContainerExited':
      return `${e.container}: exited ${e.exitCode} (${e.reason})`;
    case 'ContainerRemoved':
      return `${e.container}: removed (restarting all containers)`;
    case 'PodSynced':
      return 'kubelet sync: status published';
    case 'PodObserved':
      return 'object captured';
    case 'ContainerUsageSampled':
      return `${e.container}: memory ${e.memory}`;
    case 'ProbeExecuted':
      return `${e.container}: ${e.probe} probe ${e.outcome}${e.output === undefined ? '' : `: ${e.output}`}`;
    case 'ProbeResultChanged':
      return `${e.container}: ${e.probe} now ${e.outcome}`;
    case 'ContainerKilling':
      return `${e.container}: killing (${e.reason}, grace ${e.gracePeriodSeconds}s)`;
    case 'ContainerBackOff':
      return `${e.container}: back-off ${e.delaySeconds}s`;
    case 'ImagePullBackOff':
      return `${e.container}: image pull back-off ${e.delaySeconds}s`;
    default: {
      const unhandled: never = e;
      return unhandled;
    }
  }
};

/** `pod/NS/NAME` or `node/NAME`: what the event is about. */
export const subjectOf = (e: Event): string => ('pod' in e ? `pod/${e.pod.namespace}/${e.pod.name}` : `node/${e.node}`);
