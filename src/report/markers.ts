/** Which journal events a report marks on a lane: the causes an SRE looks for (kills, back-off, evictions…). */
import { isInferred, type Event } from '../events/index.js';
import { summarize } from '../events/summary.js';
import type { Cause, MarkerKind } from './model.js';

/** Texts by index, each stored once: what the report's `strings` holds. */
export class Interner {
  private readonly indices = new Map<string, number>();
  readonly strings: string[] = [];

  index(text: string): number {
    let i = this.indices.get(text);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(text);
      this.indices.set(text, i);
    }
    return i;
  }
}

export const causeOf = (e: Event, seq: number, strings: Interner): Cause => ({
  seq,
  type: strings.index(e.type),
  source: strings.index(e.source),
  summary: summarize(e),
  ...(isInferred(e) ? { inferred: true as const } : {}),
});

/** The marker kind of an event, or undefined for the events a lane shows only through its bands. */
export const markerKindOf = (e: Event): MarkerKind | undefined => {
  switch (e.type) {
    case 'ProbeResultChanged':
      return e.outcome === 'failure' ? 'probe' : undefined;
    case 'PostStartHookFailed':
      return 'probe';
    case 'ContainerKilling':
      return 'kill';
    case 'ContainerBackOff':
      return 'backoff';
    case 'ImagePullFailed':
    case 'ImagePullBackOff':
      return 'image';
    case 'ContainerExited':
      return e.exitCode === 0 ? undefined : 'exit';
    case 'ContainerStartFailed':
      return 'exit';
    case 'PodEvicted':
      return 'eviction';
    case 'PodDeadlineExceeded':
      return 'kill'; // the kubelet terminates the pod: its containers' kills follow
    case 'PodNodeLost':
      return 'node';
    case 'PodDeletionRequested':
    case 'PodRemoved':
      return 'deletion';
    case 'PodUnschedulable':
    case 'PodRejected':
      return 'scheduling';
    case 'PodCreated':
    case 'PodMetadataUpdated':
    case 'PodWriteRejected':
    case 'PodObserved':
    case 'PodConditionSet':
    case 'PodBound':
    case 'NodeRegistered':
    case 'NodeConditionChanged':
    case 'KubeletStopped':
    case 'EvictionThresholdMet':
    case 'PodKillTimedOut':
    case 'PodAdmitted':
    case 'PodSynced':
    case 'ContainerWaiting':
    case 'SandboxCreated':
    case 'PodIPAssigned':
    case 'ImagePulling':
    case 'ImagePulled':
    case 'ContainerCreated':
    case 'ContainerStarted':
    case 'PostStartHookSucceeded':
    case 'ContainerUsageSampled':
    case 'ProbeExecuted':
    case 'ContainerRemoved':
      return undefined;
    default: {
      const unhandled: never = e;
      return unhandled;
    }
  }
};
