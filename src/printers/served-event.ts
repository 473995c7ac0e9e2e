/**
 * A core/v1 Event as the API server serves it, for `get events -o json|yaml|jsonpath|custom-columns` and its field
 * selector. One podj made is what v1.36's recorder writes (`client-go/tools/record/event.go :: generateEvent`:
 * `source`, and `reportingComponent`/`reportingInstance` set from it; `makeEvent`: no `eventTime`, which serializes
 * as null); an imported one keeps what the cluster recorded (`RecordedEvent`): the reporter's fields, its `uid`,
 * `resourceVersion`, `creationTimestamp`, `eventTime` and `action` where the object held them, its `series`, and no
 * first or last timestamp nor count where it held none (`event-stamps.ts`). The involved object is a Pod, whose reference is `apiVersion: v1`.
 */
import { eventStamps, type EventSeries } from './event-stamps.js';
import type { KubeEventRow } from './kube-event-row.js';

export interface ServedEvent {
  readonly apiVersion: 'v1';
  readonly kind: 'Event';
  readonly metadata: { readonly name: string; readonly namespace: string; readonly uid?: string; readonly resourceVersion?: string; readonly creationTimestamp: string };
  readonly involvedObject: KubeEventRow['involvedObject'] & { readonly apiVersion: 'v1'; readonly resourceVersion?: string };
  readonly reason: string;
  readonly message: string;
  readonly source: { readonly component?: string; readonly host?: string };
  readonly firstTimestamp: string | null;
  readonly lastTimestamp: string | null;
  readonly count?: number;
  readonly series?: EventSeries;
  readonly type: string;
  readonly eventTime?: string | null;
  readonly action?: string;
  readonly reportingComponent?: string;
  readonly reportingInstance?: string;
  /** An occurrence shown was placed by an import, not recorded (`KubeEventRow.inferred`). */
  readonly inferred?: true;
}

/** The row named `name` as served; a recorder creates the Event at its first occurrence, stamping creationTimestamp then. */
export const servedEvent = (name: string, row: KubeEventRow): ServedEvent => {
  const { recorded, inferred, involvedObject } = row;
  const reporter =
    recorded === undefined
      ? { source: row.source, eventTime: null, reportingComponent: row.source.component, reportingInstance: row.source.host ?? '' }
      : {
          source: recorded.source ?? row.source,
          ...(recorded.reportingComponent !== undefined && { reportingComponent: recorded.reportingComponent }),
          ...(recorded.reportingInstance !== undefined && { reportingInstance: recorded.reportingInstance }),
          ...(recorded.eventTime !== undefined && { eventTime: recorded.eventTime }),
          ...(recorded.action !== undefined && { action: recorded.action }),
        };
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name,
      namespace: involvedObject.namespace,
      ...(recorded?.uid !== undefined && { uid: recorded.uid }),
      ...(recorded?.resourceVersion !== undefined && { resourceVersion: recorded.resourceVersion }),
      creationTimestamp: recorded?.creationTimestamp ?? row.firstTimestamp,
    },
    involvedObject: { apiVersion: 'v1', ...involvedObject, ...(recorded?.objectResourceVersion !== undefined && { resourceVersion: recorded.objectResourceVersion }) },
    reason: row.reason,
    message: row.message,
    ...eventStamps(row),
    type: row.type,
    ...reporter,
    ...(inferred === true && { inferred }),
  };
};
