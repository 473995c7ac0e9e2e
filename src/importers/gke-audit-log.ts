/**
 * GKE's Kubernetes audit logs, as Cloud Logging keeps them (`gcloud logging read --format=json`, the console's
 * download, a sink's export): a `LogEntry` whose `protoPayload` is a Cloud Audit Log (`google.cloud.audit.AuditLog`)
 * of service `k8s.io`. GKE converts each audit.k8s.io Event into that schema; this turns it back into the Event it
 * was, so it is read as any audit line. What the entry keeps: the verb (`methodName`'s last part), the object
 * (`resourceName`: `core/v1/namespaces/NS/pods/NAME[/SUB]`), the request and response objects (each with an
 * `@type` key added), the result as a google.rpc status, and the entry's `timestamp`. GKE's audit policy logs
 * the kubelet's `pods/status` writes at level Request (the patch, no response): `audit.ts` applies such a patch
 * to the pod the log showed last.
 */
import * as t from 'io-ts';
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { Integer } from '../k8s/codecs.js';
import { isRecord } from './build.js';
import { decodeAt } from './decode.js';
import { K8sTime } from './time.js';

const AUDIT_LOG_TYPE = 'type.googleapis.com/google.cloud.audit.AuditLog';

/** A Cloud Logging entry carrying a Cloud Audit Log (of any service: `k8s.io` is GKE's API server). */
export const isCloudAuditLogEntry = (u: Record<string, unknown>): boolean => isRecord(u['protoPayload']) && u['protoPayload']['@type'] === AUDIT_LOG_TYPE;

const LogEntry = t.intersection([
  t.type({
    insertId: t.string,
    protoPayload: t.intersection([
      t.type({ methodName: t.string }),
      t.partial({
        serviceName: t.string,
        resourceName: t.string,
        request: t.unknown,
        response: t.unknown,
        status: t.partial({ code: Integer, message: t.string }),
        authenticationInfo: t.partial({ principalEmail: t.string }),
        requestMetadata: t.partial({ callerSuppliedUserAgent: t.string }),
      }),
    ]),
  }),
  // Read here so that a bad time names the entry's field.
  t.partial({ timestamp: K8sTime, receiveTimestamp: K8sTime }),
]);

/**
 * HTTP status of a google.rpc code, as google/rpc/code.proto maps them: GKE writes the API server's HTTP result
 * as the nearest code, so only success (0) and the class of a failure are certain. A refused write is read by
 * `code >= 400` alone.
 */
const HTTP_OF_RPC_CODE: Readonly<Record<number, number>> = { 0: 200, 1: 499, 2: 500, 3: 400, 4: 504, 5: 404, 6: 409, 7: 403, 8: 429, 9: 400, 10: 409, 11: 400, 12: 501, 13: 500, 14: 503, 15: 500, 16: 401 };

/** `core/v1/namespaces/NS/pods/NAME/status` as an audit objectRef (the core group is `core` there, `""` in the API). */
const objectRefOf = (resourceName: string): Record<string, string> | undefined => {
  const [group, version, ...rest] = resourceName.split('/');
  if (group === undefined || version === undefined || rest.length === 0) return undefined;
  const namespaced = rest[0] === 'namespaces' && rest.length >= 3;
  const [resource, name, subresource] = namespaced ? rest.slice(2) : rest;
  if (resource === undefined) return undefined;
  return {
    apiGroup: group === 'core' ? '' : group,
    apiVersion: version,
    resource,
    ...(namespaced && rest[1] !== undefined && { namespace: rest[1] }),
    ...(name !== undefined && { name }),
    ...(subresource !== undefined && { subresource }),
  };
};

/** The object as the API server had it: without the `@type` GKE adds to each. */
const withoutType = (u: unknown): unknown => {
  if (!isRecord(u)) return u;
  const { '@type': _type, ...rest } = u;
  return rest;
};

/**
 * The audit.k8s.io Event an entry was made from. An entry of another service (GKE's own cluster operations,
 * `container.googleapis.com`) names no Kubernetes object: its Event has no objectRef and is skipped as lines
 * about non-resources are.
 */
export const auditEventOfEntry = (u: unknown): E.Either<string, unknown> =>
  pipe(
    decodeAt(LogEntry)(u),
    E.map((entry) => {
      const p = entry.protoPayload;
      const at = entry.timestamp ?? entry.receiveTimestamp;
      const objectRef = p.serviceName === 'k8s.io' && p.resourceName !== undefined ? objectRefOf(p.resourceName) : undefined;
      const code = p.status?.code ?? 0;
      return {
        apiVersion: 'audit.k8s.io/v1',
        kind: 'Event',
        auditID: entry.insertId,
        // Cloud Logging receives completed requests only (GKE's policy omits RequestReceived; operation.last is always true).
        stage: 'ResponseComplete',
        verb: p.methodName.slice(p.methodName.lastIndexOf('.') + 1),
        ...(objectRef !== undefined && { objectRef }),
        ...(p.authenticationInfo?.principalEmail !== undefined && { user: { username: p.authenticationInfo.principalEmail } }),
        ...(p.requestMetadata?.callerSuppliedUserAgent !== undefined && { userAgent: p.requestMetadata.callerSuppliedUserAgent }),
        responseStatus: { code: HTTP_OF_RPC_CODE[code] ?? 500, ...(p.status?.message !== undefined && p.status.message !== '' && { message: p.status.message }) },
        ...(p.request !== undefined && { requestObject: withoutType(p.request) }),
        ...(p.response !== undefined && { responseObject: withoutType(p.response) }),
        // The entry's time is the API server's (Cloud Logging keeps a given timestamp; receiveTimestamp is its own, later).
        ...(at !== undefined && { stageTimestamp: K8sTime.encode(at) }),
      };
    }),
  );
