/**
 * Verification: walks every record in sequence order and checks that it parses and decodes, continues the
 * sequence, links to its predecessor's hash, hashes to its stored hash in canonical form, and is indexed;
 * then that the head and the indexes hold nothing else. Names the first bad sequence number.
 */
import * as E from 'fp-ts/lib/Either.js';
import { isObservation, podKeyOf, type Event } from '../events/index.js';
import { canonical } from './canonical.js';
import { linkAfter } from './chain-link.js';
import { EMPTY_HEAD, advance, parseHead, type Head } from './head.js';
import { DIGESTS, OBSERVATIONS, PODS, RECORDS, TIME, META_HEAD, digestKey, podKey, seqOfKey, timeKey, upper } from './keys.js';
import { dedupDigest } from './derived-keys.js';
import { entryPages, fetchRecords, keyPages, type Db } from './scan.js';

export type VerifyResult =
  | { readonly ok: true; readonly count: number; readonly headHash: string }
  | { readonly ok: false; readonly seq: number; readonly reason: string };

interface Fault {
  readonly seq: number;
  readonly reason: string;
}

/** The index keys one record must have (its pod entry holds its time and event; its dedup entry names a record with its event). */
interface Expected {
  readonly seq: number;
  /** What its pod index entry must hold. */
  readonly podValue: string;
  readonly time: string;
  readonly pod: string | undefined;
  /** Its dedup entry's key: only an event without a pod has one (format 8). */
  readonly digest: string | undefined;
}

interface Walk {
  /**
   * Whether records have time index entries: only a journal that is not time-ordered has them. Taken
   * from the stored head (a head that does not match the records is a fault of its own), or, without a
   * readable head, from whether the index holds anything.
   */
  readonly timeIndexed: boolean;
  tip: Head;
  /** Pod index entries found, in `p!` and in the observations' `o!` (format 9). */
  podEntries: number;
  observationEntries: number;
  /** Digest entries that name the record they were checked against. */
  digestOwners: number;
}

export const verifyStore = async (db: Db): Promise<VerifyResult> => {
  const walk: Walk = { timeIndexed: await timeIndexed(db), tip: EMPTY_HEAD, podEntries: 0, observationEntries: 0, digestOwners: 0 };
  for await (const entries of entryPages(db, { gte: RECORDS, lt: upper(RECORDS) })) {
    const expected: Expected[] = [];
    let recordFault: Fault | undefined;
    for (const [key, value] of entries) {
      const checked = checkRecord(walk, seqOfKey(key), value);
      if ('reason' in checked) {
        recordFault = checked;
        break;
      }
      expected.push(checked);
    }
    // An index fault at an earlier record comes before the record fault that stopped this page.
    const indexFault = await checkIndexes(db, walk, expected);
    const fault = indexFault ?? recordFault;
    if (fault !== undefined) return { ok: false, ...fault };
  }
  const fault = (await checkHead(db, walk.tip)) ?? (await checkStrays(db, walk));
  return fault === undefined ? { ok: true, count: walk.tip.seq, headHash: walk.tip.hash } : { ok: false, ...fault };
};

const checkRecord = (walk: Walk, keySeq: number, value: string): Expected | Fault => {
  const link = linkAfter(walk.tip, keySeq, value);
  if ('reason' in link) return link;
  walk.tip = advance(walk.tip, link.event.at, link.hash);
  return { seq: link.seq, podValue: link.podValue, ...indexKeysOf(link.event, link.seq, link.eventJson) };
};

const timeIndexed = async (db: Db): Promise<boolean> => {
  const text = await db.get(META_HEAD);
  const head = text === undefined ? undefined : parseHead(text);
  if (head !== undefined && E.isRight(head)) return !head.right.ordered;
  return (await db.keys({ gte: TIME, lt: upper(TIME), limit: 1 }).all()).length > 0;
};

