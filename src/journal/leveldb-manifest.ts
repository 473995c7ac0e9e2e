/**
 * The table files a LevelDB MANIFEST names as live. A read snapshot links exactly these: a table the writer is
 * still writing (not yet in the MANIFEST) has a number the snapshot's own LevelDB may reuse for a file it
 * creates, and creating it through a link would truncate the writer's file.
 *
 * Formats (leveldb db/log_format.h, db/version_edit.cc): the MANIFEST is a log of 32 KiB blocks of records
 * (checksum u32, length u16, type u8: 1 FULL, 2 FIRST, 3 MIDDLE, 4 LAST); each record is a VersionEdit, a
 * sequence of varint tags and fields. The checksums are left to LevelDB's own open of the snapshot.
 */

const BLOCK = 32768;
const HEADER = 7;

/** One physical record of a LevelDB log: its header's fields and the bytes of it the file holds. */
export interface LogFragment {
  readonly offset: number;
  readonly checksum: number;
  readonly type: number;
  /** Past its block (a damaged length) or past the end of the file (a torn last write): the walk ends with it. */
  readonly overrun: boolean;
  readonly data: Buffer;
}

/** The physical records of a LevelDB log in order (log_reader.cc :: ReadPhysicalRecord), block trailers skipped. */
export function* logFragments(bytes: Buffer): Generator<LogFragment> {
  let pos = 0;
  while (pos + HEADER <= bytes.length) {
    const leftInBlock = BLOCK - (pos % BLOCK);
    if (leftInBlock < HEADER) {
      pos += leftInBlock; // a block's zero-filled trailer
      continue;
    }
    const length = bytes.readUInt16LE(pos + 4);
    const overrun = HEADER + length > leftInBlock || pos + HEADER + length > bytes.length;
    yield { offset: pos, checksum: bytes.readUInt32LE(pos), type: bytes[pos + 6] ?? 0, overrun, data: bytes.subarray(pos + HEADER, pos + HEADER + length) };
    if (overrun) return;
    pos += HEADER + length;
  }
}

/** Whether a fragment's block is the file's last: a record overrunning it is a write torn by a crash, not damage. */
export const inLastBlock = (fragment: LogFragment, fileBytes: number): boolean => fragment.offset - (fragment.offset % BLOCK) + BLOCK >= fileBytes;

/** The records of a LevelDB log, reassembled from their fragments; a torn last record is dropped. */
const logRecords = (bytes: Buffer): Buffer[] => {
  const records: Buffer[] = [];
  let pending: Buffer[] = [];
  for (const { type, overrun, data } of logFragments(bytes)) {
    if (overrun) break;
    if (type === 1) records.push(data);
    else if (type === 2) pending = [data];
    else if (type === 3) pending.push(data);
    else if (type === 4) records.push(Buffer.concat([...pending, data]));
    else break; // zeros where a writer preallocated: nothing after
  }
  return records;
};

class Reader {
  private pos = 0;
  constructor(private readonly bytes: Buffer) {}
  done(): boolean {
    return this.pos >= this.bytes.length;
  }
  varint(): number {
    let value = 0;
    for (let shift = 1; ; shift *= 128) {
      const byte = this.bytes[this.pos++];
      if (byte === undefined) throw new Error('MANIFEST: a varint runs past its record');
      value += (byte & 0x7f) * shift;
      if (byte < 0x80) return value;
    }
  }
  slice(): Buffer {
    const length = this.varint();
    this.pos += length;
    return this.bytes.subarray(this.pos - length, this.pos);
  }
}

/** A live table: its level and the user keys it spans (an internal key is the user key and 8 bytes of sequence and type). */
export interface TableSpan {
  readonly level: number;
  readonly smallest: Buffer;
  readonly largest: Buffer;
}

const INTERNAL_KEY_TAIL = 8;

/** The live table files after every VersionEdit of the MANIFEST, by number. */
export const liveTableSpans = (manifest: Buffer): Map<number, TableSpan> => {
  const live = new Map<number, TableSpan>();
  for (const record of logRecords(manifest)) {
    const edit = new Reader(record);
    while (!edit.done()) {
      const tag = edit.varint();
      switch (tag) {
        case 1: // comparator name
          edit.slice();
          break;
        case 2: // log number
        case 3: // next file number
        case 4: // last sequence
        case 9: // previous log number
          edit.varint();
          break;
        case 5: // compaction pointer: level, key
          edit.varint();
          edit.slice();
          break;
        case 6: // deleted file: level, number
          edit.varint();
          live.delete(edit.varint());
          break;
        case 7: {
          // new file: level, number, size, smallest key, largest key
          const level = edit.varint();
          const number = edit.varint();
          edit.varint();
          const [smallest, largest] = [edit.slice(), edit.slice()];
          live.set(number, { level, smallest: smallest.subarray(0, -INTERNAL_KEY_TAIL), largest: largest.subarray(0, -INTERNAL_KEY_TAIL) });
          break;
        }
        default:
          throw new Error(`MANIFEST: unknown VersionEdit tag ${tag}`);
      }
    }
  }
  return live;
};

/** The numbers of the live table files after every VersionEdit of the MANIFEST. */
export const liveTables = (manifest: Buffer): Set<number> => new Set(liveTableSpans(manifest).keys());

/**
 * The table files whose key span holds `key`, in the order LevelDB looks a key up (db/version_set.cc ::
 * Version::Get: level 0 newest first, then each level's one table): the value a read got came from one of them,
 * or from the write-ahead log when none spans it.
 */
export const tablesSpanning = (manifest: Buffer, key: string): string[] => {
  const wanted = Buffer.from(key, 'utf8');
  return [...liveTableSpans(manifest)]
    .filter(([, t]) => Buffer.compare(t.smallest, wanted) <= 0 && Buffer.compare(wanted, t.largest) <= 0)
    .sort(([a, ta], [b, tb]) => ta.level - tb.level || (ta.level === 0 ? b - a : a - b))
    .map(([number]) => `${String(number).padStart(6, '0')}.ldb`);
};
