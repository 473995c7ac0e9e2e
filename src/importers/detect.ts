/** Which kind of file this is, told from its first document (never from the file's name). */
import { isAuditLine, isAuditVersion } from './codecs/audit.js';
import { isRecord } from './build.js';

export type Format =
  /** audit.k8s.io/v1 or v1beta1 Events, one per line, or an EventList */
  | 'audit'
  /** pod watch events (`{type, object}`) or bare Pod objects, one per document */
  | 'watch'
  /** a PodList (or a List of Pods): a snapshot at one instant */
  | 'pod-list'
  /** core/v1 Events: single, EventList, or a watch stream of them */
  | 'core-events'
  /** events.k8s.io/v1 Events: single, EventList, or a watch stream of them */
  | 'events-v1'
  /** a podjournal export (first line `{"podjournal":{...}}`): restored by the journal, not converted here */
  | 'podjournal-export';

const isPod = (u: Record<string, unknown>): boolean =>
  u['kind'] === 'Pod' || (u['kind'] === undefined && isRecord(u['spec']) && Array.isArray(u['spec']['containers']));

/** Fields only a Kubernetes Event has: a gatherer may keep no more than these (no kind, no involvedObject). */
const EVENT_TIMES = ['firstTimestamp', 'lastTimestamp', 'eventTime', 'series'];
const isKubeEvent = (u: Record<string, unknown>): boolean =>
  u['kind'] === 'Event' || 'involvedObject' in u || (typeof u['reason'] === 'string' && EVENT_TIMES.some((k) => k in u));

/** The format of one object (an Event, a Pod, an audit line), ignoring list and watch wrappers. */
const formatOfObject = (u: Record<string, unknown>): Format | undefined => {
  if (isAuditLine(u)) return 'audit';
  if (u['apiVersion'] === 'events.k8s.io/v1' || 'regarding' in u) return 'events-v1';
  if (isKubeEvent(u)) return 'core-events';
  if (isPod(u)) return 'watch';
  return undefined;
};

/** A list's items; Go encodes a nil slice as `null` (a kubelet's `/pods` before it runs any pod: `"items": null`). */
const itemsOf = (doc: Record<string, unknown>): unknown[] | undefined =>
  Array.isArray(doc['items']) ? doc['items'] : doc['items'] === null && typeof doc['kind'] === 'string' && doc['kind'].endsWith('List') ? [] : undefined;

export const detectFormat = (doc: unknown): Format | undefined => {
  if (!isRecord(doc)) return undefined;
  if (isRecord(doc['podjournal'])) return 'podjournal-export';
  const items = itemsOf(doc);
  if (items !== undefined) {
    if (isAuditVersion(doc['apiVersion'])) return 'audit';
    if (doc['kind'] === 'PodList') return 'pod-list';
    if (doc['apiVersion'] === 'events.k8s.io/v1') return 'events-v1';
    if (doc['kind'] === 'EventList') return 'core-events';
    const first: unknown = items[0];
    // A list of nothing: `kubectl get pods -o json` that finds no pod prints `kind: List` with `items: []`
    // (as podj does), a snapshot of no pods; it imports nothing, and is not refused.
    if (first === undefined) return 'pod-list';
    if (!isRecord(first)) return undefined;
    const inner = formatOfObject(first);
    return inner === 'watch' ? 'pod-list' : inner;
  }
  if (typeof doc['type'] === 'string' && isRecord(doc['object'])) return formatOfObject(doc['object']);
  return formatOfObject(doc);
};
