import { Instant } from '../k8s/codecs.js';
import { JournalError } from './errors.js';

/**
 * The instant an append records: the one given, or the journal's clock. Checked before anything is staged:
 * a record's `recordedAt` is read back through the `Instant` codec, so one written in another form (no
 * milliseconds, an offset) would leave a journal that no longer reads.
 */
export const recordTime = (given: Instant | undefined, clock: () => Instant): Instant => {
  const at: unknown = given ?? clock();
  if (Instant.is(at)) return at;
  throw new JournalError('invalid-argument', `recordedAt: ${JSON.stringify(at)} is not an instant in the form 2026-01-02T03:04:05.678Z (UTC, milliseconds)`);
};
