/** A converter for one file of a given format: documents in, imported events out, state kept per file. */
import type * as E from 'fp-ts/lib/Either.js';
import { convertAuditDocument, newAuditState } from './audit.js';
import type { Format } from './detect.js';
import type { Converted } from './imported.js';
import { convertEventDocument } from './kube-events.js';
import { newPodTracker } from './pod-tracker.js';
import { convertPodDocument } from './watch.js';

export type ConvertDocument = (doc: unknown) => E.Either<string, Converted>;

/** Undefined for podjournal exports: the journal restores those itself. */
export const converterFor = (format: Format): ConvertDocument | undefined => {
  switch (format) {
    case 'audit': {
      const state = newAuditState(newPodTracker(), new Map());
      return (doc) => convertAuditDocument(state, doc);
    }
    case 'watch':
    case 'pod-list': {
      const tracker = newPodTracker();
      return (doc) => convertPodDocument(tracker, doc);
    }
    case 'core-events':
    case 'events-v1': {
      const tracker = new Map();
      return (doc) => convertEventDocument(tracker, doc);
    }
    case 'podjournal-export':
      return undefined;
    default: {
      const unhandled: never = format;
      return unhandled;
    }
  }
};
