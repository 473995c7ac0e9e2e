/**
 * The converted facts of an import, held in memory while they are few and spilled to disk when they are
 * not, so an import of any size merges in bounded memory. Every step of the merge (one record per fact,
 * container runs, what Event objects leave out, causal order) works within one subject (a pod by uid, or a
 * node): spilled facts are partitioned by subject, each partition is merged alone, with the journal's
 * events of its subjects, and the partitions' time-ordered outputs are merged k-way by time.
 */
import { createReadStream } from 'node:fs';
import { appendFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Event } from '../events/index.js';
import { fnv1a } from '../hash/index.js';
import { newOwnedFolder } from '../temp/owned-folders.js';
import { removedAtProcessEnd } from './on-interrupt.js';
import { subjectKeyOf } from './build.js';
import type { Imported } from './imported.js';
import { withPodsKnownOnlyFromEvents } from './events-only-pods.js';
import { subjectKeysOf } from './listed-pods.js';
import { mergeImported, tieRankOf } from './merge.js';

export interface SpillOptions {
  /** Facts held in memory before the import spills to disk (default 20,000, about 60 MiB). */
  readonly memoryItems?: number;
  /** Partitions once spilled (default 64): each is merged in memory alone. */
  readonly partitions?: number;
  /** Folder for the spill files (default the OS temporary folder); a fresh subfolder is made and removed. */
  readonly dir?: string;
}

/** The journal's events about some subjects: they take part in the merge, so facts it holds are not added. */
export type KnownOf = (subjects: ReadonlySet<string>) => AsyncIterable<Event>;

const FLUSH_BYTES = 1 << 20;

/** The merge of some subjects' facts, with a pod known only from its Events given its inferred creation. */
const mergeSubjects = (inputs: readonly Imported[], known: readonly Event[]): Event[] =>
  mergeImported(withPodsKnownOnlyFromEvents(inputs, known), known);

/**
 * A pod's facts go to the partition of its namespace and name, whatever its uid: a name's successive objects
 * (succession) and a deletion a controller names by pod name alone are merged with that pod's other facts.
 */
const partitionKeyOf = (e: Event): string => ('pod' in e ? `pod/${e.pod.namespace}/${e.pod.name}` : subjectKeyOf(e));

const partitionOf = (key: string, partitions: number): number => (fnv1a(key) >>> 0) % partitions;

/** Per-partition JSON-lines files, written in buffered appends. */
class PartitionFiles {
  private readonly buffers: string[];
  constructor(
    readonly dir: string,
    readonly name: string,
    readonly count: number,
  ) {
    this.buffers = Array.from({ length: count }, () => '');
  }

  path(p: number): string {
    return join(this.dir, `${this.name}-${p}.jsonl`);
  }

  async write(p: number, value: unknown): Promise<void> {
    const text = (this.buffers[p] ?? '') + JSON.stringify(value) + '\n';
    this.buffers[p] = text;
    if (text.length >= FLUSH_BYTES) await this.flush(p);
  }

  private async flush(p: number): Promise<void> {
    const text = this.buffers[p] ?? '';
    this.buffers[p] = '';
    await appendFile(this.path(p), text);
  }

  /** Writes what is buffered; every partition's file exists after. */
  async close(): Promise<void> {
    for (let p = 0; p < this.count; p++) await this.flush(p);
  }

  /** Writes what is buffered for one partition. */
  async closePartition(p: number): Promise<void> {
    await this.flush(p);
  }
}

async function* linesOf<T>(path: string): AsyncGenerator<T> {
  const input = createReadStream(path, { encoding: 'utf8' });
  try {
    for await (const line of createInterface({ input, crlfDelay: Infinity })) if (line !== '') yield JSON.parse(line) as T;
  } finally {
    input.destroy();
  }
}

const readAll = async <T>(path: string): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of linesOf<T>(path)) out.push(item);
  return out;
};

/** Time order across partitions: by instant, then cause before effect (the merge's tie rank). */
const before = (a: Event, b: Event): boolean => a.at < b.at || (a.at === b.at && tieRankOf(a) < tieRankOf(b));

