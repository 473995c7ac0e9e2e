/**
 * The `get pods` rows of a snapshot (as lines, `row-line.ts`: the cells before the clock is read), kept beside
 * its pod parts: a row part holds the uid and row of some pods, where each pod's line is (which pod part, byte
 * offset, length, SHA-256 cut to 128 bits), and the uids removed since the row parts before. Row parts apply in
 * order as pod parts do, but are written afresh on their own (when they hold more than 1.5 times the live rows)
 * while the pod parts stay. Reading the row parts gives the table at the snapshot without reading a pod, and a
 * question after the snapshot reads, checks and decodes only the lines of the pods its events touch (and each
 * such part's first line, its specs, whose place the snapshot's index holds).
 *
 * A row part is lines of tab-separated fields: first the uids removed; then one line per pod: uid, pod part,
 * offset, length, digest, and its row line. Reading one finds each line's uid in the part's bytes and decodes
 * only what it keeps: nothing for a pod a later part replaced, and a place only for the pods a read wants. The
 * row parts written afresh together (the snapshot's base, `SnapshotIndex.baseRows`) hold each live pod once
 * and remove none: a read applying them keeps no uid of theirs, only their rows. The base holds its entries in
 * kubectl's order (their rows' order, `sortRows`'s for plain keys), so that a read's sort meets them as one long
 * run, and its parts' first lines hold in place of removals each entry's rank in the fold's order, which
 * `loadSnapshot` restores.
 */
import { hash } from 'node:crypto';
import { podTableRow } from '../printers/pod-table-row.js';
import { cellText, isRowLine, rowLine, storedCell, type RowLine } from '../printers/row-line.js';
import { podOf, restsOnInferred, type PodState } from '../reducers/index.js';

/** A line of a pod part: byte offset, byte length, digest of its bytes (`digestOf`). */
export type LineRange = readonly [offset: number, length: number, sha256: string];

/** Where a pod's line is: the index of its pod part, and the line's range in it. */
export interface Place {
  readonly part: number;
  readonly range: LineRange;
}

/** A pod a read wants: its row, and where its line is. */
export interface Wanted {
  readonly row: RowLine;
  readonly place: Place;
}

/** A snapshot's rows: of the live pods a read does not want (`Wants`), in no particular order; of those it wants, by uid with their places. */
export interface SnapshotRows {
  readonly rows: RowLine[];
  readonly wanted: Map<string, Wanted>;
}

/** What the row parts applied so far (the newest first) hide of the parts before them: the uids they placed, and the uids they removed. */
export interface Hidden {
  readonly placed: Set<string>;
  readonly gone: Set<string>;
}

/** Whether a read needs the state of the live pod of this uid and row. */
export type Wants = (uid: string, row: RowLine) => boolean;

/**
 * SHA-256 of a pod's line cut to 128 bits (32 hex digits): still beyond forging, and 32 bytes less in every row.
 * One-shot `hash`, not a `Hash` object per line: the upkeep digests every pod line it writes (millions at tier L).
 */
export const digestOf = (text: string): string => hash('sha256', text, 'hex').slice(0, 32);

/** Where each of a part's lines (joined by newlines) is. */
export const lineRanges = (lines: readonly string[]): LineRange[] => {
  let offset = 0;
  return lines.map((line): LineRange => {
    const length = Buffer.byteLength(line);
    const range = [offset, length, digestOf(line)] as const;
    offset += length + 1;
    return range;
  });
};

/**
 * The pod's row, without keeping its v1 Pod built on the state. Not kept on the state either: at tier L the rows of
 * every live state held ≈ 30 MiB through the upkeep; a snapshot computes each changed pod's row once and reads the
 * others' back from its row parts (`applyRowPartOver`).
 */
export const rowOf = (p: PodState): RowLine => rowLine(podTableRow(podOf(p), restsOnInferred(p)));

/** Fields of a place as a row part stores them (`part\toffset\tlength\tdigest`). */
const PLACE_FIELDS = 4;

/** A place as a row part stores it: kept as this text by the writer, for the rows it writes again. */
export const placeText = (part: number, [offset, length, digest]: LineRange): string => `${part}\t${offset}\t${length}\t${digest}`;

