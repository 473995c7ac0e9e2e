/**
 * The journal's key space. Keys are ASCII strings whose byte order is the order each index promises:
 * sequence numbers are zero-padded and instants are fixed-width, so string order is numeric and time order.
 */
import type { Instant } from '../k8s/codecs.js';

/** A place in valid-time order: the event's instant, ties broken by sequence number. */
export interface Position {
  readonly at: Instant;
  readonly seq: number;
}

/** The width of a key's sequence number part. */
export const SEQ_PART_WIDTH = 16;
const INSTANT_WIDTH = 24; // 2026-01-02T03:04:05.678Z

export const seqPart = (seq: number): string => String(seq).padStart(SEQ_PART_WIDTH, '0');

// Every prefix ends in '!', and '"' is the next byte: `[prefix, upper(prefix))` is exactly its keys.
export const upper = (prefix: string): string => `${prefix.slice(0, -1)}"`;

export const RECORDS = 'e!';
export const TIME = 't!';
export const PODS = 'p!';
/** A pod's observations (`src/events/observations.ts`): the pod index's second range (format 9). */
export const OBSERVATIONS = 'o!';
export const DIGESTS = 'd!';
export const SNAPSHOTS = 's!';
export const META_FORMAT = 'm!format';
export const META_HEAD = 'm!head';
/** Present while a bulk append has chunks written and no commit yet: its records lie beyond the head. */
export const META_STAGING = 'm!staging';
/**
 * The first and last sequence numbers of the last durable append of several events, which podj before the
 * one-walk check (`compiled-encoder.ts :: checkedCanonicalEvent`) wrote with its records while it checked
 * them: an open after such a podj crashed takes back the whole append when one of its events is refused
 * (`recover.ts`), never its first events alone. No append writes it now (tests write it as that podj did).
 */
export const META_UNCHECKED = 'm!unchecked';
export const uncheckedMark = (first: number, last: number): string => `${first}-${last}`;
/** The span an unchecked mark names, or undefined for any other text. */
export const parseUncheckedMark = (text: string | undefined): { readonly first: number; readonly last: number } | undefined => {
  const match = text === undefined ? null : /^(\d+)-(\d+)$/.exec(text);
  return match === null ? undefined : { first: Number(match[1]), last: Number(match[2]) };
};

export const recordKey = (seq: number): string => `${RECORDS}${seqPart(seq)}`;
export const timeKey = (p: Position): string => `${TIME}${p.at}!${seqPart(p.seq)}`;
/**
 * A dedup entry is keyed by the event's instant, then its digest: an event's digest covers its `at`, so a
 * lookup knows the instant, and appends in time order write these keys nearly in order. Random digests alone
 * made LevelDB merge them through every level (format 7: at L −28 % of LevelDB's CPU for the bulk load).
 */
export const digestKey = (at: Instant, digest: string): string => `${DIGESTS}${at}!${digest}`;
export const snapshotKey = (p: Position): string => `${SNAPSHOTS}${p.at}!${seqPart(p.seq)}`;

// The pod index is keyed by `namespace/name`, what users ask by: it holds every incarnation of a name.
// Names come from imports too: escape '!' (the separator) and '%' (the escape) so prefixes stay unambiguous.
const escapeSegment = (s: string): string => (/[!%]/.test(s) ? s.replace(/%/g, '%25').replace(/!/g, '%21') : s);
// A pod's observations have a range of their own (`o!`, format 9), the rest of its events `p!`: a read that
// leaves the observations out (a fold of the pod) reads `p!` alone, and one that wants them merges the two.
export const podPrefix = (pod: string, observed: boolean): string => `${observed ? OBSERVATIONS : PODS}${escapeSegment(pod)}!`;
export const podKey = (pod: string, observed: boolean, p: Position): string => `${podPrefix(pod, observed)}${p.at}!${seqPart(p.seq)}`;

/** The prefix of an index followed by an instant: every key of that index at that instant sorts below it. */
export const afterInstant = (prefix: string, at: Instant): string => `${prefix}${at}"`;

/** The `<at>!<seq>` end of a time, pod or snapshot key: keys of one prefix sort as these do. */
export const positionPart = (key: string): string => key.slice(-(INSTANT_WIDTH + 1 + SEQ_PART_WIDTH));

/** The sequence number at the end of a record, time, pod or snapshot key. */
export const seqOfKey = (key: string): number => Number(key.slice(-SEQ_PART_WIDTH));

/** The position at the end of a time, pod or snapshot key (`…!<at>!<seq>`). */
export const positionOfKey = (key: string): Position => {
  const end = key.length - SEQ_PART_WIDTH - 1;
  return { at: key.slice(end - INSTANT_WIDTH, end) as Instant, seq: seqOfKey(key) };
};
