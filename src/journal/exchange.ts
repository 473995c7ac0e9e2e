/**
 * podjournal's own text format: a header line `{"podjournal":{"format":1,"records":N,"headHash":"…"}}`,
 * then one stored record per line, byte for byte. Importing checks every line's link and hash.
 */
import * as t from 'io-ts';
import * as E from 'fp-ts/lib/Either.js';
import { decodeEvent, isObservation, podKeyOf, type Event } from '../events/index.js';
import type { Instant } from '../k8s/codecs.js';
import { canonicalEvent } from './compiled-encoder.js';
import { NOT_JSON, decodeJson } from './decode-json.js';
import { JournalError } from './errors.js';
import type { Head } from './head.js';
import type { BulkResult, Stager } from './bulk.js';
import { recordKey } from './keys.js';
import { GENESIS_HASH, Sha256, parseEnvelope, readSealedRecord, recordText, seal } from './record.js';
import { entryPages, recordMissing, type Db } from './scan.js';
import { pendingOf, type Pending } from './pending.js';
import { recordTime } from './record-time.js';

export const EXPORT_FORMAT = 1;

const ExportHeader = t.type({
  podjournal: t.type({ format: t.literal(EXPORT_FORMAT), records: t.number, headHash: Sha256 }),
});

/**
 * The export of every record up to `head`: the header, then each record's text as it is stored (without its check),
 * once it is read as `import` will read it (`readSealedRecord`: its check, its key, its own SHA-256) and linked to
 * the one before. A damaged record ends the export before its line with the journal's error naming its key; what
 * was written stops short of the header's promise (records, head hash), so `import` refuses it rather than
 * restore a part.
 */
export async function* exportStore(db: Db, head: Head): AsyncGenerator<string> {
  yield JSON.stringify({ podjournal: { format: EXPORT_FORMAT, records: head.seq, headHash: head.hash } });
  if (head.seq === 0) return;
  let prev: Link = { seq: 0, hash: GENESIS_HASH };
  for await (const entries of entryPages(db, { gte: recordKey(1), lte: recordKey(head.seq) })) {
    for (const [key, value] of entries) {
      prev = linkedAfter(prev, readSealedRecord(value, key), key);
      yield recordText(value);
    }
  }
  if (prev.seq !== head.seq || prev.hash !== head.hash) {
    throw new JournalError('corrupt', `its records end at record ${prev.seq}, but its head is record ${head.seq} (${head.hash.slice(0, 12)}…)`);
  }
}

interface Link {
  readonly seq: number;
  readonly hash: string;
}

/** `record`'s link, if it follows `prev` in the chain: else the journal lost a record or one was sealed again. */
const linkedAfter = (prev: Link, record: Link & { readonly prevHash: string }, key: string): Link => {
  if (record.seq !== prev.seq + 1) throw recordMissing(key, prev.seq);
  if (record.prevHash !== prev.hash) throw new JournalError('corrupt', `record ${key}: its prevHash does not link to record ${prev.seq}`, key);
  return { seq: record.seq, hash: record.hash };
};

export interface ImportResult extends BulkResult {
  /**
   * `restore`: the journal was empty and now holds exactly the exported records (same hashes);
   * `merge`: the events the journal did not hold yet were appended after its head.
   */
  readonly mode: 'restore' | 'merge';
}

export interface ImportOptions {
  /** Record time of merged events; default the journal's clock. */
  readonly recordedAt?: Instant;
  readonly chunkSize?: number;
  readonly onProgress?: (read: number) => void;
}

/** What one import stages: podjournal exports (by name, for errors) and converted events. */
export type ImportSource =
  | { readonly kind: 'export'; readonly name: string; readonly lines: Iterable<string> | AsyncIterable<string> }
  | { readonly kind: 'events'; readonly events: Iterable<Event> | AsyncIterable<Event> };

export interface SourcesResult extends BulkResult {
  /** Per export, in order: how it went in and how many records it held. */
  readonly exports: ReadonlyArray<{ readonly name: string; readonly mode: ImportResult['mode']; readonly records: number }>;
}

/**
 * Imports an export. Into an empty journal it restores the same records; into a non-empty one it appends
 * the events not yet present, recorded now. The first bad line refuses the whole import (`line N: why`)
 * and nothing stays written.
 */
export const importExport = async (
  journal: Stager,
  lines: Iterable<string> | AsyncIterable<string>,
  opts: ImportOptions = {},
): Promise<ImportResult> => {
  const { exports, ...result } = await importSources(journal, [{ kind: 'export', name: '', lines }], opts);
  return { ...result, mode: exports[0]?.mode ?? 'restore' };
};