/** A stored place back from its text; undefined when it is not one. */
export const placeFrom = (text: string): Place | undefined => {
  const [part, offset, length, digest = ''] = text.split('\t');
  const place = { part: Number(part), range: [Number(offset), Number(length), digest] as const };
  const numbers = [place.part, place.range[0], place.range[1]];
  return numbers.every((n) => Number.isSafeInteger(n) && n >= 0) && /^[0-9a-f]{32}$/.test(digest) ? place : undefined;
};

/** A pod in a row part: its uid, where its line is (`placeText`), its row. */
export interface RowEntry {
  readonly uid: string;
  readonly place: string;
  readonly row: string;
}

/** A row part: the uids removed since the parts before, then a line per pod. */
export const encodeRowPart = (entries: readonly RowEntry[], removed: readonly string[]): string =>
  [removed.map(storedCell).join('\t'), ...entries.map((e) => `${storedCell(e.uid)}\t${e.place}\t${e.row}`)].join('\n');

/** A part of the base: the ranks of its entries in the fold's order, then a line per pod. */
export const encodeBaseRowPart = (entries: readonly RowEntry[], ranks: readonly number[]): string => encodeRowPart(entries, ranks.map(String));

/**
 * The entries of a base in kubectl's order (`<` on their rows: `sortRows`'s order for plain keys), each with its
 * rank in the order given (the fold's).
 */
export const inRowOrder = (entries: readonly RowEntry[]): { readonly entries: RowEntry[]; readonly ranks: number[] } => {
  const ranked = entries.map((entry, rank) => ({ entry, rank }));
  ranked.sort((a, b) => (a.entry.row < b.entry.row ? -1 : a.entry.row > b.entry.row ? 1 : 0));
  return { entries: ranked.map((r) => r.entry), ranks: ranked.map((r) => r.rank) };
};

const TAB = 0x09;
const NEWLINE = 0x0a;

/** The index of the `n`-th tab after index `from`; -1 when there are fewer. */
const tabAfter = (bytes: Buffer, from: number, n: number): number => {
  let at = from;
  for (let i = 0; i < n && at >= 0; i++) at = bytes.indexOf(TAB, at + 1);
  return at;
};

/** The index of the newline that ends the line starting at `from`; the length for the last line. */
const lineEnd = (bytes: Buffer, from: number): number => {
  const at = bytes.indexOf(NEWLINE, from);
  return at < 0 ? bytes.length : at;
};

/**
 * A row part's entries, each as its uid, the index where its place starts and the index ending its line; false
 * on a malformed one. Lines and fields are found in the bytes (UTF-8: a tab or newline byte is never part of
 * another character), so that only what a reader keeps is decoded.
 */
const eachEntry = (bytes: Buffer, use: (uid: string, place: number, end: number) => void): boolean => {
  for (let start = lineEnd(bytes, 0) + 1; start < bytes.length; ) {
    const end = lineEnd(bytes, start);
    const uidEnd = bytes.indexOf(TAB, start);
    if (uidEnd < 0 || uidEnd > end) return false;
    use(cellText(bytes.toString('utf8', start, uidEnd)), uidEnd + 1, end);
    start = end + 1;
  }
  return true;
};

/** The uids a row part's first line removes. */
const removedBy = (bytes: Buffer): string[] => {
  const first = bytes.toString('utf8', 0, lineEnd(bytes, 0));
  return first === '' ? [] : first.split('\t').map(cellText);
};

/**
 * Applies a row part (its bytes) under the rows of the parts after it, which are applied first: a pod one of them
 * placed or removed (`hidden`) is skipped unread, so only the rows that are live at the snapshot are kept, and
 * the places of those a read `wants`. A part of the snapshot's base (`base`) adds no uid to `hidden`: no part
 * before it holds its pods, and keeping a uid for each of its ≈ 87,000 rows at tier L was a third of the read.
 * False when it is not a row part this code wrote, or when a base part places a pod twice (the wanted show it:
 * `verify` wants them all). Nothing kept refers to the bytes, which the caller may reuse.
 */
