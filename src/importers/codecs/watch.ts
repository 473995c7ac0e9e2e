/** The shapes pods arrive in outside audit logs: watch events (`{type, object}`) and lists (`PodList`, `List`). */
import * as t from 'io-ts';

/** One line of a `?watch=1` stream or of `kubectl get -w -o json --output-watch-events`. */
export const WatchEvent = t.type(
  {
    type: t.keyof({ ADDED: null, MODIFIED: null, DELETED: null, BOOKMARK: null, ERROR: null }, 'WatchEventType'),
    object: t.UnknownRecord,
  },
  'WatchEvent',
);
export type WatchEvent = t.TypeOf<typeof WatchEvent>;

/** `kubectl get pods -o json` (a PodList) or `-o json` over several kinds (a List). */
export const ObjectList = t.type(
  { kind: t.keyof({ PodList: null, List: null, EventList: null }, 'ListKind'), items: t.array(t.unknown) },
  'List',
);
export type ObjectList = t.TypeOf<typeof ObjectList>;
