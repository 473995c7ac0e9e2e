/**
 * Pod lanes, collected while the journal streams by: what the timeline says changed (with the kubectl row
 * after each change), and what the raw events add (markers, memory samples, back-off windows, labels).
 */
import { isInferred, type Event, type PodEvent } from '../events/index.js';
import { msOf } from '../k8s/codecs.js';
import { isSidecar, type V1Pod } from '../k8s/pod.js';
import { valueOf } from '../k8s/quantity.js';
import { kubectlRowFacts } from '../printers/pod-row.js';
import type { TimelineEntry } from '../timetravel/timeline.js';
import { isKnownOnlyFromEvents } from '../k8s/inferred-annotation.js';
import { restsOnInferred, type PodState } from '../reducers/index.js';
import { causeOf, markerKindOf, type Interner } from './markers.js';
import type { Flips, MemorySeries, PodLane, RowFacts } from './model.js';

type Draft = { -readonly [K in keyof PodLane]: PodLane[K] };

const bytesOf = (raw: string | undefined): number | undefined => (raw === undefined ? undefined : Number(valueOf(raw)));

const ephemeralOf = (containers: ReadonlyArray<{ readonly name: string }> = []): PodLane['containers'] => containers.map((c) => ({ name: c.name, kind: 'ephemeral' as const }));

const containersOf = (pod: V1Pod): PodLane['containers'] => [
  ...(pod.spec.initContainers ?? []).map((c) => ({ name: c.name, kind: isSidecar(c) ? ('sidecar' as const) : ('init' as const) })),
  ...pod.spec.containers.map((c) => ({ name: c.name, kind: 'container' as const })),
  ...ephemeralOf(pod.spec.ephemeralContainers),
];

const memoryOf = (pod: V1Pod, container: string): MemorySeries => {
  const spec = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].find((c) => c.name === container);
  const request = bytesOf(spec?.resources?.requests?.['memory']);
  const limit = bytesOf(spec?.resources?.limits?.['memory']);
  return { container, samples: [], ...(request === undefined ? {} : { request }), ...(limit === undefined ? {} : { limit }) };
};

const rowFactsOf = (pod: V1Pod): RowFacts => {
  const { ready, status, restarts, lastRestartDate } = kubectlRowFacts(pod);
  return { ready, status, restarts, ...(lastRestartDate === undefined ? {} : { lastRestartDate }) };
};

/**
 * `flips` with the flag `value` from `at` on (kept in place; undefined while it never held). A value replaced
 * at the instant it was set never showed: `get pods --at` folds every event of an instant.
 */
const flipped = (flips: Flips | undefined, at: number, value: boolean): Flips | undefined => {
  const list = flips ?? [];
  if (list[list.length - 1]?.[0] === at) list.pop();
  if ((list[list.length - 1]?.[1] ?? false) !== value) list.push([at, value]);
  return list.length === 0 ? undefined : list;
};

export class PodLanes {
  private readonly drafts = new Map<string, Draft>();
  /** The manifests, for memory requests and limits of containers that report usage. */
  private readonly manifests = new Map<string, V1Pod>();

  constructor(private readonly strings: Interner) {}

  private draft(e: PodEvent): Draft {
    const known = this.drafts.get(e.pod.uid);
    if (known !== undefined) return known;
    const fresh: Draft = {
      namespace: e.pod.namespace,
      name: e.pod.name,
      uid: e.pod.uid,
      containers: [],
      labels: [],
      steps: [],
      markers: [],
      memory: [],
      backoffs: [],
    };
    this.drafts.set(e.pod.uid, fresh);
    return fresh;
  }

  /** A raw event: markers, samples, back-off windows, manifests and labels. */
  observe(e: PodEvent, seq: number): void {
    const lane = this.draft(e);
    const at = msOf(e.at);
    const kind = markerKindOf(e);
    if (kind !== undefined) lane.markers.push({ at, kind, cause: causeOf(e, seq, this.strings), ...('container' in e ? { container: e.container } : {}) });
    switch (e.type) {
      case 'PodCreated':
        this.manifests.set(e.pod.uid, e.manifest);
        lane.containers = containersOf(e.manifest);
        lane.labels.push({ at, labels: { ...(e.manifest.metadata.labels ?? {}) } });
        return;
      case 'PodMetadataUpdated':
        lane.labels.push({ at, labels: { ...e.labels } });
        return;
      case 'PodEphemeralContainersUpdated':
        // the pods/ephemeralcontainers write that grows the spec: a lane for each debug container it adds
        lane.containers = [...lane.containers, ...ephemeralOf(e.ephemeralContainers).filter((c) => !lane.containers.some((known) => known.name === c.name))];
        return;
      case 'ContainerUsageSampled': {
        let series = lane.memory.find((m) => m.container === e.container);
        if (series === undefined) {
          const manifest = this.manifests.get(e.pod.uid);
          series = manifest === undefined ? { container: e.container, samples: [] } : memoryOf(manifest, e.container);
          lane.memory.push(series);
        }
        series.samples.push([at, bytesOf(e.memory) ?? 0]);
        return;
      }
      case 'ContainerBackOff':
      case 'ImagePullBackOff':
        lane.backoffs.push({
          container: e.container,
          from: at,
          until: msOf(e.until),
          image: e.type === 'ImagePullBackOff',
          ...(isInferred(e) ? { inferred: true as const } : {}),
        });
        return;
      default:
        return;
    }
  }

  /** A timeline entry of a pod: its changes, and the row kubectl shows after it. */
  step(entry: TimelineEntry & { readonly cause: Event & PodEvent }, seq: number): void {
    const lane = this.draft(entry.cause);
    const after = entry.after;
    if (after !== undefined) {
      if (after.spec.nodeName !== undefined) lane.node = after.spec.nodeName;
      if (lane.creationTimestamp === undefined && after.metadata.creationTimestamp != null) lane.creationTimestamp = after.metadata.creationTimestamp;
      if (lane.containers.length === 0) lane.containers = containersOf(after);
    }
    lane.steps.push({
      at: msOf(entry.at),
      changes: entry.changes.map((c) => [this.strings.index(c.field), c.to === undefined ? -1 : this.strings.index(c.to)]),
      cause: causeOf(entry.cause, seq, this.strings),
      ...(after === undefined ? {} : { row: this.strings.row(rowFactsOf(after)) }),
    });
  }

  /**
   * A pod event folded: where the pod starts or stops being known only from its Events, and its row resting on
   * facts inferred since the last capture, as `get pods --at` decides both from the pod folded up to then.
   */
  folded(e: PodEvent, after: PodState | undefined): void {
    const lane = this.draft(e);
    const at = msOf(e.at);
    const eventsOnly = after !== undefined && isKnownOnlyFromEvents(after.pod);
    lane.eventsOnly = flipped(lane.eventsOnly, at, eventsOnly);
    // get pods notes an Events-only pod as such, never also as resting on placed facts (pod-listing.ts).
    lane.sinceCapture = flipped(lane.sinceCapture, at, !eventsOnly && after !== undefined && restsOnInferred(after));
  }

  lanes(): Iterable<PodLane> {
    return this.drafts.values();
  }
}
