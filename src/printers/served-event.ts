/**
 * A core/v1 Event as the API server serves it, for `get events -o json|yaml|jsonpath|custom-columns` and its field
 * selector. One podj made is what v1.36's recorder writes (`client-go/tools/record/event.go :: generateEvent`:
 * `source`, and `reportingComponent`/`reportingInstance` set from it; `makeEvent`: no `eventTime`, which serializes
 * as null); an imported one keeps the reporter's fields the cluster recorded (`RecordedEvent`), and prints no
 * `eventTime`, which the journal does not keep. The involved object is a Pod, whose reference is `apiVersion: v1`.
 */
import type { KubeEventRow } from './kube-event-row.js';

export interface ServedEvent {
  readonly apiVersion: 'v1';
  readonly kind: 'Event';
  readonly metadata: { readonly name: string; readonly namespace: string; readonly creationTimestamp: string };
  readonly involvedObject: KubeEventRow['involvedObject'] & { readonly apiVersion: 'v1' };
  readonly reason: string;
  readonly message: string;
  readonly source: { readonly component?: string; readonly host?: string };
  readonly firstTimestamp: string;
  readonly lastTimestamp: string;
  readonly count: number;
  readonly type: string;
  readonly eventTime?: null;
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
        };
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: involvedObject.namespace, creationTimestamp: row.firstTimestamp },
    involvedObject: { apiVersion: 'v1', ...involvedObject },
    reason: row.reason,
    message: row.message,
    firstTimestamp: row.firstTimestamp,
    lastTimestamp: row.lastTimestamp,
    count: row.count,
    type: row.type,
    ...reporter,
    ...(inferred === true && { inferred }),
  };
};
