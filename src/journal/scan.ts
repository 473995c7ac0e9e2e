/** Streaming reads over LevelDB: pages of `nextv`, and index walks that fetch their records with `getMany`. */
import type { Level } from 'level';
import { JournalError } from './errors.js';
import { positionPart, recordKey, seqOfKey } from './keys.js';
import { readRecord, type JournalRecord } from './record.js';
import { storedEventType } from './stored-type.js';

/** The journal's store: utf8 string keys and values. */
export type Db = Level<string, string>;

/** How many entries one `nextv` call fetches: big enough to amortize the native call, small enough to stream. */
export const PAGE = 1000;
// classic-level stops a `nextv` page at 16 KiB by default (about 40 records): allow a page of 1 KiB records.
const PAGE_BYTES = PAGE * 1024;

interface Pager<T> {
  nextv(size: number): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * The pages of an iterator, closed however the consumer stops. The next page is already being read (on
 * LevelDB's thread) while the consumer works on the current one.
 */
async function* pages<T>(iterator: Pager<T>): AsyncGenerator<T[]> {
  let next = iterator.nextv(PAGE);
  try {
    for (;;) {
      const page = await next;
      if (page.length === 0) return;
      next = iterator.nextv(PAGE);
      yield page;
    }
  } finally {
    // A read still in flight must settle before the iterator may close.
    await next.catch(() => undefined);
    await iterator.close();
  }
}

export interface Range {
  readonly gt?: string;
  readonly gte?: string;
  readonly lt?: string;
  readonly lte?: string;
}

/** Pages of `[key, value]` entries in a key range. */
export const entryPages = (db: Db, range: Range): AsyncGenerator<Array<[string, string]>> =>
  pages(db.iterator({ ...range, highWaterMarkBytes: PAGE_BYTES }));

/** Record `key` read where record `prev + 1` should be: the record between is missing from the store. */
export const recordMissing = (key: string, prev: number): JournalError =>
  new JournalError('corrupt', `record ${key}: follows record ${prev}: record ${prev + 1} is missing`, key);

/**
 * The records `from` on, in sequence order, in pages (`entryPages` over `e!` keys): a record missing from the
 * sequence (deleted from the store) is damage, named where the sequence breaks, as `export` names it, where a read
 * went on without it and answered without a word (`podj events`, `check`).
 */
export async function* recordEntryPages(db: Db, from: number, range: Range): AsyncGenerator<Array<[string, string]>> {
  let next = from;
  for await (const entries of entryPages(db, range)) {
    for (const [key] of entries) {
      if (seqOfKey(key) !== next) throw recordMissing(key, next - 1);
      next++;
    }
    yield entries;
  }
}

/** Pages of keys in a key range. */
export const keyPages = (db: Db, range: Range): AsyncGenerator<string[]> => pages(db.keys({ ...range, highWaterMarkBytes: PAGE_BYTES }));

/** Whether a stored value is left unread. */
export type Skip = (value: string) => boolean;

/**
 * Leaves out the stored values whose event type is one of `types`, as `typeOf` reads it from the value's end
 * (`stored-type.ts`: a record's by default, or a pod index entry's); none without.
 */
export const skipping = (types: ReadonlySet<string> | undefined, typeOf: (value: string) => string | undefined = storedEventType): Skip | undefined => {
  if (types === undefined || types.size === 0) return undefined;
  return (value) => {
    const type = typeOf(value);
    return type !== undefined && types.has(type);
  };
};

/**
 * Fetches the records an index page names (but those `skip` leaves out); `index` names the index in the
 * error when one is missing.
 */
export const fetchRecords = async (db: Db, seqs: readonly number[], index: string, skip?: Skip): Promise<JournalRecord[]> => {
  const keys = seqs.map(recordKey);
  const values: ReadonlyArray<string | undefined> = await db.getMany(keys);
  const records: JournalRecord[] = [];
  values.forEach((value, i) => {
    const key = keys[i] ?? '';
    if (value === undefined) throw new JournalError('corrupt', `${index} index names ${key}, which is missing`);
    if (skip?.(value) !== true) records.push(readRecord(value, key));
  });
  return records;
};

/**
 * Walks an index range in key order and yields its records in pages. Entries beyond `headSeq` belong to a
 * bulk append that is not acknowledged yet and are skipped; `keep` filters records (record time, for one),
 * `skip` stored values left unread.
 */
export async function* walkIndex(
  db: Db,
  range: Range,
  index: string,
  headSeq: number,
  keep: (r: JournalRecord) => boolean,
  skip?: Skip,
): AsyncGenerator<JournalRecord[]> {
  for await (const keys of keyPages(db, range)) {
    const seqs = keys.map(seqOfKey).filter((seq) => seq <= headSeq);
    const records = (await fetchRecords(db, seqs, index, skip)).filter(keep);
    if (records.length > 0) yield records;
  }
}

type Entry = [string, string];

/**
 * The entries of two key ranges whose keys end in a position (`<at>!<seq>`, `keys.ts`), merged in position
 * order, in pages: a pod's other events and its observations, read together. Both ranges are read as they
 * are consumed, and both iterators are closed however the consumer stops.
 */
export async function* mergedEntryPages(db: Db, first: Range, second: Range): AsyncGenerator<Entry[]> {
  const sources = [entryPages(db, first), entryPages(db, second)] as const;
  try {
    const heads: Array<{ page: Entry[]; at: number } | undefined> = await Promise.all(sources.map(nextPage));
    for (;;) {
      const [a, b] = heads;
      if (a === undefined || b === undefined) break;
      const out: Entry[] = [];
      for (;;) {
        const [x, y] = [a.page[a.at], b.page[b.at]];
        if (x === undefined || y === undefined) break;
        if (positionPart(x[0]) <= positionPart(y[0])) {
          out.push(x);
          a.at++;
        } else {
          out.push(y);
          b.at++;
        }
      }
      if (out.length > 0) yield out;
      for (const i of [0, 1] as const) if (heads[i]?.at === heads[i]?.page.length) heads[i] = await nextPage(sources[i]);
    }
    // One range is done: the other's rest follows as it is.
    for (const i of [0, 1] as const) {
      const rest = heads[i];
      if (rest === undefined) continue;
      if (rest.at < rest.page.length) yield rest.page.slice(rest.at);
      yield* sources[i];
    }
  } finally {
    await Promise.all(sources.map((s) => s.return(undefined)));
  }
}

const nextPage = async (source: AsyncGenerator<Entry[]>): Promise<{ page: Entry[]; at: number } | undefined> => {
  const next = await source.next();
  return next.done === true ? undefined : { page: next.value, at: 0 };
};
