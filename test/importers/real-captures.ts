/**
 * The pod objects recorded in test/fixtures/real, each with the instant it was captured: what a cluster showed,
 * read straight from the files (never through podj's importers), for the tests that compare podj's answers with it.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { expect } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { objectInstant, statedFacts, type RawPod } from './kubectl-rows.js';
import { podj } from './podj-in-process.js';

export const REAL = resolve(import.meta.dirname, '../fixtures/real');

/** One pod object as a source captured it, and the instant of that capture. */
export interface Capture {
  readonly at: number;
  readonly pod: RawPod;
  /** A watch DELETED: from this instant the pod has no row. */
  readonly deleted?: true;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPod = (v: unknown): v is RawPod =>
  isObject(v) && isObject(v['metadata']) && isObject(v['spec']) && Array.isArray(v['spec']['containers']) && (v['kind'] === undefined || v['kind'] === 'Pod');

/** The documents of a file: YAML streams, one JSON value, or JSON lines. */
export const documents = (file: string, text: string): unknown[] => {
  if (/\.ya?ml$/.test(file)) return parseAllDocuments(text).map((d) => d.toJSON() as unknown);
  try {
    return [JSON.parse(text) as unknown];
  } catch {
    return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown);
  }
};

/**
 * The captures of one document. A list was served at one instant: at least the latest any of its objects
 * states. A watch line or bare Pod is captured at its own latest time; a DELETED line at the same instant as
 * the pod's last object supersedes it (the stream showed the pod gone).
 * An audit line's response object was written at the line's stageTimestamp.
 */
export const captures = (doc: unknown): Capture[] => {
  if (!isObject(doc)) return [];
  if (Array.isArray(doc['items'])) {
    const pods = doc['items'].filter(isPod);
    const at = Math.max(...pods.map((p) => objectInstant(p) ?? 0));
    return pods.map((pod) => ({ at, pod }));
  }
  if (typeof doc['type'] === 'string' && isPod(doc['object'])) {
    const at = objectInstant(doc['object']);
    if (at === undefined) return [];
    return [doc['type'] === 'DELETED' ? { at, pod: doc['object'], deleted: true } : { at, pod: doc['object'] }];
  }
  if (typeof doc['auditID'] === 'string') {
    const object = doc['responseObject'];
    const stamp = typeof doc['stageTimestamp'] === 'string' ? Date.parse(doc['stageTimestamp']) : NaN;
    const writes = ['create', 'update', 'patch'].includes(String(doc['verb']));
    return writes && doc['stage'] === 'ResponseComplete' && isPod(object) && !Number.isNaN(stamp) ? [{ at: stamp, pod: object }] : [];
  }
  if (isPod(doc)) {
    const at = objectInstant(doc);
    return at === undefined ? [] : [{ at, pod: doc }];
  }
  return [];
};

export const refOf = (pod: RawPod): string => `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;

/**
 * Whether a capture shows all its pod did by its instant T. Times are whole seconds: a later capture of the same
 * pod can state a fact of the same second T or before (a container that finished within it), which podj's row
 * at T rightly shows and this earlier capture cannot; such a capture is not compared.
 */
const settled = (all: readonly Capture[], i: number): boolean => {
  const { at, pod } = all[i] ?? { at: 0, pod: undefined };
  if (pod === undefined) return false;
  const own = new Set(statedFacts(pod).map((f) => `${f.fact}@${f.at}`));
  const covered = (later: RawPod): boolean => statedFacts(later).every((f) => f.at > at || f.fact === 'managed' || own.has(`${f.fact}@${f.at}`));
  return all.slice(i + 1).every((later) => refOf(later.pod) !== refOf(pod) || covered(later.pod));
};

/** Per capture instant, the last settled object of each pod captured at it (file order), unless deleted then. */
export const byInstant = (all: readonly Capture[]): Map<number, Map<string, RawPod>> => {
  const out = new Map<number, Map<string, RawPod>>();
  for (const [i, { at, pod, deleted }] of all.entries()) {
    const pods = out.get(at) ?? new Map<string, RawPod>();
    if (deleted === true || !settled(all, i)) pods.delete(refOf(pod));
    else pods.set(refOf(pod), pod);
    out.set(at, pods);
  }
  return out;
};

/** What a server printed rather than what it stored (`?as=Table` answers: `recorded-tables.test.ts` reads them). */
const isPrintedTable = (name: string): boolean => name.endsWith('-tables.jsonl');

/** Every data file under test/fixtures/real, with its path relative to it. */
export const dataFiles = async (dir = REAL): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true });
  const isData = (name: string): boolean => /\.(json|jsonl|ya?ml|log)$/.test(name) && name !== 'expected.json' && !isPrintedTable(name);
  const nested = await Promise.all(entries.map(async (e) => (e.isDirectory() ? dataFiles(join(dir, e.name)) : isData(e.name) ? [relative(REAL, join(dir, e.name))] : [])));
  return nested.flat().sort();
};

/** Files that hold no capture the comparisons can read, each with why; their own tests read them. */
export const NOT_COMPARED: Readonly<Record<string, string>> = {
  'khi/gke-audit-pod-lifecycle.yaml': 'GKE LogEntries its authors edited (a string restartCount), refused as they are: gke-audit.test.ts reads them',
  'khi/gke-audit-pod-lifecycle.khi-manifest.yaml': "the authors' rebuild of that pod from its patches, not a capture (a PodScheduled condition with no status)",
};

/** The captures a file holds, in file order. */
export const capturesOf = async (file: string): Promise<Capture[]> => documents(file, await readFile(join(REAL, file), 'utf8')).flatMap(captures);

/** What podj shows at one capture instant of a file imported alone. */
export interface AtCapture {
  readonly at: number;
  readonly iso: string;
  /** The pods captured then, by `namespace/name` (`byInstant`). */
  readonly pods: ReadonlyMap<string, RawPod>;
  /** `get pods -A -o json --at` then, by `namespace/name`. */
  readonly listed: ReadonlyMap<string, RawPod>;
  /** `--journal DIR` of the import, for more queries. */
  readonly journal: readonly string[];
}

/** Imports one file alone into a fresh journal and visits each of its capture instants in turn. */
export const eachCaptureInstant = async (file: string, all: readonly Capture[], visit: (at: AtCapture) => Promise<void>): Promise<void> => {
  const dir = await mkdtemp(join(tmpdir(), 'podj-captures-'));
  const journal = ['--journal', join(dir, 'journal')];
  try {
    const imported = await podj('import', ...journal, join(REAL, file));
    expect(imported.code, imported.stderr).toBe(0);
    for (const [at, pods] of byInstant(all)) {
      const iso = new Date(at).toISOString();
      const out = await podj('get', 'pods', '-A', '-o', 'json', '--at', iso, ...journal);
      expect(out.code, out.stderr).toBe(0);
      const listed = new Map((JSON.parse(out.stdout) as { items: RawPod[] }).items.map((o) => [refOf(o), o]));
      await visit({ at, iso, pods, listed, journal });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
