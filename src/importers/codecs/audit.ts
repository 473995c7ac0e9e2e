/**
 * The audit.k8s.io Event (v1, v1beta1, and v1alpha1 of Kubernetes 1.7: they differ only in fields we do not
 * read) and its EventList. A line is read in two steps: its head says whether it matters (stage, verb,
 * resource); only a line that does is decoded further, so a log's reads and other resources are skipped
 * whatever else they carry.
 */
import * as t from 'io-ts';
import { Integer, struct, type Instant } from '../../k8s/codecs.js';
import { isRecord } from '../build.js';
import { K8sTime } from '../time.js';

export const AuditObjectRef = t.partial(
  { resource: t.string, namespace: t.string, name: t.string, uid: t.string, apiGroup: t.string, apiVersion: t.string, subresource: t.string },
  'ObjectReference',
);

/** What decides whether a line matters. `apiVersion`, `kind` and `level` are not needed: some tools drop them. */
export const AuditHead = struct(
  'AuditEvent',
  {
    auditID: t.string,
    stage: t.keyof({ RequestReceived: null, ResponseStarted: null, ResponseComplete: null, Panic: null }, 'Stage'),
    verb: t.string,
  },
  { objectRef: AuditObjectRef },
);
export type AuditHead = t.TypeOf<typeof AuditHead>;

/** A line that matters: its head, what the request and response carried, and its times (any may be missing). */
export const AuditEvent = t.intersection([
  AuditHead,
  t.partial({
    requestURI: t.string,
    user: t.partial({ username: t.string }),
    userAgent: t.string,
    responseStatus: t.partial({ code: Integer, message: t.string, reason: t.string, status: t.string }),
    requestObject: t.unknown,
    responseObject: t.unknown,
    stageTimestamp: K8sTime,
    requestReceivedTimestamp: K8sTime,
    // v1alpha1 and v1beta1 (Kubernetes 1.7–1.9) stamp the line with `timestamp` only.
    timestamp: K8sTime,
    metadata: t.partial({ creationTimestamp: K8sTime }),
  }),
]);
export type AuditEvent = t.TypeOf<typeof AuditEvent>;

/** When the request completed: `stageTimestamp`, else (older API servers) when it was received. */
export const auditTimeOf = (a: AuditEvent): Instant | undefined =>
  a.stageTimestamp ?? a.requestReceivedTimestamp ?? a.timestamp ?? a.metadata?.creationTimestamp;

export const isAuditVersion = (u: unknown): boolean => typeof u === 'string' && /^audit\.k8s\.io\/v1(?:alpha1|beta1)?$/.test(u);

/** An audit line: its apiVersion says so, or (when a tool dropped apiVersion) the fields only audit lines have. */
export const isAuditLine = (u: unknown): boolean =>
  isRecord(u) &&
  (isAuditVersion(u['apiVersion']) || (u['apiVersion'] === undefined && typeof u['auditID'] === 'string' && typeof u['stage'] === 'string' && typeof u['verb'] === 'string'));