/** The k-way merge of time-ordered streams; ties stay in stream order. */
async function* mergeByTime(streams: ReadonlyArray<AsyncIterator<Event>>): AsyncGenerator<Event> {
  const heads = await Promise.all(streams.map((s) => s.next()));
  for (;;) {
    let pick = -1;
    heads.forEach((h, i) => {
      const current = pick < 0 ? undefined : heads[pick];
      if (h.done !== true && (current === undefined || current.done === true || before(h.value, current.value))) pick = i;
    });
    const chosen = heads[pick];
    const stream = streams[pick];
    if (chosen === undefined || chosen.done === true || stream === undefined) return;
    yield chosen.value;
    heads[pick] = await stream.next();
  }
}

export class ImportBuffer {
  private items: Imported[] = [];
  private spilled: PartitionFiles | undefined;
  private readonly subjectKeys = new Set<string>();
  private folder: string | undefined;
  private releaseFolder: (() => void) | undefined;

  constructor(private readonly opts: SpillOptions = {}) {}

  /** The subjects the import's facts are about, and the namespaces it lists or names pods of by their Events. */
  get subjects(): ReadonlySet<string> {
    return this.subjectKeys;
  }

  /** Whether the facts went to disk. */
  get onDisk(): boolean {
    return this.spilled !== undefined;
  }

  async add(items: readonly Imported[]): Promise<void> {
    for (const item of items) for (const key of subjectKeysOf(item)) this.subjectKeys.add(key);
    if (this.spilled !== undefined) return this.spill(this.spilled, items);
    this.items.push(...items);
    if (this.items.length <= (this.opts.memoryItems ?? 20_000)) return;
    const files = new PartitionFiles(this.makeFolder(), 'input', this.opts.partitions ?? 64);
    this.spilled = files;
    const held = this.items;
    this.items = [];
    await this.spill(files, held);
  }

  /**
   * Every fact once, in valid-time order, without those `known` holds already. Facts in memory merge in
   * one piece; spilled ones partition by partition, each partition's output kept on disk for the k-way merge.
   */
  async *merged(knownOf: KnownOf): AsyncGenerator<Event> {
    const spilled = this.spilled;
    if (spilled === undefined) {
      const known: Event[] = [];
      for await (const e of knownOf(this.subjectKeys)) known.push(e);
      yield* mergeSubjects(this.items, known);
      return;
    }
    await spilled.close();
    const known = new PartitionFiles(spilled.dir, 'known', spilled.count);
    for await (const e of knownOf(this.subjectKeys)) await known.write(partitionOf(partitionKeyOf(e), known.count), e);
    await known.close();
    const merged = new PartitionFiles(spilled.dir, 'merged', spilled.count);
    for (let p = 0; p < spilled.count; p++) {
      const inputs = await readAll<Imported>(spilled.path(p));
      const held = await readAll<Event>(known.path(p));
      for (const e of mergeSubjects(inputs, held)) await merged.write(p, e);
      await merged.closePartition(p);
      await rm(spilled.path(p), { force: true });
      await rm(known.path(p), { force: true });
    }
    const streams = Array.from({ length: merged.count }, (_, p) => linesOf<Event>(merged.path(p)));
    try {
      yield* mergeByTime(streams);
    } finally {
      await Promise.all(streams.map((s) => s.return(undefined)));
    }
  }

  /** Removes the spill files (call when done, whether or not the import went through). */
  async dispose(): Promise<void> {
    this.releaseFolder?.();
    this.releaseFolder = undefined;
    if (this.folder !== undefined) await rm(this.folder, { recursive: true, force: true });
    this.folder = undefined;
  }

  private makeFolder(): string {
    if (this.folder !== undefined) return this.folder;
    this.releaseFolder = removedAtProcessEnd(() => this.folder);
    // synchronous: a signal handled between the folder's making and `this.folder` would find nothing to remove;
    // named after this process, so that the next import removes it if SIGKILL leaves it behind
    const folder = newOwnedFolder(this.opts.dir ?? tmpdir(), 'podj-import');
    this.folder = folder;
    return folder;
  }

  private async spill(files: PartitionFiles, items: readonly Imported[]): Promise<void> {
    for (const item of items) await files.write(partitionOf(partitionKeyOf(item.event), files.count), item);
  }
}
