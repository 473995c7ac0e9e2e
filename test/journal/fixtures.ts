/** Valid events and temporary journal folders for the journal tests. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Level } from 'level';
import { openJournal, type Journal, type OpenOptions } from '../../src/journal/index.js';
import type { Event } from '../../src/events/index.js';
import { instantOf, type Instant } from '../../src/k8s/codecs.js';

export const T0 = Date.parse('2026-03-01T10:00:00.000Z');
/** The instant `s` seconds after T0. */
export const at = (s: number): Instant => instantOf(T0 + s * 1000);

const pod = (uid: string) => ({ namespace: 'default', name: `pod-${uid}`, uid });

export const podCreated = (uid: string, s: number): Event => ({
  type: 'PodCreated',
  v: 1,
  at: at(s),
  source: 'api',
  pod: pod(uid),
  manifest: { metadata: { name: `pod-${uid}` }, spec: { containers: [{ name: 'c', image: 'busybox' }] } },
});

export const podBound = (uid: string, s: number, node = 'node-1'): Event => ({
  type: 'PodBound',
  v: 1,
  at: at(s),
  source: 'scheduler',
  pod: pod(uid),
  node,
});

export const containerStarted = (uid: string, s: number, containerID = `cid-${uid}-${s}`): Event => ({
  type: 'ContainerStarted',
  v: 1,
  at: at(s),
  source: 'runtime',
  pod: pod(uid),
  container: 'c',
  containerID,
});

/** An observation (`src/events/observations.ts`): its pod index entry is in the observations' range. */
export const probeExecuted = (uid: string, s: number, outcome: 'success' | 'failure' = 'success'): Event => ({
  type: 'ProbeExecuted',
  v: 1,
  at: at(s),
  source: 'prober',
  pod: pod(uid),
  container: 'c',
  probe: 'liveness',
  outcome,
});

export const nodeReady = (s: number): Event => ({
  type: 'NodeConditionChanged',
  v: 1,
  at: at(s),
  source: 'node',
  node: 'node-1',
  conditionType: 'Ready',
  status: 'True',
});

/** A fresh temporary folder path (not created: the journal creates it) and its cleanup. */
export const tempDir = async (): Promise<{ dir: string; cleanup: () => Promise<void> }> => {
  const parent = await mkdtemp(join(tmpdir(), 'podj-journal-'));
  return { dir: join(parent, 'journal'), cleanup: () => rm(parent, { recursive: true, force: true }) };
};

/** Opens a journal in a fresh temporary folder with a fixed clock; `done` closes and removes it. */
export const freshJournal = async (opts: OpenOptions = {}): Promise<{ journal: Journal; dir: string; done: () => Promise<void> }> => {
  const { dir, cleanup } = await tempDir();
  const journal = await openJournal(dir, { clock: () => at(1000), sync: false, ...opts });
  return {
    journal,
    dir,
    done: async () => {
      await journal.close();
      await cleanup();
    },
  };
};

/** Edits a closed journal's LevelDB store directly, as an attacker or a disk fault would. */
export const tamper = async (dir: string, edit: (db: Level<string, string>) => Promise<void>): Promise<void> => {
  const db = new Level<string, string>(dir, { keyEncoding: 'utf8', valueEncoding: 'utf8' });
  await db.open();
  try {
    await edit(db);
  } finally {
    await db.close();
  }
};
