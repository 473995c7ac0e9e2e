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

const sighting = (tracker: PodTracker, u: unknown, prefix: string, origin: 'watch' | 'snapshot', removed = false) =>
  pipe(
    decodeAt(V1Pod, prefix)(u),
    E.chain((pod) => pipe(observePod(tracker, { pod, origin, removed }), E.mapLeft((why) => (prefix === '' ? why : `${prefix}.${why}`)))),
    E.map((events) => converted(events)),
  );

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
          E.map(concatConverted),
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