/**
 * Stages every source in one staged append, committed once: all of it or, when any line is refused (`name:
 * line N: why`), nothing; a crash before the commit leaves nothing either (the staged records are rolled back
 * on the next open). The first export restores into an empty journal; every later source merges, skipping
 * the events the journal (or an earlier source) holds already.
 */
export const importSources = async (journal: Stager, sources: readonly ImportSource[], opts: ImportOptions = {}): Promise<SourcesResult> => {
  const { recordedAt, ...bulk } = opts;
  const at = recordTime(recordedAt, () => journal.now());
  const exports: Array<SourcesResult['exports'][number]> = [];
  const result = await journal.stageAll((start) => {
    async function* staged(): AsyncGenerator<Pending> {
      let empty = start.seq === 0;
      for (const source of sources) {
        if (source.kind === 'events') {
          for await (const event of source.events) yield { ...pendingOf(event, at), dedup: true };
          empty = false;
          continue;
        }
        const mode = empty ? 'restore' : 'merge';
        let records = 0;
        try {
          for await (const pending of checkedLines(source.lines, mode, at)) {
            records++;
            yield pending;
          }
        } catch (e) {
          // Every import error reads `file:N: why`.
          throw e instanceof JournalError && source.name !== '' ? new JournalError(e.kind, `${source.name}:${e.message.replace(/^line (\d+): /, '$1: ')}`) : e;
        }
        exports.push({ name: source.name, mode, records });
        empty = empty && records === 0;
      }
    }
    return { source: staged(), dedup: false };
  }, bulk);
  return { ...result, exports };
};

const refuse = (line: number, why: string): JournalError => new JournalError('invalid-import', `line ${line}: ${why}`);

async function* checkedLines(
  lines: Iterable<string> | AsyncIterable<string>,
  mode: ImportResult['mode'],
  recordedAt: Instant,
): AsyncGenerator<Pending> {
  let lineNo = 0;
  let header: t.TypeOf<typeof ExportHeader>['podjournal'] | undefined;
  let prev = { seq: 0, hash: GENESIS_HASH };
  // A line that is not JSON, held until the next: the last line of an export whose writer was killed is cut short.
  let broken: { readonly line: number; readonly why: string } | undefined;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    if (broken !== undefined) throw refuse(broken.line, broken.why);
    if (header === undefined) {
      const decoded = decodeJson(ExportHeader, line);
      if (E.isLeft(decoded)) throw refuse(lineNo, `not a podjournal export header: ${decoded.left}`);
      header = decoded.right.podjournal;
      continue;
    }
    const envelope = parseEnvelope(line);
    if (E.isLeft(envelope) && envelope.left === NOT_JSON) {
      broken = { line: lineNo, why: envelope.left };
      continue;
    }
    if (E.isLeft(envelope)) throw refuse(lineNo, envelope.left);
    const r = envelope.right;
    if (r.seq !== prev.seq + 1) throw refuse(lineNo, `record ${r.seq} does not follow record ${prev.seq}`);
    if (r.prevHash !== prev.hash) throw refuse(lineNo, `prevHash does not link to record ${prev.seq}`);
    const event = decodeEvent(r.event);
    if (E.isLeft(event)) throw refuse(lineNo, `event: ${event.left}`);
    const json = canonicalEvent(r.event);
    if (seal(r.prevHash, r.seq, r.recordedAt, json).hash !== r.hash) throw refuse(lineNo, 'hash does not match the record');
    prev = { seq: r.seq, hash: r.hash };
    // A restore keeps each record as it was (stored event, record time) so the chain comes out the same.
    yield mode === 'restore'
      ? { json, at: event.right.at, pod: podKeyOf(event.right), observed: isObservation(event.right), recordedAt: r.recordedAt, dedup: false }
      : { ...pendingOf(event.right, recordedAt), dedup: true };
  }
  if (header === undefined) throw refuse(lineNo, 'no podjournal export header');
  const promised = `its header promises ${header.records} records ending in ${header.headHash.slice(0, 12)}…`;
  if (broken !== undefined) throw refuse(broken.line, `the export is cut short inside record ${prev.seq + 1} (its last line is not JSON), but ${promised}`);
  if (prev.seq !== header.records || prev.hash !== header.headHash) {
    throw refuse(lineNo, `the export ends after record ${prev.seq}, but ${promised}`);
  }
}
