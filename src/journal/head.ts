/** The journal's head: the last record's sequence and hash, the span of valid times, and whether it is time-ordered. */
import * as t from 'io-ts';
import { Instant } from '../k8s/codecs.js';
import * as E from 'fp-ts/lib/Either.js';
import { decodeJson } from './decode-json.js';
import { GENESIS_HASH, Sha256 } from './record.js';

export const Head = t.type(
  {
    /** The last acknowledged record; 0 in an empty journal. Records are numbered 1, 2, … so this is also the count. */
    seq: t.number,
    hash: Sha256,
    /** The earliest and latest valid time (`at`) of any record, null while the journal is empty. */
    minAt: t.union([Instant, t.null]),
    maxAt: t.union([Instant, t.null]),
    /** Every record so far arrived in valid-time order: sequence order is (at, seq) order. */
    ordered: t.boolean,
  },
  'Head',
);
export type Head = t.TypeOf<typeof Head>;

export const EMPTY_HEAD: Head = { seq: 0, hash: GENESIS_HASH, minAt: null, maxAt: null, ordered: true };

export const encodeHead = (h: Head): string =>
  JSON.stringify({ seq: h.seq, hash: h.hash, minAt: h.minAt, maxAt: h.maxAt, ordered: h.ordered });

/** The head after one more record at `at` with hash `hash`. */
export const advance = (h: Head, at: Instant, hash: Sha256): Head => ({
  seq: h.seq + 1,
  hash,
  minAt: h.minAt === null || at < h.minAt ? at : h.minAt,
  maxAt: h.maxAt === null || at > h.maxAt ? at : h.maxAt,
  ordered: h.ordered && (h.maxAt === null || at >= h.maxAt),
});

export const parseHead = (text: string): E.Either<string, Head> => decodeJson(Head, text);
