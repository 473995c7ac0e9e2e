/** The audit.k8s.io Event (v1 and v1beta1 differ only in fields we do not read) and its EventList. */
import * as t from 'io-ts';
import { Integer, struct } from '../../k8s/codecs.js';
import { K8sTime } from '../time.js';

export const AuditObjectRef = t.partial(
  { resource: t.string, namespace: t.string, name: t.string, uid: t.string, apiGroup: t.string, apiVersion: t.string, subresource: t.string },
  'ObjectReference',
);

export const AuditEvent = struct(
  'AuditEvent',
  {
    kind: t.literal('Event'),
    apiVersion: t.keyof({ 'audit.k8s.io/v1': null, 'audit.k8s.io/v1beta1': null }, 'AuditVersion'),
    level: t.string,
    auditID: t.string,
    stage: t.keyof({ RequestReceived: null, ResponseStarted: null, ResponseComplete: null, Panic: null }, 'Stage'),
    verb: t.string,
    stageTimestamp: K8sTime,
  },
  {
    requestURI: t.string,
    user: t.partial({ username: t.string }),
    userAgent: t.string,
    objectRef: AuditObjectRef,
    responseStatus: t.partial({ code: Integer, message: t.string, reason: t.string, status: t.string }),
    requestObject: t.unknown,
    responseObject: t.unknown,
    requestReceivedTimestamp: K8sTime,
  },
);
export type AuditEvent = t.TypeOf<typeof AuditEvent>;

export const isAuditVersion = (u: unknown): boolean => u === 'audit.k8s.io/v1' || u === 'audit.k8s.io/v1beta1';