const checkIndexes = async (db: Db, walk: Walk, expected: readonly Expected[]): Promise<Fault | undefined> => {
  const keys = expected.flatMap((x) => [...(walk.timeIndexed ? [x.time] : []), ...(x.pod === undefined ? [] : [x.pod]), ...(x.digest === undefined ? [] : [x.digest])]);
  const values: ReadonlyArray<string | undefined> = await db.getMany(keys);
  let i = 0;
  for (const x of expected) {
    if (walk.timeIndexed && values[i++] === undefined) return { seq: x.seq, reason: `time index entry ${x.time} is missing` };
    if (x.pod !== undefined) {
      if (x.pod.startsWith(OBSERVATIONS)) walk.observationEntries++;
      else walk.podEntries++;
      const copy = values[i++];
      if (copy === undefined) return { seq: x.seq, reason: `pod index entry ${x.pod} is missing` };
      if (copy !== x.podValue) return { seq: x.seq, reason: `pod index entry ${x.pod} does not hold the record` };
    }
    if (x.digest === undefined) continue;
    const owner = values[i++];
    if (owner === undefined) return { seq: x.seq, reason: `dedup index entry ${x.digest} is missing` };
    // An entry names one record holding its event (the first, or the latest written without a lookup):
    // counted where it names this record, so an entry naming a record without its event is left over
    // for the stray check below.
    if (Number(owner) === x.seq) walk.digestOwners++;
  }
  return undefined;
};

const checkHead = async (db: Db, tip: Head): Promise<Fault | undefined> => {
  const text = await db.get(META_HEAD);
  const head = text === undefined ? E.left('is missing') : parseHead(text);
  if (E.isLeft(head)) return { seq: tip.seq + 1, reason: `head ${head.left}` };
  const h = head.right;
  if (h.seq > tip.seq) return { seq: tip.seq + 1, reason: `record ${tip.seq + 1} is missing (the head is ${h.seq})` };
  if (h.seq < tip.seq) return { seq: h.seq + 1, reason: `record ${h.seq + 1} lies beyond the head (${h.seq})` };
  for (const field of ['hash', 'minAt', 'maxAt', 'ordered'] as const) {
    if (h[field] !== tip[field]) return { seq: h.seq, reason: `head ${field} ${JSON.stringify(h[field])} does not match the records (${JSON.stringify(tip[field])})` };
  }
  return undefined;
};

/**
 * Every record's entries were found, and keys are unique, so an index with more entries than expected holds
 * a stray: find it and name the record it claims.
 */
const checkStrays = async (db: Db, walk: Walk): Promise<Fault | undefined> =>
  (walk.timeIndexed ? await strayIn(db, TIME, walk.tip.seq, walk.tip.seq) : await anyTimeEntry(db)) ??
  (await strayIn(db, PODS, walk.podEntries, walk.tip.seq)) ??
  (await strayIn(db, OBSERVATIONS, walk.observationEntries, walk.tip.seq)) ??
  (await strayIn(db, DIGESTS, walk.digestOwners, walk.tip.seq));

/** A time-ordered journal keeps no time index: any entry is a stray. */
const anyTimeEntry = async (db: Db): Promise<Fault | undefined> => {
  const [key] = await db.keys({ gte: TIME, lt: upper(TIME), limit: 1 }).all();
  return key === undefined ? undefined : { seq: seqOfKey(key), reason: `time index entry ${key} in a time-ordered journal, which keeps none` };
};

const strayIn = async (db: Db, prefix: string, expected: number, headSeq: number): Promise<Fault | undefined> => {
  let count = 0;
  for await (const keys of keyPages(db, { gte: prefix, lt: upper(prefix) })) count += keys.length;
  if (count === expected) return undefined;
  for await (const page of entryPages(db, { gte: prefix, lt: upper(prefix) })) {
    // Time and pod keys end in the seq they index; digest entries hold it as their value.
    const named = page.map(([key, value]) => ({ key, seq: prefix === DIGESTS ? Number(value) : seqOfKey(key) }));
    const inChain = named.filter(({ seq }) => seq >= 1 && seq <= headSeq).map(({ seq }) => seq);
    const records = new Map((await fetchRecords(db, inChain, prefix)).map((r) => [r.seq, r]));
    for (const { key, seq } of named) {
      const record = records.get(seq);
      const rightful = record === undefined ? undefined : indexKeysOf(record.event, seq, canonical(record.event));
      if (rightful === undefined || ![rightful.time, rightful.pod, rightful.digest].includes(key)) {
        return { seq, reason: `index entry ${key} names record ${seq}, which it does not index` };
      }
    }
  }
  return { seq: headSeq, reason: `index ${prefix} holds ${count} entries, ${expected} expected` };
};

/** The time, pod and dedup index keys of the record `seq` holding `event` (canonical JSON `eventJson`). */
const indexKeysOf = (event: Event, seq: number, eventJson: string): Omit<Expected, 'seq' | 'podValue'> => {
  const position = { at: event.at, seq };
  const pod = podKeyOf(event);
  const digest = dedupDigest({ pod, json: eventJson });
  return { time: timeKey(position), pod: pod === undefined ? undefined : podKey(pod, isObservation(event), position), digest: digest === undefined ? undefined : digestKey(event.at, digest) };
};
