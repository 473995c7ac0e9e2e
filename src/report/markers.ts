/** Which journal events a report marks on a lane: the causes an SRE looks for (kills, back-off, evictions…). */
import { isInferred, type Event } from '../events/index.js';
import { summarize } from '../events/summary.js';
import type { Cause, MarkerKind, RowFacts } from './model.js';

/** Values by index, each stored once: what the report's `strings` and `rows` hold. */
class Table<T> {
  private readonly indices = new Map<string, number>();
  readonly values: T[] = [];

  constructor(private readonly keyOf: (value: T) => string) {}

  index(value: T): number {
    const key = this.keyOf(value);
    let i = this.indices.get(key);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.indices.set(key, i);
    }
    return i;
  }
}

/** The report's interned texts and kubectl rows. */
export class Interner {
  private readonly texts = new Table<string>((text) => text);
  private readonly rowFacts = new Table<RowFacts>((row) => JSON.stringify([row.ready, row.status, row.restarts, row.lastRestartDate]));

  index(text: string): number {
    return this.texts.index(text);
  }

  row(facts: RowFacts): number {
    return this.rowFacts.index(facts);
  }

  get strings(): string[] {
    return this.texts.values;
  }

  get rows(): RowFacts[] {
    return this.rowFacts.values;
  }
}

export const causeOf = (e: Event, seq: number, strings: Interner): Cause => ({
  seq,
  type: strings.index(e.type),
  source: strings.index(e.source),
  summary: strings.index(summarize(e)),
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
    case 'PodEphemeralContainersUpdated':
    case 'RecordsSuperseded':
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
