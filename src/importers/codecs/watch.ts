/** The shapes pods arrive in outside audit logs: watch events (`{type, object}`) and lists (`PodList`, `List`). */
import * as t from 'io-ts';
import { struct } from '../../k8s/codecs.js';

/** One line of a `?watch=1` stream or of `kubectl get -w -o json --output-watch-events`. */
export const WatchEvent = t.type(
  {
    type: t.keyof({ ADDED: null, MODIFIED: null, DELETED: null, BOOKMARK: null, ERROR: null }, 'WatchEventType'),
    object: t.UnknownRecord,
  },
  'WatchEvent',
);
export type WatchEvent = t.TypeOf<typeof WatchEvent>;

/**
 * A list's items. Go encodes a nil slice as `null`: a kubelet's `/pods` before it runs any pod serves
 * `"items": null` (datadog-agent's `podlist_startup.json`), a list of nothing.
 */
const Items = new t.Type<unknown[], unknown[] | null, unknown>(
  'Items',
  (u): u is unknown[] => Array.isArray(u),
  (u, c) => (u === null ? t.success([]) : t.array(t.unknown).validate(u, c)),
  (items) => items,
);

/**
 * `kubectl get pods -o json` (a PodList), `-o json` over several kinds (a List), an EventList; or bare
 * `{"items": [...]}` as some gatherers write it: `kind` is checked only when given.
 */
export const ObjectList = struct('List', { items: Items }, { kind: t.keyof({ PodList: null, List: null, EventList: null }, 'ListKind') });
export type ObjectList = t.TypeOf<typeof ObjectList>;
