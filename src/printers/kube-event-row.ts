/** The core/v1 Event shape the printers produce, apart from how it is computed. */
import type { RecordedEvent } from '../events/index.js';

export type KubeEventType = 'Normal' | 'Warning';

export interface InvolvedObject {
  readonly kind: 'Pod';
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  /** `spec.containers{NAME}` or `spec.initContainers{NAME}` for container events. */
  readonly fieldPath?: string;
}

/** One row of `kubectl describe`'s Events table, as a core/v1 Event. */
export interface KubeEventRow {
  readonly involvedObject: InvolvedObject;
  /** `KubeEventType` for the Events podj makes; an imported Event's as the cluster recorded it. */
  readonly type: string;
  readonly reason: string;
  readonly message: string;
  readonly source: { readonly component: string; readonly host?: string };
  readonly count: number;
  /** RFC 3339 with second precision, as the API serves `metav1.Time`. */
  readonly firstTimestamp: string;
  readonly lastTimestamp: string;
  /** The first or last occurrence shown was placed by an import, not recorded (`Provenance.inferred`). */
  readonly inferred?: true;
  /** The Event object a cluster recorded, for an imported Event: one row per object, listed as the cluster held it. */
  readonly recorded?: RecordedEvent;
}