export const applyRowPartUnder = (into: SnapshotRows, hidden: Hidden, bytes: Buffer, wants: Wants, base: boolean): boolean => {
  // Each live row is decoded as a flat string of its own: rows sliced from one decoded text of the part were
  // slices of it, which V8 sorted about 3 times slower (87,000 rows at tier L: 180-400 ms against 70-100).
  const { rows, wanted } = into;
  const { placed, gone } = hidden;
  let wellFormed = true;
  const read = eachEntry(bytes, (uid, place, end) => {
    if (!wellFormed || placed.has(uid) || gone.has(uid)) return;
    if (!base) placed.add(uid);
    const placeEnd = tabAfter(bytes, place - 1, PLACE_FIELDS);
    const row = placeEnd < 0 || placeEnd > end ? '' : bytes.toString('utf8', placeEnd + 1, end);
    if (!isRowLine(row)) wellFormed = false;
    else if (wants(uid, row)) {
      const where = placeFrom(bytes.toString('utf8', place, placeEnd));
      if (where === undefined || wanted.has(uid)) wellFormed = false;
      else wanted.set(uid, { row, place: where });
    } else rows.push(row);
  });
  if (!read || !wellFormed) return false;
  // A part's removals apply to the parts before it (its own pods are not among them); a base part's first line holds ranks.
  if (!base) for (const uid of removedBy(bytes)) if (!placed.has(uid)) gone.add(uid);
  return true;
};

/**
 * Adds a base part's entries (its bytes) to `ranked` at their ranks in the fold's order, as the uid and the place
 * text. Returns how many entries it holds; undefined when it is not a base part this code wrote (a rank that is
 * not a number, taken twice, or a count of ranks other than the entries').
 */
export const addBasePart = (ranked: (readonly [string, string])[], bytes: Buffer): number | undefined => {
  const ranks = removedBy(bytes).map(Number);
  let entries = 0;
  let wellFormed = true;
  const read = eachEntry(bytes, (uid, place, end) => {
    const rank = ranks[entries++] ?? -1;
    const rowStart = tabAfter(bytes, place - 1, PLACE_FIELDS);
    if (rowStart < 0 || rowStart > end || !Number.isSafeInteger(rank) || rank < 0 || ranked[rank] !== undefined) wellFormed = false;
    else ranked[rank] = [uid, bytes.toString('utf8', place, rowStart)];
  });
  return read && wellFormed && entries === ranks.length ? entries : undefined;
};

/** What `applyRowPartOver` keeps of a part: each pod's row beside its place (`rows`), and whether it is a base part. */
export interface RowPartKeep {
  readonly rows?: boolean;
  readonly base?: boolean;
}

/**
 * Applies a row part (its bytes) over the entries of the parts before it, oldest first: each pod's place (with
 * `keep.rows`, its place and row: `place\trow`, as the part stores them), in the order the pods were first placed
 * (the fold's order), a later entry replacing an earlier one where it stood. A part of the base (`keep.base`) holds
 * ranks in its first line, not removals. Returns how many entries and removals the part holds; undefined when it
 * is not a row part this code wrote.
 */
export const applyRowPartOver = (places: Map<string, string>, bytes: Buffer, keep: RowPartKeep = {}): number | undefined => {
  const withRows = keep.rows === true;
  const removed = keep.base === true ? [] : removedBy(bytes);
  for (const uid of removed) places.delete(uid);
  let entries = removed.length;
  let wellFormed = true;
  const read = eachEntry(bytes, (uid, place, end) => {
    const placeEnd = tabAfter(bytes, place - 1, PLACE_FIELDS);
    if (placeEnd < 0 || placeEnd > end) wellFormed = false;
    else places.set(uid, bytes.toString('utf8', place, withRows ? end : placeEnd));
    entries++;
  });
  return read && wellFormed ? entries : undefined;
};

/** An entry `applyRowPartOver` kept with its row, as its place and its row; undefined when it holds no row. */
export const placeAndRow = (text: string): { readonly place: string; readonly row: string } | undefined => {
  let at = -1;
  for (let i = 0; i < PLACE_FIELDS; i++) {
    at = text.indexOf('\t', at + 1);
    if (at < 0) return undefined;
  }
  return { place: text.slice(0, at), row: text.slice(at + 1) };
};
