/**
 * Pods from watch streams (`{type, object}` per document, or bare Pod objects) and from lists (a PodList is
 * a snapshot of one instant): each sighting diffed against the pod's previous one.
 */
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { V1Pod } from '../k8s/pod.js';
import { ObjectList, WatchEvent } from './codecs/watch.js';
import { isRecord } from './build.js';
import { decodeAt } from './decode.js';
import { type Converted, converted, concatConverted, ignoredOnly } from './imported.js';
import { observePod, type PodTracker } from './pod-tracker.js';
import { listedByKubelet } from '../k8s/static-pods.js';

const sighting = (tracker: PodTracker, u: unknown, prefix: string, origin: 'watch' | 'snapshot', removed = false) =>
  pipe(
    decodeAt(V1Pod, prefix)(u),
    E.chain((pod) => pipe(observePod(tracker, { pod, origin, removed }), E.mapLeft((why) => (prefix === '' ? why : `${prefix}.${why}`)))),
    E.map((events) => converted(events)),
  );

/** An undecoded list item's annotations, if it has any. */
const annotationsOf = (item: unknown): Record<string, unknown> | undefined => {
  const metadata = isRecord(item) ? item['metadata'] : undefined;
  const annotations = isRecord(metadata) ? metadata['annotations'] : undefined;
  return isRecord(annotations) ? annotations : undefined;
};

/**
 * A list's captures marked as the items of one complete list (`PodObserved.listed`), unless a kubelet served it (its
 * `/pods` holds its node's pods only).
 */
const listed = (c: Converted, items: readonly unknown[]): Converted => {
  if (items.some((item) => listedByKubelet(annotationsOf(item)))) return c;
  return { ...c, events: c.events.map((i) => (i.event.type === 'PodObserved' ? { ...i, event: { ...i.event, listed: true } } : i)) };
};

/** One document of a watch stream or pod snapshot file. */
export const convertPodDocument = (tracker: PodTracker, doc: unknown): E.Either<string, Converted> => {
  if (isRecord(doc) && 'items' in doc) {
    return pipe(
      decodeAt(ObjectList)(doc),
      E.chain((list) =>
        pipe(
          list.items.map((item, i) =>
            isRecord(item) && item['kind'] !== undefined && item['kind'] !== 'Pod'
              ? E.right(ignoredOnly(`${String(item['kind'])} objects`))
              : sighting(tracker, item, `items[${i}]`, 'snapshot'),
          ),
          E.sequenceArray,
          E.map((parts) => listed(concatConverted(parts), list.items)),
        ),
      ),
    );
  }
  if (isRecord(doc) && 'object' in doc && 'type' in doc) {
    return pipe(
      decodeAt(WatchEvent)(doc),
      E.chain((w) => {
        switch (w.type) {
          case 'BOOKMARK':
            return E.right(ignoredOnly('watch bookmarks'));
          case 'ERROR':
            return E.left(`watch error: ${String(w.object['message'] ?? 'no message')}`);
          case 'ADDED':
          case 'MODIFIED':
          case 'DELETED':
            if (w.object['kind'] !== undefined && w.object['kind'] !== 'Pod') return E.right(ignoredOnly(`${String(w.object['kind'])} objects`));
            return sighting(tracker, w.object, 'object', 'watch', w.type === 'DELETED');
        }
      }),
    );
  }
  return sighting(tracker, doc, '', 'watch');
};
