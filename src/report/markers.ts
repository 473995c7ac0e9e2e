/** Which journal events a report marks on a lane: the causes an SRE looks for (kills, back-off, evictions…). */
import type { Event } from '../events/index.js';
import { summarize } from '../events/summary.js';
import { INFERRED_EXIT_MESSAGE } from '../importers/instances.js';
import type { Cause, MarkerKind } from './model.js';

/**
 * Whether an event was inferred on import rather than recorded: today an import writes this only for the
 * container exits it places between recorded runs (its message says so).
 */
export const isInferred = (e: Event): boolean => e.type === 'ContainerExited' && e.message === INFERRED_EXIT_MESSAGE;

export const causeOf = (e: Event, seq: number): Cause => ({
  seq,
  type: e.type,
  source: e.source,
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
    case 'PodConditionSet':
    case 'PodBound':
    case 'NodeRegistered':
    case 'NodeConditionChanged':
    case 'EvictionThresholdMet':
    case 'PodAdmitted':
    case 'SandboxCreated':
    case 'ImagePulling':
    case 'ImagePulled':
    case 'ContainerCreated':
    case 'ContainerStarted':
    case 'PostStartHookSucceeded':
    case 'ContainerUsageSampled':
    case 'ProbeExecuted':
      return undefined;
    default: {
      const unhandled: never = e;
      return unhandled;
    }
  }
};
