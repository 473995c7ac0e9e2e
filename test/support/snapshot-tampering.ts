/**
 * What an attacker or a careless user can do to a journal's snapshots with the journal closed: edit a
 * snapshot file, copy one over another, re-point an `s!` key, truncate a file, plant an old one back.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';

export const SNAPSHOT_KEYS = { gte: 's!', lt: 's"' };

const folderOf = (dir: string): string => join(dir, 'snapshots');

/** The `s!` keys and the file names they hold, in key order. */
export const snapshotEntries = async (dir: string): Promise<Array<[string, string]>> => {
  const db = new ClassicLevel<string, string>(dir);
  try {
    return await db.iterator(SNAPSHOT_KEYS).all();
  } finally {
    await db.close();
  }
};

export const snapshotFiles = async (dir: string): Promise<string[]> => (await readdir(folderOf(dir))).filter((n) => n.endsWith('.json')).sort();

export const readSnapshotText = (dir: string, name: string): Promise<string> => readFile(join(folderOf(dir), name), 'utf8');
export const writeSnapshotText = (dir: string, name: string, text: string): Promise<void> => writeFile(join(folderOf(dir), name), text);

const partFile = (dir: string, part: string): string => join(folderOf(dir), 'parts', `${part}.json`);

interface StoredPod {
  readonly pod: { metadata: Record<string, unknown> };
}

/** A part of pods: a first line (its specs), then a pod a line. */
const podsOf = (text: string): StoredPod[] => text.split('\n').slice(1).map((line) => JSON.parse(line) as StoredPod);

/**
 * Adds a pod to a snapshot: a copy of the first pod of its last part holding pods, under another uid and
 * name (`intruder`), written over that part's file (later snapshots naming the part see it too). With
 * `rehash`, as a deliberate forger would, the part is written under its new SHA-256 instead, the snapshot
 * names it, and the header's SHA-256 is recomputed.
 * Returns the part's name (before the change), or undefined if the snapshot holds no pod.
 */
export const addPodToSnapshot = async (dir: string, name: string, rehash: boolean): Promise<string | undefined> => {
  const text = await readSnapshotText(dir, name);
  const end = text.indexOf('\n');
  const header = JSON.parse(text.slice(0, end)) as { sha256: string };
  const index = JSON.parse(text.slice(end + 1)) as { parts: string[] };
  const parts = await Promise.all(index.parts.map(async (part) => ({ part, text: await readFile(partFile(dir, part), 'utf8') })));
  const at = parts.map((p) => podsOf(p.text).length > 0).lastIndexOf(true);
  const { part, text: body } = parts[at] ?? {};
  const [first] = body === undefined ? [] : podsOf(body);
  if (part === undefined || body === undefined || first === undefined) return undefined;
  const forged = `${body}\n${JSON.stringify({ ...first, pod: { ...first.pod, metadata: { ...first.pod.metadata, uid: 'uid-intruder', name: 'intruder' } } })}`;
  if (!rehash) {
    await writeFile(partFile(dir, part), forged);
    return part;
  }
  const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
  await writeFile(partFile(dir, sha(forged)), forged);
  index.parts[at] = sha(forged);
  const blob = JSON.stringify(index);
  header.sha256 = sha(blob);
  await writeSnapshotText(dir, name, `${JSON.stringify(header)}\n${blob}`);
  return part;
};

/**
 * Replaces `from` with `to` (of the same length, so every line stays where the rows place it) in the pod
 * lines of every part of a snapshot, leaving each part's first line and its file name as they were.
 * Returns the parts changed.
 */
export const editPodLines = async (dir: string, name: string, from: string, to: string): Promise<string[]> => {
  const text = await readSnapshotText(dir, name);
  const index = JSON.parse(text.slice(text.indexOf('\n') + 1)) as { parts: string[] };
  const changed: string[] = [];
  for (const part of index.parts) {
    const [first = '', ...lines] = (await readFile(partFile(dir, part), 'utf8')).split('\n');
    const edited = lines.map((line) => line.split(from).join(to));
    if (edited.join() === lines.join()) continue;
    await writeFile(partFile(dir, part), [first, ...edited].join('\n'));
    changed.push(part);
  }
  return changed;
};

/** Points `s!` key `key` at another file name. */
export const repointSnapshotKey = async (dir: string, key: string, name: string): Promise<void> => {
  const db = new ClassicLevel<string, string>(dir);
  try {
    await db.put(key, name);
  } finally {
    await db.close();
  }
};

/** Puts `s!` entries back (with their files' texts): a snapshot planted again after it was removed. */
export const plantSnapshots = async (dir: string, planted: ReadonlyArray<{ key: string; name: string; text: string }>): Promise<void> => {
  const db = new ClassicLevel<string, string>(dir);
  try {
    for (const { key, name, text } of planted) {
      await db.put(key, name);
      await writeSnapshotText(dir, name, text);
    }
  } finally {
    await db.close();
  }
};
