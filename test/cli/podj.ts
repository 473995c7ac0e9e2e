/** Runs the built `podj` binary as a user would, in a temporary working folder. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ClassicLevel } from 'classic-level';
import { afterEach, expect } from 'vitest';

export const REPO = resolve(import.meta.dirname, '../..');

/** A sample incident journal of the repository's `journal/` folder, by name. */
export const sample = (name: string): string => join(REPO, 'journal', `${name}.yaml`);
/** A file recorded from a real cluster, in `test/fixtures/real/`. */
export const realFixture = (name: string): string => join(REPO, 'test/fixtures/real', name);
const BIN = join(REPO, 'dist/podj/bin.js');

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh working folder; its journal is `<folder>/journal`. */
export const workspace = (): { readonly dir: string; readonly journal: string; readonly podj: (...args: string[]) => Run } => {
  const dir = mkdtempSync(join(tmpdir(), 'podj-e2e-'));
  folders.push(dir);
  const journal = join(dir, 'journal');
  const podj = (...args: string[]): Run => {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PODJ_JOURNAL: journal },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  return { dir, journal, podj };
};

/** Every file under `dir` with its size and SHA-256: equal fingerprints mean not one byte changed. */
export const fingerprint = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => {
      const path = join(dir, name);
      const info = statSync(path);
      return info.isDirectory() ? `${name}/` : `${name} ${info.size} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
    });

/** Every key and value of a journal's store: equal lists mean a write changed no key or value. */
export const storeEntries = async (journal: string): Promise<Array<[string, string]>> => {
  const db = new ClassicLevel<string, string>(journal);
  try {
    return await db.iterator().all();
  } finally {
    await db.close();
  }
};

/** A fresh working folder whose journal holds a replayed sample of `journal/`. */
export const replayed = (name: string): ReturnType<typeof workspace> => {
  const ws = workspace();
  const r = ws.podj('replay', sample(name));
  expect(r.code, r.stderr).toBe(0);
  return ws;
};
