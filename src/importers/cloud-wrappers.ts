/**
 * Audit Events as managed clouds export them. The cloud's log pipeline wraps each Event (its JSON as a string)
 * in a record of its own; unwrapped here, before detection, they are read as any audit log is. Only the
 * Event is taken: the wrapper's own fields (its time, the API server pod that logged it) say nothing the
 * Event does not. GKE's Cloud Audit Logs hold no Event but the same facts in another schema: `gke-audit-log.ts`.
 */
import * as E from 'fp-ts/lib/Either.js';
import { isRecord } from './build.js';
import { isAuditLine } from './codecs/audit.js';
import type { Doc } from './documents.js';
import { auditEventOfEntry, isCloudAuditLogEntry } from './gke-audit-log.js';

/** A payload found in a wrapper, and where in it (for the error when it is no audit Event). */
interface Payload {
  readonly where: string;
  readonly value: unknown;
}

/**
 * AKS diagnostic settings, categories `kube-audit` and `kube-audit-admin`: `properties.log` holds the Event
 * as a JSON string (some forwarders have parsed it already: an object).
 */
const isAzureAuditRecord = (u: Record<string, unknown>): boolean =>
  (u['category'] === 'kube-audit' || u['category'] === 'kube-audit-admin') && isRecord(u['properties']);

/** A CloudWatch Logs event (EKS control plane logging, log stream `kube-apiserver-audit-*`): the Event is its `message`. */
const isCloudWatchEvent = (u: Record<string, unknown>): boolean =>
  typeof u['message'] === 'string' && typeof u['timestamp'] === 'number' && u['kind'] === undefined;

const payloadsOf = (doc: Record<string, unknown>): readonly Payload[] | undefined => {
  if (isAzureAuditRecord(doc) && isRecord(doc['properties'])) return [{ where: 'properties.log', value: doc['properties']['log'] }];
  // A storage-account or Event Hubs export batches records: `{"records": [...]}`.
  const records = doc['records'];
  if (Array.isArray(records) && records.every((r: unknown) => isRecord(r) && typeof r['category'] === 'string'))
    return records.map((r: unknown, i) => ({ where: `records[${i}].properties.log`, value: isRecord(r) && isAzureAuditRecord(r) && isRecord(r['properties']) ? r['properties']['log'] : undefined }));
  if (isCloudWatchEvent(doc)) return [{ where: 'message', value: doc['message'] }];
  // A CloudWatch Logs subscription batches events: `{"logEvents": [{"id", "timestamp", "message"}]}`.
  const logEvents = doc['logEvents'];
  if (Array.isArray(logEvents)) return logEvents.map((e: unknown, i) => ({ where: `logEvents[${i}].message`, value: isRecord(e) ? e['message'] : undefined }));
  return undefined;
};

const parsed = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
};

const unwrapped = (line: number, p: Payload): Doc => {
  const value = parsed(p.value);
  return isAuditLine(value) ? { line, value } : { line, error: `${p.where} is not an audit.k8s.io Event` };
};

/** The documents with every cloud wrapper replaced by the audit Events it holds, each on its wrapper's line. */
export async function* withoutCloudWrappers(docs: AsyncIterable<Doc>): AsyncGenerator<Doc> {
  for await (const doc of docs) {
    const value = 'value' in doc && isRecord(doc.value) ? doc.value : undefined;
    if (value !== undefined && isCloudAuditLogEntry(value)) {
      const event = auditEventOfEntry(value);
      yield E.isRight(event) ? { line: doc.line, value: event.right } : { line: doc.line, error: event.left };
      continue;
    }
    const payloads = value === undefined ? undefined : payloadsOf(value);
    if (payloads === undefined) yield doc;
    else for (const p of payloads) yield unwrapped(doc.line, p);
  }
}
